import type { Command } from '../command.js';
import { CliInputError } from '../errors.js';

/** `vn-reconcile id VALUE...`: built by the foundation issue. */
export const idCommand: Command = {
  name: 'id',
  summary: 'parse CCCD/CMND/passport numbers and print each result as one JSON line',
  usage: 'vn-reconcile id VALUE...',
  async run() {
    throw new CliInputError('vn-reconcile id is not available in this version yet');
  },
};
