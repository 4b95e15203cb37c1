import type { Command } from '../command.js';
import { CliInputError } from '../errors.js';

/** `vn-reconcile clean`: not built yet (see the issue that owns it). */
export const cleanCommand: Command = {
  name: 'clean',
  summary: 'not available in this version yet',
  usage: 'vn-reconcile clean',
  async run() {
    throw new CliInputError('vn-reconcile clean is not available in this version yet');
  },
};
