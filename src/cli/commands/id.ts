import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  maskIdNumber,
  type ParsedId,
  type ParseIdNumberOptions,
  parseIdNumber,
} from '../../id/index.js';
import { inputError } from '../../node/errors.js';
import type { Command, CommandContext } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';

const USAGE = `Usage: vn-reconcile id [options] VALUE...
       ... | vn-reconcile id [options]        (one value per line on stdin)

Parses CCCD / CMND / passport numbers and prints one JSON line per value:
  {"input":…,"success":true,"data":{kind,value,repairs,parts}}
  or {"input":…,"success":false,"issues":[…]}
An invalid value is data, not an error: the exit code is 0 whenever the
arguments are valid.

Options:
  --no-repair            accept only canonical values (repairs give
                         ID_REPAIR_FORBIDDEN)
  --reference-date DATE  YYYY-MM-DD; birth years after it are in the
                         future (default: today)
  --cmnd12               report valid 12-digit numbers as cmnd12, not cccd
  --mask                 mask the numbers in the output (001******345)
  -h, --help             show this help`;

/** Options of the `id` command once its arguments are read. */
export interface IdCliOptions {
  readonly parse: ParseIdNumberOptions;
  readonly mask: boolean;
}

function readOptions(argv: readonly string[]): { options: IdCliOptions; values: string[] } {
  let parsed: ReturnType<typeof parseArgsStrict>;
  try {
    parsed = parseArgsStrict(argv);
  } catch (error) {
    throw inputError('INPUT_INVALID', error instanceof Error ? error.message : String(error));
  }
  const { values: flags, positionals } = parsed;
  let referenceDate: Date | undefined;
  const ref = flags['reference-date'];
  if (ref !== undefined) {
    referenceDate = /^\d{4}-\d{2}-\d{2}$/.test(ref)
      ? new Date(`${ref}T00:00:00+07:00`)
      : new Date(Number.NaN);
    const t = referenceDate.getTime();
    // Round trip through Vietnam time rejects dates such as 2026-02-31.
    if (Number.isNaN(t) || new Date(t + 7 * 3600_000).toISOString().slice(0, 10) !== ref) {
      throw inputError('INPUT_INVALID', `--reference-date: expected YYYY-MM-DD, got '${ref}'`);
    }
  }
  const parse: ParseIdNumberOptions = {
    ...(flags['no-repair'] === true ? { repairs: false } : {}),
    ...(referenceDate !== undefined ? { referenceDate } : {}),
    ...(flags.cmnd12 === true ? { twelveDigitKind: 'cmnd12' as const } : {}),
  };
  return { options: { parse, mask: flags.mask === true }, values: positionals };
}

function parseArgsStrict(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'no-repair': { type: 'boolean' },
      'reference-date': { type: 'string' },
      cmnd12: { type: 'boolean' },
      mask: { type: 'boolean' },
    },
  });
}

function maskData(data: ParsedId): ParsedId {
  const value = maskIdNumber(data.value);
  if (!('parts' in data)) return { ...data, value };
  return { ...data, value, parts: { ...data.parts, serial: '******' } };
}

/**
 * One JSON line (with its newline) for one value: `{"input":…,"success":…,"data"|"issues":…}`.
 *
 * @example
 * ```ts
 * idResultLine('003090012345', { parse: {}, mask: true });
 * // '{"input":"003******345","success":false,"issues":[{"code":"CCCD_BAD_PROVINCE",…}]}\n'
 * ```
 */
export function idResultLine(value: string, options: IdCliOptions): string {
  const r = parseIdNumber(value, options.parse);
  const input = options.mask ? maskIdNumber(value) : value;
  const body = r.success
    ? { input, success: true, data: options.mask ? maskData(r.data) : r.data }
    : { input, success: false, issues: r.issues };
  return `${JSON.stringify(body)}\n`;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

async function fromStdin(ctx: CommandContext, options: IdCliOptions): Promise<number> {
  const lines = createInterface({ input: ctx.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let count = 0;
  for await (const line of lines) {
    count++;
    await write(ctx.stdout, idResultLine(line, options));
  }
  return count;
}

/** `vn-reconcile id VALUE...`: parse ID numbers and print each result as one JSON line. */
export const idCommand: Command = {
  name: 'id',
  summary: 'parse CCCD/CMND/passport numbers: one JSON line each',
  usage: USAGE,
  async run(ctx) {
    const { options, values } = readOptions(ctx.argv);
    if (values.length === 0) {
      const isTty = (ctx.stdin as { isTTY?: boolean }).isTTY === true;
      const count = isTty ? 0 : await fromStdin(ctx, options);
      if (count === 0) throw inputError('INPUT_INVALID', `no VALUE given\n\n${USAGE}`);
      return EXIT_OK;
    }
    for (const value of values) await write(ctx.stdout, idResultLine(value, options));
    return EXIT_OK;
  },
};
