/**
 * The one flag parser of the CLI: `node:util` `parseArgs` (strict), with a did-you-mean for
 * unknown flags, and the parsers of flag values shared by the commands. Every bad argument is an
 * input error (exit code 1).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import {
  type ColumnMap,
  type Delimiter,
  ENGINE_COLUMNS,
  type EngineColumn,
  type InputEncoding,
  type InputSource,
  inputError,
  isEngineColumn,
  parseEncoding,
} from '../node/index.js';
import type { CommandContext } from './command.js';

/** The `options` of `node:util` `parseArgs`. */
export type ArgOptions = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseCommandArgs} returns for the options `O`. */
export type ParsedArgs<O extends ArgOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * `node:util` `parseArgs` that reports bad arguments as `VnReconcileError` (exit code 1).
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandArgs(['a.csv', '--out', 'b.csv'], { out: { type: 'string' } });
 * ```
 */
export function parseCommandArgs<const O extends ArgOptions>(
  argv: readonly string[],
  options: O,
): ParsedArgs<O> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const names = Object.keys(options).map((n) => `--${n}`);
      const near = didYouMean(unknown.split('=')[0] ?? unknown, names);
      throw inputError(
        'OPTION_INVALID',
        `unknown option ${unknown}${near ? ` (did you mean ${near}?)` : ''}; see --help`,
      );
    }
    throw inputError('OPTION_INVALID', message.split('. To specify')[0] ?? message);
  }
}

/**
 * The one input file of `clean` and `dedupe` (`-` for stdin); `VnReconcileError` when there is none
 * or more than one.
 *
 * @example
 * ```ts
 * oneInputFile(['list.csv']); // 'list.csv'
 * ```
 */
export function oneInputFile(positionals: readonly string[]): string {
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) {
    throw inputError(
      'OPTION_INVALID',
      positionals.length === 0
        ? 'missing the input file (IN.csv, or - for stdin)'
        : `expected one input file, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  return file;
}

/**
 * The one input of `clean`, `dedupe` and `prepare`: the named file, or stdin for `-`.
 *
 * @example
 * ```ts
 * oneInput(['list.csv'], ctx); // 'list.csv'
 * oneInput(['-'], ctx); // ctx.stdin
 * ```
 */
export function oneInput(positionals: readonly string[], ctx: CommandContext): InputSource {
  const file = oneInputFile(positionals);
  return file === '-' ? ctx.stdin : file;
}

/** The `parseArgs` options shared by `clean`, `link` and `dedupe`. */
export const CSV_ARG_OPTIONS = {
  out: { type: 'string', short: 'o' },
  key: { type: 'string' },
  map: { type: 'string', multiple: true },
  bom: { type: 'boolean' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'no-formula-guard': { type: 'boolean' },
} as const satisfies ArgOptions;

/** The help lines of the reading and writing flags of {@link CSV_ARG_OPTIONS}. */
export const CSV_FLAGS_USAGE = `      --encoding NAME     bytes that are not UTF-8: windows-1258, tcvn3,
                          viscii, vni, utf-16le
      --delimiter D       , or ; or tab (default: detected)
      --bom               start the output with a UTF-8 BOM (for Excel)
      --no-formula-guard  write cells starting with = + - @ as they are`;

/** The `parseArgs` options of the model flags of `link` and `dedupe` (see {@link modelOptions}). */
export const MODEL_ARG_OPTIONS = {
  model: { type: 'string' },
  'save-model': { type: 'string' },
  'match-threshold': { type: 'string' },
  'review-threshold': { type: 'string' },
} as const satisfies ArgOptions;

/**
 * Parses `--map canonical=theirs` values (repeatable; `a=x,b=y` also accepted).
 *
 * @example
 * ```ts
 * parseColumnMap(['dob=ngay_sinh', 'full_name=ho_ten']); // { dob: 'ngay_sinh', full_name: 'ho_ten' }
 * ```
 */
export function parseColumnMap(values: readonly string[] | undefined): ColumnMap {
  const out: Partial<Record<EngineColumn, string>> = {};
  for (const value of values ?? []) {
    for (const pair of value.split(',')) {
      const eq = pair.indexOf('=');
      const canon = pair.slice(0, eq).trim();
      const theirs = pair.slice(eq + 1).trim();
      if (eq <= 0 || theirs.length === 0) {
        throw inputError(
          'OPTION_INVALID',
          `--map ${pair}: expected canonical=column, e.g. --map dob=ngay_sinh`,
        );
      }
      if (!isEngineColumn(canon)) {
        throw inputError(
          'OPTION_INVALID',
          `--map ${pair}: '${canon}' is not a column the engine reads (${ENGINE_COLUMNS.join(', ')})`,
        );
      }
      out[canon] = theirs;
    }
  }
  return out;
}

/**
 * The closest of `names` to `wanted` (edit distance at most 2, or a prefix), if any.
 *
 * @example
 * ```ts
 * didYouMean('--ouput', ['--out', '--key']); // '--out'
 * ```
 */
export function didYouMean(wanted: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    const d = n.startsWith(wanted) && wanted.length >= 4 ? 1 : editDistance(wanted, n);
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Parses a probability flag (0 to 1).
 *
 * @example
 * ```ts
 * probabilityFlag('match-threshold', '0.9'); // 0.9
 * ```
 */
export function probabilityFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!(x >= 0 && x <= 1))
    throw inputError('OPTION_INVALID', `--${flag} ${value}: expected a number between 0 and 1`);
  return x;
}

