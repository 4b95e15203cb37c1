/**
 * The word orders a Vietnamese full name is written in, and how likely each reading is.
 *
 * Real lists hold names in three orders:
 * - `standard`: họ, tên đệm, tên (`Nguyễn Văn Quyền`), the order of every official form;
 * - `given_first`: tên, họ, tên đệm (`Quyền Nguyễn Văn`), what comes out when a list that keeps
 *   the name in two columns, `Họ đệm` and `Tên` (sorted by given name), is joined back the other
 *   way round, or when a clerk types the given name first;
 * - `western`: tên, tên đệm, họ (`Quyen Van Nguyen`), from English forms and foreign systems.
 *
 * Each reading is scored as prior(order) × P(surname word is a surname) × Π P(middle word is a
 * middle name) × P(given word is a given name), with surname shares from the population (Nguyễn
 * 38%, Trần 11%, Lê 9.5%…) and role likelihoods of the words that are mostly middle names (Văn,
 * Thị) or practically never given names (Nguyễn, Trần…).
 *
 * @module
 */
import { codeAt } from './chars.js';
import { foldDiacritics } from './fold.js';
import { COMPOUND_SURNAMES, OTHER_SURNAMES, STRONG_SURNAMES } from './surnames.js';

/** The order a name was read in (see the module documentation). */
export type NameOrder = 'standard' | 'given_first' | 'western';

/** One way of reading the words of a name, with its probability among the readings. */
export interface NameReading {
  readonly order: NameOrder;
  /** Index of the first word of the surname and its length in words. */
  readonly surnameStart: number;
  readonly surnameLength: number;
  /** Index of the given name. */
  readonly givenIndex: number;
  /** Indices of the middle names, in reading order. */
  readonly middleIndices: readonly number[];
  /** Probability of this reading among all readings of the name (they sum to 1). */
  readonly probability: number;
}

/**
 * Prior share of each order among written names: standard dominates every real list; the Western
 * order comes from English forms, which mostly drop the diacritics, so it is likelier without them.
 */
const ORDER_PRIOR: Readonly<Record<NameOrder, number>> = {
  standard: 0.985,
  given_first: 0.01,
  western: 0.005,
};
const ORDER_PRIOR_FOLDED: Readonly<Record<NameOrder, number>> = {
  standard: 0.97,
  given_first: 0.01,
  western: 0.02,
};

/** Population shares of the most frequent surnames (DESIGN.md §6; Hoàng/Huỳnh, Vũ/Võ split). */
const SURNAME_SHARE: readonly (readonly [string, number])[] = [
  ['Nguyễn', 0.38],
  ['Trần', 0.11],
  ['Lê', 0.095],
  ['Phạm', 0.07],
  ['Hoàng', 0.03],
  ['Huỳnh', 0.02],
  ['Phan', 0.045],
  ['Vũ', 0.02],
  ['Võ', 0.02],
  ['Đặng', 0.021],
  ['Bùi', 0.02],
  ['Đỗ', 0.014],
  ['Hồ', 0.013],
  ['Ngô', 0.013],
  ['Dương', 0.01],
  ['Lý', 0.005],
];
/** Share of another listed strong surname, of another listed surname, of an unknown word. */
const STRONG_SHARE = 0.003;
const OTHER_SHARE = 0.002;
const UNKNOWN_SHARE = 2e-5;
/** Share of one compound surname (Tôn Thất, Tôn Nữ, Âu Dương…: rare clan names). */
const COMPOUND_SHARE = 5e-4;

/** Words that are middle names far more than given names. */
const MARKERS = ['Văn', 'Thị'];
const FREQUENT_MIDDLE = (
  'Hữu Đức Minh Quang Công Thanh Xuân Ngọc Quốc Đình Tấn Trọng Duy Viết Bá Kim Mạnh Chí Như ' +
  'Thế Khắc Gia Bảo Mỹ Thu Hoài Phước Diệu Bích Cẩm Tuyết Phương Hồng Đăng Nhật Anh Hoàng ' +
  'Thành Tuấn'
).split(' ');
/** Frequent given names (tên) that are seldom middle names. */
const COMMON_GIVEN = (
  'Anh Hùng Dũng Tuấn Hải Hà Hương Lan Linh Trang Thảo Hoa Huyền Hằng Nga Nhung Phượng Yến ' +
  'Loan Mai Hạnh Hiền Hưng Hiếu Huy Khánh Khoa Kiên Lâm Long Nam Phong Phúc Quân Sơn Tâm ' +
  'Thắng Tùng Việt Vinh Vy Vân Uyên Trâm Tú Trung Tài Thủy Thúy Ngân Nhi Ly Oanh Quyên Quyền ' +
  'Quỳnh Thư Thơ Thương Tiến Toàn Trí Đạt Định Cường Chiến Bình Dương Giang Hòa Hoàng Hiệp ' +
  'Hậu Lộc Lợi Luân Nghĩa Nhân Quý Sang Thịnh Thông Tín Khôi Châu Hân Tuyết Dung Nguyên Trân ' +
  'Minh Thanh Ngọc Đức Quang Duy Thành Phương Hồng Bảo Tuấn'
).split(' ');
/** Folded words that are also given names once the diacritics are gone (Đăng, Trân, Nguyên, Vân). */
const FOLDED_GIVEN_TOO = new Set([
  'dang',
  'tran',
  'nguyen',
  'le',
  'do',
  'ly',
  'vu',
  'ho',
  'phan',
  'van',
]);

