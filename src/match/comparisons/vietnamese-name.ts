import { memoize } from '../../memo.js';
import {
  foldDiacritics,
  type NameOrder,
  parseVietnameseName,
  phoneticKey,
  toNfc,
  type VietnameseName,
} from '../../text/index.js';
import { type Comparison, columnComparison, type PreparedColumn } from '../comparison.js';
import {
  createInterner,
  type Interner,
  internIds,
  internPrefixed,
  internPrefixedIds,
} from '../interner.js';
import { osaCodes } from '../kernels/edit-distance.js';
import { withinOneEdit } from '../kernels/one-edit.js';
import { nullOrExact } from './levels.js';
import { buildStringColumn, type StringColumn, valueLength, valueStart } from './string-column.js';

/** Options of {@link givenNameComparison} and {@link familyNameComparison}. */
export interface VietnameseNameOptions<R> {
  readonly name: string;
  /** The full name (họ và tên), ideally already normalised. Ignored when `parts` is given. */
  readonly get?: (record: R) => string | null | undefined;
  /** The prepared name of a record (lets several comparisons and rules share one parse). */
  readonly parts?: (record: R) => PreparedName | undefined;
  /** Largest optimal-string-alignment distance of the fuzzy level, on folded text (default 1). */
  readonly fuzzy?: number;
  /** Term-frequency adjust the exact level (default true). */
  readonly tf?: boolean;
}

/** A full name parsed once into lower-case parts and their phonetic keys. */
export interface PreparedName {
  readonly given: string;
  /** Họ, '' for a one-word name. */
  readonly surname: string;
  readonly middle: readonly string[];
  /** Surname and middle names joined by spaces ('' for a one-word name). */
  readonly family: string;
  readonly givenKey: string;
  readonly surnameKey: string;
  readonly middleKeys: readonly string[];
  readonly familyKey: string;
  /**
   * {@link given}, {@link family} and {@link surname} without diacritics (`đ` → `d`), lower
   * case: set by {@link prepareName} (once per distinct name where names are cached), computed
   * by the comparisons when absent.
   */
  readonly givenFolded?: string;
  readonly familyFolded?: string;
  readonly surnameFolded?: string;
  /**
   * The phonetic keys of every word, sorted: the same for a name in any order (`Quyền Nguyễn Văn`,
   * `Nguyễn Văn Quyền`, `Quyen Van Nguyen`), so it serves as an order-free blocking key and
   * recognises the same name written in another order.
   */
  readonly bagKey: string;
  /** The order the parser read the name in, and how sure it was (see `parseVietnameseName`). */
  readonly order: NameOrder;
  readonly confidence: number;
}

const fold = (s: string) => foldDiacritics(s).toLowerCase();

/** Phonetic key of one word (a few thousand distinct words make up every name): memoised. */
const wordKey = memoize(phoneticKey, 1 << 15);

/**
 * Parses a full name for comparison: NFC, lower case, split into surname, middle names and
 * given name (reversed order read back), with a phonetic key per part.
 *
 * @example
 * ```ts
 * prepareName('Huỳnh Thị Mai')?.familyKey; // 'hoan thi'
 * prepareName('Quyền Nguyễn Văn')?.given; // 'quyền' (read given name first)
 * ```
 */
export function prepareName(full: string | null | undefined): PreparedName | undefined {
  if (!full) return undefined;
  let text = toNfc(full).toLowerCase();
  if (LOOSE_SPACE.test(text)) text = text.replace(/\s+/g, ' ').trim();
  const parsed = parseVietnameseName(text);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  if (!p.given) return undefined;
  // The parser read the words of `toNfc(text)`; lower-casing an NFC text almost never leaves
  // it to compose again, and then its words are `text`'s and each word's key is looked up once.
  const words = toNfc(text) === text ? text.split(' ') : undefined;
  const at = words && partIndices(p, words.length);
  if (words === undefined || at === undefined) return preparedFromParts(p, text);
  const keys = words.map(wordKey);
  return assemble(
    p,
    keys,
    keys[at.given]!,
    p.surname ? joinKeys(keys, at.surnameStart, at.surnameEnd) : '',
    keys.slice(at.middleStart, at.middleEnd),
  );
}

