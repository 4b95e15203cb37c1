/**
 * fast-check arbitraries for Vietnamese names and the ways they are damaged in real records
 * (owned by the `text` part). Requires `fast-check`.
 *
 * Frequencies come from `names-data.ts` (surname shares from DESIGN.md §6; middle and given names
 * by sex, older and younger cohorts merged).
 *
 * @module
 */
import fc from 'fast-check';
import {
  encodeLegacy,
  foldDiacritics,
  isCommonNameSyllable,
  isVietnameseSyllable,
  type LegacyEncoding,
  normalizeTonePlacement,
} from '../text/index.js';
import { SURNAMES as NAME_SURNAMES, NAME_TABLES_BY_SEX, type WeightedTable } from './names-data.js';

/** Sex of a generated person (giới tính). */
export type NameSex = 'male' | 'female';

/** A generated Vietnamese name, in canonical form (NFC, traditional tone placement, capitalised). */
export interface GeneratedName {
  /** `surname middle… given`. */
  readonly fullName: string;
  readonly surname: string;
  readonly middle: readonly string[];
  readonly given: string;
  readonly sex: NameSex;
}

type Weighted = readonly (readonly [string, number])[];

const toWeighted = (...tables: WeightedTable[]): Weighted => {
  const merged = new Map<string, number>();
  for (const t of tables)
    for (const { value, weight } of t) merged.set(value, (merged.get(value) ?? 0) + weight);
  return [...merged];
};

/** Tables from `names-data.ts` (the synthetic-data frequency tables), as [value, weight]. */
const SURNAMES: Weighted = toWeighted(NAME_SURNAMES);
const { male, female } = NAME_TABLES_BY_SEX;
const MIDDLE_MALE: Weighted = toWeighted(male.middleOlder, male.middleYounger);
const MIDDLE_FEMALE: Weighted = toWeighted(female.middleOlder, female.middleYounger);
const GIVEN_MALE: Weighted = toWeighted(male.given);
const GIVEN_FEMALE: Weighted = toWeighted(female.given);

function weighted(table: Weighted): fc.Arbitrary<string> {
  return fc.oneof(
    ...table.map(([value, w]) => ({
      arbitrary: fc.constant(value),
      weight: Math.max(1, Math.round(w * 10)),
    })),
  );
}

/** Options of {@link vietnameseNameArbitrary}. */
export interface VietnameseNameArbitraryOptions {
  /** Only this sex (default: both, 50/50). */
  readonly sex?: NameSex;
  /** Number of middle names (default 0–2, mostly 1). */
  readonly middle?: { readonly min: number; readonly max: number };
}

/**
 * Realistic Vietnamese names: surname by national share (Nguyễn 38%, Trần 11%, Lê 9.5% …), middle
 * and given names by sex (Văn/Thị most common), canonical form (NFC, traditional tone placement).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(vietnameseNameArbitrary({ sex: 'female' }), (n) => n.fullName.length > 0));
 * ```
 */
export function vietnameseNameArbitrary(
  options?: VietnameseNameArbitraryOptions,
): fc.Arbitrary<GeneratedName> {
  const sexArb: fc.Arbitrary<NameSex> =
    options?.sex !== undefined ? fc.constant(options.sex) : fc.constantFrom('male', 'female');
  const countArb =
    options?.middle === undefined
      ? fc.oneof(
          { arbitrary: fc.constant(1), weight: 7 },
          { arbitrary: fc.constant(2), weight: 2 },
          { arbitrary: fc.constant(0), weight: 1 },
        )
      : fc.integer({ min: options.middle.min, max: options.middle.max });
  const t = tables();
  return sexArb.chain((sex) =>
    fc
      .record({
        surname: t.surname,
        middle: countArb.chain((k) =>
          fc.array(sex === 'male' ? t.middleMale : t.middleFemale, { minLength: k, maxLength: k }),
        ),
        given: sex === 'male' ? t.givenMale : t.givenFemale,
      })
      .map(({ surname, middle, given }) => ({
        fullName: [surname, ...middle, given].join(' '),
        surname,
        middle,
        given,
        sex,
      })),
  );
}

interface NameTables {
  readonly surname: fc.Arbitrary<string>;
  readonly middleMale: fc.Arbitrary<string>;
  readonly middleFemale: fc.Arbitrary<string>;
  readonly givenMale: fc.Arbitrary<string>;
  readonly givenFemale: fc.Arbitrary<string>;
}

