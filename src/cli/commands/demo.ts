import type { Command } from '../command.js';
import { CliInputError } from '../errors.js';

/** `vn-reconcile demo`: not built yet (see the issue that owns it). */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'not available in this version yet',
  usage: 'vn-reconcile demo',
  async run() {
    throw new CliInputError('vn-reconcile demo is not available in this version yet');
  },
};
