/**
 * `parseVietnameseName`: họ (surname) + tên đệm (middle names) + tên (given name).
 *
 * @module
 */
import { codeAt } from './chars.js';
import { foldDiacritics } from './fold.js';
import { toNfc } from './nfc.js';
import { COMPOUND_SURNAMES, OTHER_SURNAMES, STRONG_SURNAMES } from './surnames.js';

/** A Vietnamese name split into its parts. */
export interface VietnameseName {
  /** Họ, possibly compound (`Tôn Thất`); `''` when unknown (empty input or a single word). */
  readonly surname: string;
  /** Tên đệm, zero or more words (`['Thị']`, `['Văn', 'Minh']`). */
  readonly middle: readonly string[];
  /** Tên, the given name (the last word in Vietnamese order); `''` for empty input. */
  readonly given: string;
  /**
   * True when the words looked reversed (given name first, surname last, as in `An Nguyễn`) and
   * were read in that order.
   */
  readonly reversed: boolean;
}

const folded = (w: string) => foldDiacritics(w).toLowerCase();
const exact = (w: string) => w.toLowerCase();
const STRONG_EXACT = new Set(STRONG_SURNAMES.map(exact));
const STRONG_FOLDED = new Set(STRONG_SURNAMES.map(folded));

/** Whether `w` has any letter with a diacritic (then it is compared exactly, not folded). */
function hasDiacritics(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (codeAt(w, i) >= 0x80) return true;
  return false;
}

/** The most frequent surnames, never given names (rank 2); the other strong ones rank 1. */
const TOP = new Set(STRONG_SURNAMES.slice(0, 12));
const TOP_EXACT = new Set([...TOP].map(exact));
const TOP_FOLDED = new Set([...TOP].map(folded));

const OTHER_EXACT = new Set(OTHER_SURNAMES.map(exact));
const OTHER_FOLDED = new Set(OTHER_SURNAMES.map(folded));

/*
 * Words are compared by key: exactly (lower case), unless the whole name lacks diacritics — then
 * folded (`Nguyen` is Nguyễn, but in `Nguyễn Bảo Ly` the `Ly` is not Lý). Each word's key is made
 * once per name, and the known names' keys once per module.
 */

function isOtherSurname(key: string, folding: boolean): boolean {
  return (folding ? OTHER_FOLDED : OTHER_EXACT).has(key);
}

/** 2 for a top surname, 1 for another strong surname, 0 otherwise. */
function surnameRank(key: string, folding: boolean): number {
  if ((folding ? TOP_FOLDED : TOP_EXACT).has(key)) return 2;
  return (folding ? STRONG_FOLDED : STRONG_EXACT).has(key) ? 1 : 0;
}

const COMPOUNDS: readonly (readonly string[])[] = COMPOUND_SURNAMES.map((c) => c.split(' '));
const COMPOUNDS_EXACT = COMPOUNDS.map((c) => c.map(exact));
const COMPOUNDS_FOLDED = COMPOUNDS.map((c) => c.map(folded));

/** Whether `keys[start …]` is the compound `c`. */
function matches(keys: readonly string[], start: number, c: readonly string[]): boolean {
  for (let i = 0; i < c.length; i++) if (keys[start + i] !== c[i]) return false;
  return true;
}

/** How many leading words form a compound surname (0 if none). */
function compoundLength(keys: readonly string[], folding: boolean): number {
  for (const c of folding ? COMPOUNDS_FOLDED : COMPOUNDS_EXACT)
    if (keys.length > c.length && matches(keys, 0, c)) return c.length;
  return 0;
}

/** How many trailing words form a compound surname (reversed order), 0 if none. */
function trailingCompoundLength(keys: readonly string[], folding: boolean): number {
  for (const c of folding ? COMPOUNDS_FOLDED : COMPOUNDS_EXACT)
    if (keys.length > c.length && matches(keys, keys.length - c.length, c)) return c.length;
  return 0;
}

/**
 * Splits a full name into surname, middle names and given name. The input is only NFC-normalised
 * and split on whitespace (normalise it first with {@link normalizeName} for canonical spelling).
 * Compound surnames (Tôn Thất, Tôn Nữ, Âu Dương, Nguyễn Phúc, Công Tằng Tôn Nữ…) are recognised
 * when a given name follows them. When the last word is a surname that is practically never a
 * given name (Nguyễn, Trần, Phạm…) and more surname-like than the first word (a top-twelve surname
 * after anything less frequent; a rarer one such as Diệp or Thạch, which also occur as given
 * names, only after a word that is no surname at all), the order is read as
 * reversed (given name first) and `reversed` is true. A single word is a given name; empty input
 * gives empty parts.
 *
 * @example
 * ```ts
 * parseVietnameseName('Nguyễn Thị Minh Khai');
 * // { surname: 'Nguyễn', middle: ['Thị', 'Minh'], given: 'Khai', reversed: false }
 * parseVietnameseName('Tôn Thất Thuyết');
 * // { surname: 'Tôn Thất', middle: [], given: 'Thuyết', reversed: false }
 * parseVietnameseName('An Nguyễn');
 * // { surname: 'Nguyễn', middle: [], given: 'An', reversed: true }
 * ```
 */
export function parseVietnameseName(s: string): VietnameseName {
  // Untyped callers (a reader's number or null cell): an empty name, never a throw.
  if (typeof s !== 'string') return { surname: '', middle: [], given: '', reversed: false };
  const words = toNfc(s)
    .split(' ')
    .filter((w) => w.length > 0);
  const n = words.length;
  if (n === 0) return { surname: '', middle: [], given: '', reversed: false };
  if (n === 1) return { surname: '', middle: [], given: words[0] ?? '', reversed: false };
  const folding = !words.some(hasDiacritics);
  const keys = words.map(folding ? folded : exact);
  const firstRank = surnameRank(keys[0]!, folding);
  const lastRank = surnameRank(keys[n - 1]!, folding);
  const firstIsSurname = firstRank > 0 || isOtherSurname(keys[0]!, folding);
  const compound = compoundLength(keys, folding);
  const reversed =
    compound === 0 &&
    ((lastRank === 2 && firstRank < 2) ||
      (!firstIsSurname && (lastRank === 1 || trailingCompoundLength(keys, folding) > 0)));
  if (reversed) {
    const len = Math.max(1, trailingCompoundLength(keys, folding));
    return {
      surname: words.slice(n - len).join(' '),
      middle: words.slice(1, n - len),
      given: words[0] ?? '',
      reversed: true,
    };
  }
  const len = Math.max(1, compound);
  return {
    surname: words.slice(0, len).join(' '),
    middle: words.slice(len, n - 1),
    given: words[n - 1] ?? '',
    reversed: false,
  };
}
