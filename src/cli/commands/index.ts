import type { Command } from '../command.js';
import { cleanCommand } from './clean.js';
import { dedupeCommand } from './dedupe.js';
import { demoCommand } from './demo.js';
import { idCommand } from './id.js';
import { linkCommand } from './link.js';
import { prepareCommand } from './prepare.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  idCommand,
  cleanCommand,
  linkCommand,
  prepareCommand,
  dedupeCommand,
  demoCommand,
];