const P_GIVEN_DEFAULT = 0.01;
/** The given-name probability of a frequent given name ({@link COMMON_GIVEN}). */
const COMMON_GIVEN_P = 0.02;
/** The middle-name probability of Văn and Thị. */
const MARKER_P = 0.3;
const P_MIDDLE_DEFAULT = 0.005;

interface WordTables {
  readonly surname: Map<string, number>;
  /** Surname keys of three letters or more with their shares (for a surname with one typo). */
  readonly frequent: readonly (readonly [string, number])[];
  /** Memo of {@link unknownSurnameShare} per word key. */
  readonly typo: Map<string, number>;
  readonly given: Map<string, number>;
  readonly middle: Map<string, number>;
  readonly compounds: readonly (readonly string[])[];
  /** Nguyễn, Trần, Phạm, Phan: a name ending with one was reversed ({@link standardIsPlausible}). */
  readonly top: ReadonlySet<string>;
}

function buildTables(key: (w: string) => string, folding: boolean): WordTables {
  const surname = new Map<string, number>();
  const given = new Map<string, number>();
  const middle = new Map<string, number>();
  const setMax = (m: Map<string, number>, w: string, p: number) =>
    m.set(key(w), Math.max(m.get(key(w)) ?? 0, p));
  for (const w of OTHER_SURNAMES) {
    setMax(surname, w, OTHER_SHARE);
    // Seldom given names, unless listed in COMMON_GIVEN below (Hoàng, Mai, Hà, Sơn…).
    given.set(key(w), 0.003);
  }
  STRONG_SURNAMES.forEach((w, rank) => {
    setMax(surname, w, STRONG_SHARE);
    // The most frequent surnames are practically never given names; the rarer strong ones are
    // sometimes (Diệp, Thạch).
    given.set(key(w), rank < 12 ? 1e-5 : 1e-3);
    middle.set(key(w), 0.003);
  });
  for (const [w, share] of SURNAME_SHARE) setMax(surname, w, share);
  given.set(key('Huỳnh'), 5e-4);
  // Words in both lists (Minh, Thanh, Anh…) are frequent in both roles.
  const both = new Set(COMMON_GIVEN.filter((w) => FREQUENT_MIDDLE.includes(w)));
  for (const w of COMMON_GIVEN) {
    given.set(key(w), COMMON_GIVEN_P);
    if (!both.has(w)) middle.set(key(w), 0.002);
  }
  for (const w of FREQUENT_MIDDLE) {
    middle.set(key(w), 0.03);
    if (!both.has(w)) given.set(key(w), 0.005);
  }
  for (const w of MARKERS) {
    middle.set(key(w), MARKER_P);
    given.set(key(w), 1e-4);
  }
  if (folding) for (const w of FOLDED_GIVEN_TOO) given.set(w, 0.01);
  const compounds = COMPOUND_SURNAMES.map((c) => c.split(' ').map(key));
  const frequent = [...surname.entries()].filter(([k]) => k.length >= 3);
  const top = new Set(['Nguyễn', 'Trần', 'Phạm', 'Phan'].map(key));
  return { surname, frequent, typo: new Map(), given, middle, compounds, top };
}

const EXACT_TABLES = buildTables((w) => w.toLowerCase(), false);
const FOLDED_TABLES = buildTables((w) => foldDiacritics(w).toLowerCase(), true);

/** Share of a frequent surname that is written with one typo (Nguễn, Ngyuen, Phamm). */
const TYPO_SHARE = 0.02;