/**
 * Parses a whole-number flag from 1 to `max`.
 *
 * @example
 * ```ts
 * positiveIntFlag('workers', '2', 256); // 2
 * ```
 */
export function positiveIntFlag(
  flag: string,
  value: string | undefined,
  max = 2 ** 31 - 1,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= max)) {
    throw inputError(
      'OPTION_INVALID',
      `--${flag} ${value}: expected a whole number from 1 to ${max}`,
    );
  }
  return n;
}

/**
 * Parses `--reference-date YYYY-MM-DD` (a real calendar date) as UTC midnight.
 *
 * @example
 * ```ts
 * referenceDateFlag('2026-01-01')?.toISOString(); // '2026-01-01T00:00:00.000Z'
 * ```
 */
export function referenceDateFlag(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (
    m === null ||
    date === undefined ||
    date.getUTCFullYear() !== Number(m[1]) ||
    date.getUTCMonth() !== Number(m[2]) - 1 ||
    date.getUTCDate() !== Number(m[3])
  ) {
    throw inputError('OPTION_INVALID', `--reference-date ${value}: expected YYYY-MM-DD`);
  }
  return date;
}

/**
 * Parses `--encoding`.
 *
 * @example
 * ```ts
 * encodingFlag('cp1258'); // 'windows-1258'
 * ```
 */
export function encodingFlag(value: string | undefined): InputEncoding | undefined {
  if (value === undefined) return undefined;
  const e = parseEncoding(value);
  if (!e.success) throw inputError('OPTION_INVALID', e.issues[0].message);
  return e.data;
}

/**
 * Parses `--delimiter` (`,`, `;`, `tab` or a tab character).
 *
 * @example
 * ```ts
 * delimiterFlag('tab'); // '\t'
 * ```
 */
export function delimiterFlag(value: string | undefined): Delimiter | undefined {
  if (value === undefined) return undefined;
  if (value === ',' || value === ';') return value;
  if (value === '\t' || value.toLowerCase() === 'tab' || value === '\\t') return '\t';
  throw inputError('OPTION_INVALID', `--delimiter ${value}: expected , or ; or tab`);
}

/**
 * Whether an error means the reader of our output went away (`… | head`): such a run should stop
 * quietly with exit code 0.
 *
 * @example
 * ```ts
 * isBrokenPipe(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })); // true
 * ```
 */
export function isBrokenPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** The values of {@link CSV_ARG_OPTIONS} as `parseArgs` gives them. */
export interface FileFlagValues {
  readonly out?: string | undefined;
  readonly key?: string | undefined;
  readonly map?: readonly string[] | undefined;
  readonly bom?: boolean | undefined;
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly 'no-formula-guard'?: boolean | undefined;
}

/**
 * The file flags every command shares ({@link CSV_ARG_OPTIONS}) as `vn-reconcile/node` options,
 * with the command's working folder and signal; no `--out` (or `-`) writes to stdout.
 *
 * @example
 * ```ts
 * await cleanFile(input, { ...fileOptions(values, ctx), toneStyle: 'modern' });
 * ```
 */
export function fileOptions(values: FileFlagValues, ctx: CommandContext) {
  return {
    out: values.out === undefined || values.out === '-' ? ctx.stdout : values.out,
    cwd: ctx.cwd,
    key: values.key,
    columns: parseColumnMap(values.map),
    encoding: encodingFlag(values.encoding),
    delimiter: delimiterFlag(values.delimiter),
    bom: values.bom === true,
    formulaGuard: values['no-formula-guard'] !== true,
    signal: ctx.signal,
  };
}

/** The values of the model flags of `link` and `dedupe`. */
export interface ModelFlagValues {
  readonly model?: string | undefined;
  readonly 'save-model'?: string | undefined;
  readonly 'match-threshold'?: string | undefined;
  readonly 'review-threshold'?: string | undefined;
}

/**
 * `--model`, `--save-model`, `--match-threshold` and `--review-threshold` as node options.
 *
 * @example
 * ```ts
 * modelOptions({ 'match-threshold': '0.9' }).matchThreshold; // 0.9
 * ```
 */
export function modelOptions(values: ModelFlagValues) {
  return {
    model: values.model,
    saveModel: values['save-model'],
    matchThreshold: probabilityFlag('match-threshold', values['match-threshold']),
    reviewThreshold: probabilityFlag('review-threshold', values['review-threshold']),
  };
}