let cachedTables: NameTables | undefined;

/** The weighted arbitraries, built once on first use (they hold hundreds of constants). */
function tables(): NameTables {
  cachedTables ??= {
    surname: weighted(SURNAMES),
    middleMale: weighted(MIDDLE_MALE),
    middleFemale: weighted(MIDDLE_FEMALE),
    givenMale: weighted(GIVEN_MALE),
    givenFemale: weighted(GIVEN_FEMALE),
  };
  return cachedTables;
}

/** A defect applied by {@link corruptedNameArbitrary}. */
export type NameDefect =
  | 'nfd'
  | 'mixed-composition'
  | 'combining-order'
  | LegacyEncoding
  | 'dropped-soft-hyphen'
  | 'telex'
  | 'no-diacritics'
  | 'all-caps'
  | 'lowercase'
  | 'modern-tone'
  | 'double-space'
  | 'nbsp'
  | 'zero-width'
  | 'reversed-order';

/** A damaged name with the defects applied and the clean original. */
export interface CorruptedName {
  /** The canonical name (what `normalizeNameString` should give back when `repairable`). */
  readonly clean: string;
  /** The damaged text. */
  readonly corrupted: string;
  /** The defects applied, in the order applied. */
  readonly defects: readonly NameDefect[];
  /**
   * Whether normalisation can give `clean` back exactly: false when information was destroyed
   * (no diacritics, reversed order, a dropped TCVN3 ư) or a Telex name carries no tone key.
   */
  readonly repairable: boolean;
  /** The generated person. */
  readonly name: GeneratedName;
}

/** Options of {@link corruptedNameArbitrary}. */
export interface CorruptedNameArbitraryOptions extends VietnameseNameArbitraryOptions {
  /** Only these defects may be applied (default: all). */
  readonly defects?: readonly NameDefect[];
}

const TONE_OF: Readonly<Record<string, string>> = {
  '\u0300': 'f',
  '\u0309': 'r',
  '\u0303': 'x',
  '\u0301': 's',
  '\u0323': 'j',
};

/**
 * Types a word the way Telex keystrokes look with the input method off (`Nguyễn` → `Nguyeenx`).
 *
 * @example
 * ```ts
 * toTelex('Nguyễn'); // 'Nguyeenx'
 * ```
 */
export function toTelex(word: string): string {
  let out = '';
  let toneKey = '';
  for (const ch of word.normalize('NFD')) {
    const t = TONE_OF[ch];
    if (t !== undefined) toneKey = t;
    else if (ch === '\u0302') out += out.slice(-1);
    else if (ch === '\u0306' || ch === '\u031b') out += 'w';
    else if (ch === 'đ') out += 'dd';
    else if (ch === 'Đ') out += 'DD';
    else out += ch;
  }
  return out + toneKey;
}

/** Tone marks moved to the modern placement where it differs (oa, oe, uy). */
function modernTones(s: string): string {
  return normalizeTonePlacement(s, { style: 'modern' });
}

function mixedComposition(s: string): string {
  // Precomposed base letter + combining tone, as the Windows Vietnamese keyboard produces.
  let out = '';
  for (const ch of s) {
    const d = ch.normalize('NFD');
    const tone = [...d].find((m) => TONE_OF[m] !== undefined);
    if (tone === undefined) out += ch;
    else out += d.replace(tone, '').normalize('NFC') + tone;
  }
  return out;
}

function combiningOrder(s: string): string {
  // Tone typed before the circumflex/breve/horn: NFD with the two marks swapped.
  return s
    .normalize('NFD')
    .replace(/([\u0302\u0306\u031b])([\u0300\u0301\u0303\u0309\u0323])/g, '$2$1');
}

const REPRESENTATIONS: readonly NameDefect[] = [
  'nfd',
  'mixed-composition',
  'combining-order',
  'tcvn3',
  'vni',
  'viqr',
  'viscii',
  'cp1258',
  'telex',
  'no-diacritics',
];