/** The prepared name of parsed parts, from the keys of all its words and of each part. */
function assemble(
  p: VietnameseName,
  wordKeys: readonly string[],
  givenKey: string,
  surnameKey: string,
  middleKeys: string[],
): PreparedName {
  let familyKey = surnameKey;
  for (const k of middleKeys) familyKey += ` ${k}`;
  const family = familyOf(p);
  return {
    bagKey: sortedJoin(wordKeys),
    order: p.order,
    confidence: p.confidence,
    given: p.given,
    surname: p.surname,
    middle: p.middle,
    family,
    givenFolded: fold(p.given),
    familyFolded: family ? fold(family) : '',
    surnameFolded: p.surname ? fold(p.surname) : '',
    givenKey,
    surnameKey,
    middleKeys,
    familyKey: p.surname ? familyKey : '',
  };
}

/**
 * Whitespace that `replace(/\s+/g, ' ').trim()` would change: anything but a single space
 * between two words (a cleaned name has none, and the regular expression's copy is saved).
 */
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/;

/** Where the parts of a parsed name of `n` words sit among its words (from its order). */
function partIndices(
  p: VietnameseName,
  n: number,
):
  | {
      surnameStart: number;
      surnameEnd: number;
      middleStart: number;
      middleEnd: number;
      given: number;
    }
  | undefined {
  let length = 0;
  if (p.surname) {
    length = 1;
    for (let i = 0; i < p.surname.length; i++) if (p.surname.charCodeAt(i) === 0x20) length++;
  }
  const m = p.middle.length;
  if (length + m + 1 !== n) return undefined;
  if (p.order === 'standard')
    return {
      surnameStart: 0,
      surnameEnd: length,
      middleStart: length,
      middleEnd: n - 1,
      given: n - 1,
    };
  if (p.order === 'western')
    return { surnameStart: n - length, surnameEnd: n, middleStart: 1, middleEnd: 1 + m, given: 0 };
  return {
    surnameStart: 1,
    surnameEnd: 1 + length,
    middleStart: 1 + length,
    middleEnd: n,
    given: 0,
  };
}

/** The phonetic key of words `from … to` (as {@link phoneticKey} of the words joined: empty keys left out). */
function joinKeys(keys: readonly string[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const k = keys[i]!;
    if (k.length > 0) out += out.length === 0 ? k : ` ${k}`;
  }
  return out;
}

/** `[...keys].sort().join(' ')` without the copies (a name has a handful of words). */
function sortedJoin(keys: readonly string[]): string {
  const sorted = keys.slice();
  for (let i = 1; i < sorted.length; i++) {
    const k = sorted[i]!;
    let j = i - 1;
    while (j >= 0 && sorted[j]! > k) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = k;
  }
  let out = sorted[0] ?? '';
  for (let i = 1; i < sorted.length; i++) out += ` ${sorted[i]}`;
  return out;
}

/** Surname and middle names joined by spaces ('' without a surname). */
function familyOf(p: VietnameseName): string {
  if (!p.surname) return '';
  let family = p.surname;
  for (const m of p.middle) family += ` ${m}`;
  return family;
}

/** {@link prepareName} from the parts, each key looked up on its own (text that NFC changes again). */
function preparedFromParts(p: VietnameseName, text: string): PreparedName {
  return assemble(
    p,
    text.split(' ').map(wordKey),
    wordKey(p.given),
    p.surname ? wordKey(p.surname) : '',
    p.middle.map(wordKey),
  );
}

function partsGetter<R>(options: VietnameseNameOptions<R>): (r: R) => PreparedName | undefined {
  if (options.parts) return options.parts;
  const get = options.get;
  return (r) => prepareName(get?.(r));
}