/** Optimal string alignment distance ≤ 1 (one insertion, deletion, substitution or swap). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The share of an unknown word as a surname: a known surname one typo away, else tiny. */
function unknownSurnameShare(key: string, t: WordTables): number {
  if (key.length < 3) return UNKNOWN_SHARE;
  const hit = t.typo.get(key);
  if (hit !== undefined) return hit;
  let best = UNKNOWN_SHARE;
  for (const [k, share] of t.frequent)
    if (oneEditApart(key, k)) best = Math.max(best, share * TYPO_SHARE);
  // Memoised per word: most words of names are not surnames and come back all the time.
  if (t.typo.size >= 1 << 15) t.typo.clear();
  t.typo.set(key, best);
  return best;
}

/** Folded lower-case key of a word, memoised (names are made of a few thousand words). */
const foldedKeys = new Map<string, string>();
function foldedKey(w: string): string {
  let k = foldedKeys.get(w);
  if (k === undefined) {
    k = foldDiacritics(w).toLowerCase();
    if (foldedKeys.size >= 1 << 15) foldedKeys.clear();
    foldedKeys.set(w, k);
  }
  return k;
}

/** Whether `w` has any letter with a diacritic. */
function hasDiacritics(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (codeAt(w, i) >= 0x80) return true;
  return false;
}

/** Length of the compound surname starting at word `start` (0 if none), leaving `after` words. */
function compoundAt(keys: readonly string[], start: number, t: WordTables, after: number): number {
  for (const c of t.compounds) {
    if (start + c.length + after > keys.length) continue;
    let ok = true;
    for (let i = 0; i < c.length && ok; i++) ok = keys[start + i] === c[i];
    if (ok) return c.length;
  }
  return 0;
}

/** Compound length ending at word `end` (exclusive), 0 if none, leaving `before` words. */
function compoundEnding(
  keys: readonly string[],
  end: number,
  t: WordTables,
  before: number,
): number {
  for (const c of t.compounds) {
    const start = end - c.length;
    if (start < before) continue;
    let ok = true;
    for (let i = 0; i < c.length && ok; i++) ok = keys[start + i] === c[i];
    if (ok) return c.length;
  }
  return 0;
}

/**
 * How much less likely a reversed reading becomes when the standard one is plausible: then the
 * name is read in the standard order (when in doubt, the standard order keeps the name).
 */
const IN_DOUBT = 1e-3;

/** Whether the word key is a listed surname (simple or the first word of a compound). */
function isListedSurname(keys: readonly string[], i: number, t: WordTables): boolean {
  const k = keys[i] as string;
  return (t.surname.get(k) ?? 0) >= OTHER_SHARE || compoundAt(keys, i, t, 0) > 0;
}

/**
 * Whether the standard reading (họ đệm tên) of a name is plausible, so that the name is read in
 * that order: a reversed order needs the standard reading to be implausible, from the frequencies
 * of the whole name —
 *
 * - the last word is Nguyễn, Trần, Phạm or Phan (frequent surnames that are practically never
 *   given names, even without diacritics: `An Nguyễn`, `Quyen Van Nguyen`), or, unless the first
 *   word is a surname that is seldom a given name (`Hoàng Thị Đặng`, `Huỳnh Ngô Văn` and `Giáp Lê
 *   Văn` keep the standard order; `Mai Anh Trần`, with Mai a frequent given name, does not):
 * - the last word is another surname that is practically never a given name (Đặng, Bùi…), or the
 *   name ends with a compound surname (`Phong Âu Dương`), or
 * - three words or more ending with Văn/Thị after a surname (`Quyền Nguyễn Văn`), or
 * - a surname then Văn/Thị in second and third place (`Lan Trần Thị Ngọc`).
 */
function standardIsPlausible(keys: readonly string[], t: WordTables): boolean {
  const n = keys.length;
  const last = keys[n - 1] as string;
  if (t.top.has(last)) return false;
  const first = keys[0] as string;
  if (isListedSurname(keys, 0, t) && (t.given.get(first) ?? P_GIVEN_DEFAULT) < COMMON_GIVEN_P)
    return true;
  const neverGiven = (k: string) =>
    (t.surname.get(k) ?? 0) >= STRONG_SHARE && (t.given.get(k) ?? P_GIVEN_DEFAULT) <= 1e-3;
  if (neverGiven(last) || compoundEnding(keys, n, t, 1) > 1) return false;
  const marker = (k: string) => (t.middle.get(k) ?? 0) >= MARKER_P;
  if (n >= 3 && marker(last) && isListedSurname(keys, 1, t)) return false;
  if (n >= 4 && neverGiven(keys[1] as string) && marker(keys[2] as string)) return false;
  return true;
}

