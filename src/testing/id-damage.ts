/**
 * The damage spreadsheets do to ID numbers (DESIGN.md §6), as plain functions: no fast-check
 * needed (the arbitraries of `./id.ts` draw from these).
 *
 * @module
 */

/** The spreadsheet damages `damagedIdArbitrary` applies. */
export type IdDamage =
  | 'apostrophe'
  | 'decimal-zero'
  | 'spaces'
  | 'dots'
  | 'dashes'
  | 'nbsp'
  | 'padding'
  | 'full-width'
  | 'lost-leading-zeros'
  | 'number'
  | 'float-text'
  | 'scientific';

/**
 * The damages that change only formatting: the digits survive, so the value is always recoverable.
 *
 * @example
 * ```ts
 * FORMATTING_DAMAGES.includes('number'); // false
 * ```
 */
export const FORMATTING_DAMAGES: readonly IdDamage[] = Object.freeze([
  'apostrophe',
  'decimal-zero',
  'spaces',
  'dots',
  'dashes',
  'nbsp',
  'padding',
  'full-width',
] as const);

/**
 * Every damage, in documentation order: the formatting ones, then those that lose digits.
 *
 * @example
 * ```ts
 * ID_DAMAGES.includes('scientific'); // true
 * ```
 */
export const ID_DAMAGES: readonly IdDamage[] = Object.freeze([
  ...FORMATTING_DAMAGES,
  'lost-leading-zeros',
  'number',
  'float-text',
  'scientific',
] as const);

export const FORMATTING: ReadonlySet<IdDamage> = new Set<IdDamage>(FORMATTING_DAMAGES);

/** A damaged ID and what was done to it. */
export interface DamagedId {
  /** The canonical number before the damage. */
  readonly original: string;
  /** The damaged value: a string, or a JS number for the `number` damage. */
  readonly damaged: string | number;
  readonly damage: IdDamage;
  /**
   * Whether the original can be recovered in principle: formatting damage always; lost zeros when
   * a spreadsheet drops what `parseIdNumber` restores (one or two zeros of a CCCD, one of a CMND);
   * scientific notation never. A recoverable value may still be reported `ID_AMBIGUOUS_REPAIR`
   * when it also reads as a phone number.
   */
  readonly recoverable: boolean;
}

function group(v: string, sep: string): string {
  let out = '';
  for (let i = 0; i < v.length; i += 3) out += (i === 0 ? '' : sep) + v.slice(i, i + 3);
  return out;
}

function zerosLostRecoverable(v: string): boolean {
  let zeros = 0;
  while (zeros < v.length && v.charCodeAt(zeros) === 48) zeros++;
  if (zeros === 0) return true;
  if (v.length === 12) return zeros <= 2;
  if (v.length === 9) return zeros === 1;
  return false;
}

/**
 * Applies one damage to a canonical ID (exported for reuse in tests and synthetic data).
 *
 * @example
 * ```ts
 * damageId('001090012345', 'number'); // { original: '001090012345', damaged: 1090012345, damage: 'number', recoverable: true }
 * ```
 */
export function damageId(original: string, damage: IdDamage): DamagedId {
  const digitsOnly = original.length > 0 && /^\d+$/.test(original);
  const keep = (damaged: string | number, recoverable: boolean): DamagedId => ({
    original,
    damaged,
    damage,
    recoverable,
  });
  switch (damage) {
    case 'apostrophe':
      return keep(`'${original}`, true);
    case 'decimal-zero':
      return keep(digitsOnly ? `${original}.0` : original, true);
    case 'spaces':
      return keep(group(original, ' '), true);
    case 'dots':
      return keep(group(original, '.'), true);
    case 'dashes':
      return keep(group(original, '-'), true);
    case 'nbsp':
      return keep(group(original, '\u00a0'), true);
    case 'padding':
      return keep(` ${original}\t`, true);
    case 'full-width':
      return keep(
        original.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xff10 - 48)),
        true,
      );
    case 'lost-leading-zeros':
      return digitsOnly
        ? keep(String(Number(original)), zerosLostRecoverable(original))
        : keep(original, true);
    case 'number':
      return digitsOnly
        ? keep(Number(original), zerosLostRecoverable(original))
        : keep(original, true);
    case 'float-text':
      return digitsOnly
        ? keep(`${Number(original)}.0`, zerosLostRecoverable(original))
        : keep(original, true);
    case 'scientific':
      return digitsOnly
        ? keep(Number(original).toExponential(5).toUpperCase(), false)
        : keep(original, true);
  }
}
