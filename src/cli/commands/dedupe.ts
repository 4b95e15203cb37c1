import type { Command } from '../command.js';
import { CliInputError } from '../errors.js';

/** `vn-reconcile dedupe`: not built yet (see the issue that owns it). */
export const dedupeCommand: Command = {
  name: 'dedupe',
  summary: 'not available in this version yet',
  usage: 'vn-reconcile dedupe',
  async run() {
    throw new CliInputError('vn-reconcile dedupe is not available in this version yet');
  },
};