/** OSA distance ≤ max between two folded values (linear check for the usual max = 1). */
function typo(max: number, a: StringColumn, i: number, b: StringColumn, j: number): boolean {
  const al = valueLength(a, i);
  const bl = valueLength(b, j);
  if (al - bl > max || bl - al > max) return false;
  const ao = valueStart(a, i);
  const bo = valueStart(b, j);
  if (max === 1) return withinOneEdit(a.codes, ao, al, b.codes, bo, bl);
  return osaCodes(a.codes, ao, al, b.codes, bo, bl) <= max;
}

/** The columns both name comparisons start from: one part of the name, exact, folded and phonetic. */
interface NamePartColumns extends PreparedColumn {
  readonly exact: Int32Array;
  readonly folded: StringColumn;
  readonly phonetic: Int32Array;
}

/**
 * Interns one part of each name (the given name, or the family part) three ways: as written,
 * folded, and by its phonetic key (`~` keeps phonetic ids apart from words in the dictionary).
 */
function partColumns(
  parts: readonly (PreparedName | undefined)[],
  part: 'given' | 'family',
  interner: Interner,
): Omit<NamePartColumns, 'size'> {
  const given = part === 'given';
  const texts = parts.map((p) => (p ? (given ? p.given : p.family) : undefined));
  const exact = internIds(texts, interner);
  // The parse's own folded part where it has one (see PreparedName.givenFolded).
  const folded = buildStringColumn(
    texts.map((t, i) => {
      if (!t) return undefined;
      const p = parts[i]!;
      return (given ? p.givenFolded : p.familyFolded) ?? fold(t);
    }),
    interner,
  );
  const phonetic = internPrefixedIds(
    parts.map((p) => (p ? (given ? p.givenKey : p.familyKey) : undefined)),
    '~',
    interner,
  );
  return { exact, folded, phonetic };
}

interface GivenColumn extends NamePartColumns {
  /** Phonetic id of the surname (to recognise a name written in the other order). */
  readonly surnamePhonetic: Int32Array;
  /** Id of the order-free key of the whole name ({@link PreparedName.bagKey}). */
  readonly bag: Int32Array;
}

/** True when one name is the other written in reverse order (given name first). */
function reversed(ag: number, as: number, bg: number, bs: number): boolean {
  return as >= 0 && bs >= 0 && ag === bs && as === bg;
}

/** Level labels of {@link givenNameComparison}. */
export const GIVEN_NAME_LEVELS = [
  'exact',
  'folded',
  'phonetic',
  'other_order',
  'fuzzy',
  'else',
] as const;

/** Ids of the order-free name keys; −2 when missing (never equal to the other side's −1). */
function bagIds(parts: readonly (PreparedName | undefined)[], interner: Interner): Int32Array {
  const out = new Int32Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    out[i] = p ? internPrefixed(interner, '%', p.bagKey) : -2;
  }
  return out;
}

/**
 * Compares the given name (tên, the last word of a Vietnamese name; the parser reads a reversed
 * "given name first" order back). Levels: `exact` (term-frequency adjusted: Hùng is common, Khôi
 * rare), `folded` (equal without diacritics: a list typed without accents, or tone placement),
 * `phonetic` (same phonetic key: d/gi/r, ch/tr, s/x, final n/ng, i/y …), `other_order` (the same
 * words, up to phonetics, in another order — `Quyền Nguyễn Văn` against `Nguyễn Văn Quyền` when
 * the parser read one of them in the wrong order — or the given name and surname swapped),
 * `fuzzy` (one typo on folded text: optimal string alignment distance ≤ 1), `else`.
 *
 * @example
 * ```ts
 * const c = givenNameComparison<{ n: string }>({ name: 'given', get: (r) => r.n });
 * const col = c.prepare([{ n: 'Nguyễn Văn Dũng' }, { n: 'Nguyen Van Dung' }]);
 * c.levels[c.compare(col, 0, col, 1) - 1]; // 'folded'
 * ```
 */