/**
 * Every reading of a name of two words or more (standard; given name first; Western), most
 * probable first, with probabilities that sum to 1. Words are compared exactly (lower case) when
 * the name has diacritics, folded otherwise (`Nguyen` is Nguyễn). Fewer than two words give no
 * reading.
 *
 * @example
 * ```ts
 * nameReadings(['Quyền', 'Nguyễn', 'Văn'])[0]?.order; // 'given_first'
 * nameReadings(['Nguyễn', 'Văn', 'Quyền'])[0]?.order; // 'standard'
 * nameReadings(['Quyen', 'Van', 'Nguyen'])[0]?.order; // 'western'
 * ```
 */
export function nameReadings(words: readonly string[]): NameReading[] {
  const scored = scoreReadings(words);
  let total = 0;
  for (const d of scored) total += d.score;
  return scored
    .map((d) => ({
      order: d.order,
      surnameStart: d.surnameStart,
      surnameLength: d.surnameLength,
      givenIndex: d.givenIndex,
      middleIndices: range(d.middleStart, d.middleEnd),
      probability: total > 0 ? d.score / total : 0,
    }))
    .sort((a, b) => b.probability - a.probability);
}

/** One scored reading; the middle names are the words `middleStart` … `middleEnd − 1`. @internal */
export interface ScoredReading {
  readonly order: NameOrder;
  readonly surnameStart: number;
  readonly surnameLength: number;
  readonly givenIndex: number;
  readonly middleStart: number;
  readonly middleEnd: number;
  /** Unnormalised probability. */
  readonly score: number;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

function surnameP(t: WordTables, key: string, length: number): number {
  if (length > 1) return COMPOUND_SHARE;
  return t.surname.get(key) ?? unknownSurnameShare(key, t);
}

function readingScore(
  t: WordTables,
  prior: number,
  keys: readonly string[],
  surnameStart: number,
  surnameLength: number,
  givenIndex: number,
  middleStart: number,
  middleEnd: number,
): number {
  let score =
    prior *
    surnameP(t, keys[surnameStart]!, surnameLength) *
    (t.given.get(keys[givenIndex]!) ?? P_GIVEN_DEFAULT);
  for (let i = middleStart; i < middleEnd; i++) score *= t.middle.get(keys[i]!) ?? P_MIDDLE_DEFAULT;
  return score;
}

/**
 * The readings of a name of two words or more with their unnormalised scores (see
 * {@link nameReadings}), in the order standard, Western, given name first. @internal
 */
export function scoreReadings(words: readonly string[]): ScoredReading[] {
  const n = words.length;
  if (n < 2) return [];
  let folding = true;
  for (const w of words) if (hasDiacritics(w)) folding = false;
  const t = folding ? FOLDED_TABLES : EXACT_TABLES;
  const prior = folding ? ORDER_PRIOR_FOLDED : ORDER_PRIOR;
  const keys: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) keys[i] = folding ? foldedKey(words[i]!) : words[i]!.toLowerCase();
  const out: ScoredReading[] = [];
  // Standard: surname (possibly compound) first, given name last.
  const sLen = Math.max(1, compoundAt(keys, 0, t, 1));
  out.push({
    order: 'standard',
    surnameStart: 0,
    surnameLength: sLen,
    givenIndex: n - 1,
    middleStart: sLen,
    middleEnd: n - 1,
    score: readingScore(t, prior.standard, keys, 0, sLen, n - 1, sLen, n - 1),
  });
  // Western: given name first, surname (possibly compound) last.
  const tail = Math.max(1, compoundEnding(keys, n, t, 1));
  out.push({
    order: 'western',
    surnameStart: n - tail,
    surnameLength: tail,
    givenIndex: 0,
    middleStart: 1,
    middleEnd: n - tail,
    score: readingScore(t, prior.western, keys, n - tail, tail, 0, 1, n - tail),
  });
  // Given name first, then the surname and the middle names (from split columns); with two words
  // it is the Western reading.
  const doubt = standardIsPlausible(keys, t) ? IN_DOUBT : 1;
  (out[1] as { score: number }).score *= doubt;
  if (n >= 3) {
    const c = Math.max(1, compoundAt(keys, 1, t, 0));
    if (1 + c < n)
      out.push({
        order: 'given_first',
        surnameStart: 1,
        surnameLength: c,
        givenIndex: 0,
        middleStart: 1 + c,
        middleEnd: n,
        score: doubt * readingScore(t, prior.given_first, keys, 1, c, 0, 1 + c, n),
      });
  }
  return out;
}