/**
 * Realistic damaged names: a {@link vietnameseNameArbitrary} name with a random set of defects —
 * at most one representation defect (NFD, mixed composition, tone-before-circumflex, TCVN3, VNI,
 * VIQR, VISCII, CP1258, Telex leftovers, no diacritics), optionally a case defect (all caps,
 * lowercase), the modern tone placement, doubled spaces, NBSPs, zero-width characters, and the
 * reversed (given-name-first) order — reporting which were applied and whether they are repairable.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(corruptedNameArbitrary(), (c) =>
 *   !c.repairable || normalizeNameString(c.corrupted) === c.clean));
 * ```
 */
export function corruptedNameArbitrary(
  options?: CorruptedNameArbitraryOptions,
): fc.Arbitrary<CorruptedName> {
  const allowed = new Set<NameDefect>(options?.defects ?? [...REPRESENTATIONS, 'all-caps']);
  if (options?.defects === undefined) {
    for (const d of [
      'lowercase',
      'modern-tone',
      'double-space',
      'nbsp',
      'zero-width',
      'reversed-order',
      'dropped-soft-hyphen',
    ] as const) {
      allowed.add(d);
    }
  }
  const reps = REPRESENTATIONS.filter((d) => allowed.has(d));
  const representation: fc.Arbitrary<NameDefect | null> =
    reps.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...reps), { freq: 3 });
  const flag = (d: NameDefect) => (allowed.has(d) ? fc.boolean() : fc.constant(false));
  return fc
    .record({
      name: vietnameseNameArbitrary(options),
      representation,
      caseDefect: fc.constantFrom<'all-caps' | 'lowercase' | null>(
        ...([
          null,
          allowed.has('all-caps') ? 'all-caps' : null,
          allowed.has('lowercase') ? 'lowercase' : null,
        ] as const),
      ),
      modern: flag('modern-tone'),
      doubleSpace: flag('double-space'),
      nbsp: flag('nbsp'),
      zeroWidth: flag('zero-width'),
      reversed: flag('reversed-order'),
      dropSoftHyphen: flag('dropped-soft-hyphen'),
    })
    .map((r) => {
      const defects: NameDefect[] = [];
      const clean = r.name.fullName;
      let words = [r.name.surname, ...r.name.middle, r.name.given];
      let repairable = true;
      if (r.reversed && words.length > 1) {
        words = [r.name.given, ...r.name.middle, r.name.surname];
        defects.push('reversed-order');
        repairable = false;
      }
      let s = words.join(' ');
      if (r.modern) {
        const m = modernTones(s);
        if (m !== s) defects.push('modern-tone');
        s = m;
      }
      if (r.caseDefect === 'all-caps') {
        s = s.toUpperCase();
        defects.push('all-caps');
      } else if (r.caseDefect === 'lowercase') {
        s = s.toLowerCase();
        defects.push('lowercase');
      }
      const rep = r.representation;
      if (rep !== null) {
        switch (rep) {
          case 'nfd':
            s = s.normalize('NFD');
            break;
          case 'mixed-composition':
            s = mixedComposition(s);
            break;
          case 'combining-order':
            s = combiningOrder(s);
            break;
          case 'telex': {
            const original = s.split(' ');
            const typed = original.map(toTelex);
            const hasToneKey = original.some((w) =>
              /[\u0300\u0301\u0303\u0309\u0323]/.test(w.normalize('NFD')),
            );
            // A keystroke spelling that is itself a syllable (`Coong` for Công) is left alone.
            const ambiguous = typed.some((t, k) => t !== original[k] && isVietnameseSyllable(t));
            const changed = original.filter((w, k) => typed[k] !== w);
            const enough =
              changed.length >= 2 ||
              (changed.length === 1 && isCommonNameSyllable(changed[0] ?? ''));
            s = typed.join(' ');
            if (!hasToneKey || ambiguous || !enough) repairable = false;
            break;
          }
          case 'no-diacritics':
            s = foldDiacritics(s);
            repairable = false;
            break;
          case 'tcvn3':
          case 'vni':
          case 'viqr':
          case 'viscii':
          case 'cp1258': {
            const before = s.split(' ');
            s = encodeLegacy(s, rep);
            // Detection needs two repaired words, or one that is a frequent name syllable.
            const evidence = before.filter((w, k) => {
              const e = s.split(' ')[k] ?? '';
              return e !== w && !isVietnameseSyllable(e);
            });
            if (evidence.length < 2 && !evidence.some((w) => isCommonNameSyllable(w))) {
              repairable = false;
            }
            // Legacy text whose every word is also a Unicode syllable (`Hoà` is VNI for Hồ, `Vãn`
            // is CP1258 for Văn) cannot be told from Unicode: detection rightly leaves it alone.
            if (s.split(' ').every((w) => isVietnameseSyllable(w))) repairable = false;
            // VISCII puts Õ on 0xA0, which every Windows-1252 reader shows as an NBSP.
            if (rep === 'viscii' && s.includes('\u00a0')) repairable = false;
            break;
          }
          default:
            break;
        }
        defects.push(rep);
        if (rep === 'tcvn3' && r.dropSoftHyphen && s.includes('\u00ad')) {
          s = s.replaceAll('\u00ad', '');
          defects.push('dropped-soft-hyphen');
          repairable = false;
        }
      }
      if (r.doubleSpace) {
        s = s.replaceAll(' ', '  ');
        defects.push('double-space');
      }
      if (r.nbsp && s.includes(' ')) {
        s = s.replace(' ', '\u00a0');
        defects.push('nbsp');
        // VISCII puts Õ on 0xA0, the byte of the NBSP: `La` + NBSP reads as `LaÕ` (Lão).
        if (rep === 'viscii') repairable = false;
      }
      if (r.zeroWidth) {
        s = `${s}\u200b`;
        defects.push('zero-width');
      }
      return { clean, corrupted: s, defects, repairable, name: r.name };
    });
}