export function givenNameComparison<R>(options: VietnameseNameOptions<R>): Comparison<R> {
  const interner = createInterner();
  const fuzzy = options.fuzzy ?? 1;
  return columnComparison<R, GivenColumn>({
    name: options.name,
    dictionary: interner,
    levels: GIVEN_NAME_LEVELS,
    tfLevel: options.tf === false ? 0 : 1,
    prepare(records) {
      const parts = records.map(partsGetter(options));
      const given = partColumns(parts, 'given', interner);
      const surnamePhonetic = internPrefixedIds(
        parts.map((p) => (p?.surname ? p.surnameKey : undefined)),
        '~',
        interner,
      );
      return {
        size: records.length,
        exact: given.exact,
        folded: given.folded,
        phonetic: given.phonetic,
        surnamePhonetic,
        bag: bagIds(parts, interner),
        tfIds: given.exact,
      };
    },
    compare(a, i, b, j) {
      const level = nullOrExact(a.exact[i]!, b.exact[j]!);
      if (level >= 0) return level;
      if (a.folded.ids[i] === b.folded.ids[j]) return 2;
      const ap = a.phonetic[i]!;
      const bp = b.phonetic[j]!;
      if (ap === bp) return 3;
      if (a.bag[i] === b.bag[j] || reversed(ap, a.surnamePhonetic[i]!, bp, b.surnamePhonetic[j]!))
        return 4;
      return typo(fuzzy, a.folded, i, b.folded, j) ? 5 : 6;
    },
  });
}

interface FamilyColumn extends NamePartColumns {
  readonly surname: Int32Array;
  /** Phonetic id of the given name (to recognise a name written in the other order). */
  readonly givenPhonetic: Int32Array;
  /** Folded middle-name token ids, `middleStart[i]` … `middleStart[i + 1]`. */
  readonly middle: Int32Array;
  readonly middleStart: Int32Array;
  /** Folded surname (for the one-typo surname level). */
  readonly surnameFolded: StringColumn;
  /** Id of the order-free key of the whole name ({@link PreparedName.bagKey}). */
  readonly bag: Int32Array;
}

/** Level labels of {@link familyNameComparison}. */
export const FAMILY_NAME_LEVELS = [
  'exact',
  'folded',
  'phonetic',
  'other_order',
  'middle_missing',
  'fuzzy',
  'surname_only',
  'surname_typo',
  'else',
] as const;

/** True when the shorter token list is a subsequence of the longer one. */
function subsequence(m: Int32Array, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 > b1 - b0) return subsequence(m, b0, b1, a0, a1);
  let p = a0;
  for (let q = b0; q < b1 && p < a1; q++) if (m[p] === m[q]) p++;
  return p === a1;
}

/**
 * Compares the family part of a Vietnamese name: surname (họ) and middle names (tên đệm).
 * Levels: `exact` (term-frequency adjusted: Nguyễn Thị is very common), `folded` (equal without
 * diacritics), `phonetic` (same phonetic key, so Hoàng/Huỳnh and Vũ/Võ agree), `other_order`
 * (the same words in another order: see {@link givenNameComparison}), `middle_missing` (same
 * surname up to phonetics, and one side's middle names are a subsequence of the other's: a
 * missing or extra tên đệm), `fuzzy` (one typo on folded text), `surname_only`, `surname_typo`
 * (surnames of three letters or more one typo apart, middle names aside: Nguễn, Ngyuen), `else`.
 * Null when either side has no surname (a single-word name).
 *
 * @example
 * ```ts
 * const c = familyNameComparison<{ n: string }>({ name: 'family', get: (r) => r.n });
 * const col = c.prepare([{ n: 'Huỳnh Thị Mai' }, { n: 'Hoàng Mai' }]);
 * c.levels[c.compare(col, 0, col, 1) - 1]; // 'middle_missing'
 * ```
 */
