import type { Command } from '../command.js';
import { CliInputError } from '../errors.js';

/** `vn-reconcile link`: not built yet (see the issue that owns it). */
export const linkCommand: Command = {
  name: 'link',
  summary: 'not available in this version yet',
  usage: 'vn-reconcile link',
  async run() {
    throw new CliInputError('vn-reconcile link is not available in this version yet');
  },
};