/**
 * Text made of Vietnamese syllables (random onset + rhyme + tone, valid ones only), lowercase,
 * capitalised or upper-case words, separated by single spaces: for round-trip properties.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(vietnameseTextArbitrary(), (s) => decodeLegacy(encodeLegacy(s, 'vni'), 'vni') === s));
 * ```
 */
export function vietnameseTextArbitrary(options?: {
  readonly maxWords?: number;
  readonly casing?: 'lower' | 'upper' | 'mixed';
}): fc.Arbitrary<string> {
  const onsets = [
    '',
    'b',
    'c',
    'ch',
    'd',
    'đ',
    'g',
    'gh',
    'gi',
    'h',
    'k',
    'kh',
    'l',
    'm',
    'n',
    'ng',
    'ngh',
    'nh',
    'ph',
    'qu',
    'r',
    's',
    't',
    'th',
    'tr',
    'v',
    'x',
  ];
  const nuclei = [
    'a',
    'ă',
    'â',
    'e',
    'ê',
    'i',
    'o',
    'ô',
    'ơ',
    'u',
    'ư',
    'y',
    'oa',
    'oe',
    'uy',
    'uyê',
    'iê',
    'ươ',
    'uô',
    'ia',
    'ua',
    'ưa',
    'oă',
    'uâ',
    'uê',
  ];
  const codas = ['', '', 'n', 'ng', 'nh', 'm', 'c', 'ch', 't', 'p', 'i', 'y', 'o', 'u'];
  const marks = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
  const casing = options?.casing ?? 'mixed';
  const syllable = fc
    .record({
      onset: fc.constantFrom(...onsets),
      nucleus: fc.constantFrom(...nuclei),
      coda: fc.constantFrom(...codas),
      tone: fc.integer({ min: 0, max: 5 }),
      case: fc.constantFrom<'lower' | 'upper' | 'title'>(
        ...(casing === 'mixed' ? (['lower', 'upper', 'title'] as const) : ([casing] as const)),
      ),
    })
    .map(({ onset, nucleus, coda, tone, case: c }) => {
      const plain = onset + nucleus + coda;
      const at =
        nucleus.length === 1
          ? 0
          : /[ăâêôơư]/.test(nucleus)
            ? nucleus.search(/[ăâêôơư](?!.*[ăâêôơư])/)
            : coda === ''
              ? 0
              : nucleus.length - 1;
      const pos = onset.length + at;
      const w = normalizeTonePlacement(
        (plain.slice(0, pos + 1) + (marks[tone] ?? '') + plain.slice(pos + 1)).normalize('NFC'),
      );
      return c === 'upper'
        ? w.toUpperCase()
        : c === 'title'
          ? w.charAt(0).toUpperCase() + w.slice(1)
          : w;
    })
    .filter((w) => isVietnameseSyllable(w));
  return fc
    .array(syllable, { minLength: 1, maxLength: options?.maxWords ?? 6 })
    .map((ws) => ws.join(' '));
}