export function familyNameComparison<R>(options: VietnameseNameOptions<R>): Comparison<R> {
  const interner = createInterner();
  const fuzzy = options.fuzzy ?? 1;
  return columnComparison<R, FamilyColumn>({
    name: options.name,
    dictionary: interner,
    levels: FAMILY_NAME_LEVELS,
    tfLevel: options.tf === false ? 0 : 1,
    // A typo in a rare surname says more than one in Nguyễn (1-based level of `surname_typo`).
    fuzzyTfLevel: options.tf === false ? 0 : FAMILY_NAME_LEVELS.indexOf('surname_typo') + 1,
    prepare(records) {
      const getParts = partsGetter(options);
      const parts = records.map((r) => {
        const p = getParts(r);
        return p?.surname ? p : undefined;
      });
      const family = partColumns(parts, 'family', interner);
      const surname = internPrefixedIds(
        parts.map((p) => (p ? p.surnameKey : undefined)),
        '~',
        interner,
      );
      const middleStart = new Int32Array(records.length + 1);
      const tokens: number[] = [];
      parts.forEach((p, i) => {
        middleStart[i] = tokens.length;
        if (p) for (const m of p.middleKeys) tokens.push(internPrefixed(interner, '~', m));
      });
      middleStart[records.length] = tokens.length;
      const surnameFolded = buildStringColumn(
        parts.map((p) => (p ? (p.surnameFolded ?? fold(p.surname)) : undefined)),
        interner,
      );
      return {
        size: records.length,
        exact: family.exact,
        folded: family.folded,
        phonetic: family.phonetic,
        surname,
        givenPhonetic: internPrefixedIds(
          parts.map((p) => (p ? p.givenKey : undefined)),
          '~',
          interner,
        ),
        middle: new Int32Array(tokens),
        middleStart,
        surnameFolded,
        bag: bagIds(parts, interner),
        tfIds: family.exact,
        fuzzyTfIds: surnameFolded.ids,
      };
    },
    compare(a, i, b, j) {
      const level = nullOrExact(a.exact[i]!, b.exact[j]!);
      if (level >= 0) return level;
      if (a.folded.ids[i] === b.folded.ids[j]) return 2;
      if (a.phonetic[i] === b.phonetic[j]) return 3;
      if (
        a.bag[i] === b.bag[j] ||
        reversed(a.givenPhonetic[i]!, a.surname[i]!, b.givenPhonetic[j]!, b.surname[j]!)
      )
        return 4;
      const sameSurname = a.surname[i] === b.surname[j];
      if (sameSurname) {
        // Middle tokens of both sides live in different columns: compare through a merged view.
        const am = a.middle;
        const bm = b.middle;
        const a0 = a.middleStart[i]!;
        const a1 = a.middleStart[i + 1]!;
        const b0 = b.middleStart[j]!;
        const b1 = b.middleStart[j + 1]!;
        const la = a1 - a0;
        const lb = b1 - b0;
        if (la !== lb) {
          const merged = scratchMiddle(la + lb);
          for (let t = 0; t < la; t++) merged[t] = am[a0 + t]!;
          for (let t = 0; t < lb; t++) merged[la + t] = bm[b0 + t]!;
          if (subsequence(merged, 0, la, la, la + lb)) return 5;
        }
      }
      if (typo(fuzzy, a.folded, i, b.folded, j)) return 6;
      if (sameSurname) return 7;
      // One slip in a surname of three letters or more (Nguễn, Ngyuen): two-letter surnames
      // one edit apart (Lê/Lý, Hồ/Đỗ) are different families.
      const sa = a.surnameFolded;
      const sb = b.surnameFolded;
      if (valueLength(sa, i) >= 3 && valueLength(sb, j) >= 3 && typo(1, sa, i, sb, j)) return 8;
      return 9;
    },
  });
}

let middleScratch = new Int32Array(16);
function scratchMiddle(n: number): Int32Array {
  if (middleScratch.length < n) middleScratch = new Int32Array(n * 2);
  return middleScratch;
}
