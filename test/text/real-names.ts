/**
 * The real-name evaluation of the text pipeline (issue 16): real Vietnamese full names
 * (test/text/fixtures/real-names, sources and licences in its README), damaged the way real files
 * damage them, and the share that `normalizeName` restores exactly. Used by the test
 * (real-names.test.ts) and by `npm run bench:accuracy`.
 *
 * The damage encoders are ours: Unicode forms and composition from the standard decompositions,
 * the legacy encodings through `encodeLegacy` (checked by round trip on all 134 letters in the
 * test) plus what real files add on top (TCVN3 capitals typed with lowercase codes, VISCII Õ read as
 * an NBSP), run-together words and stray punctuation.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeLegacy, type LegacyEncoding, normalizeTonePlacement } from '../../src/text/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The real-name lists: `school` (20 000 names from school class lists), `forum` (5 345, a forum). */
export type RealNameList = 'school' | 'forum';

const FILES: Readonly<Record<RealNameList, string>> = {
  school: 'school-lists.txt',
  forum: 'uit-forum.txt',
};

/** The names of one list, in canonical form (NFC, title case, traditional tone placement). */
export function loadRealNames(list: RealNameList): readonly string[] {
  const text = readFileSync(path.join(here, 'fixtures/real-names', FILES[list]), 'utf8');
  return text.split('\n').filter((s) => s.length > 0);
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** Precomposed base letter + combining tone (the Windows Vietnamese keyboard). */
export function mixedComposition(s: string): string {
  let out = '';
  for (const ch of s) {
    const d = ch.normalize('NFD');
    const m = TONES.exec(d);
    if (m === null) out += ch;
    else out += d.replace(m[0], '').normalize('NFC') + m[0];
  }
  return out;
}

/** NFD with the tone typed before the circumflex, breve or horn. */
export function toneBeforeModifier(s: string): string {
  return s
    .normalize('NFD')
    .replace(/([\u0302\u0306\u031b])([\u0300\u0301\u0303\u0309\u0323])/gu, '$2$1');
}

/** One damage class: a name and its index in the list in, the damaged text out. */
export interface DamageClass {
  readonly name: string;
  /** What it models. */
  readonly what: string;
  readonly damage: (name: string, index: number) => string;
}

function legacy(enc: LegacyEncoding, upper: boolean): DamageClass {
  return {
    name: upper ? `${enc} caps` : enc,
    what: upper
      ? `all capitals, then ${enc.toUpperCase()} read as Windows-1252`
      : `${enc.toUpperCase()} read as Windows-1252`,
    // Windows-1252 shows VISCII 0xA0 (Õ) as a no-break space: encodeLegacy does too.
    damage: (n) => encodeLegacy(upper ? n.toUpperCase() : n, enc),
  };
}

const PUNCT: readonly ((n: string) => string)[] = [
  (n) => `${n}.`,
  (n) => `${n};`,
  (n) => `${n},`,
  (n) => `- ${n}`,
  (n) => `* ${n}`,
  (n) => `'${n}`,
  (n) => `"${n}"`,
  (n) => `“${n}”`,
  (n) => `${n} .`,
  (n) => `-${n}`,
];

function runTogether(n: string, index: number): string {
  const words = n.split(' ');
  if (words.length < 2) return n;
  // Which gap is lost: the first (surname + middle name) for even indexes, the last otherwise.
  const gap = index % 2 === 0 ? 0 : words.length - 2;
  return [...words.slice(0, gap), `${words[gap]}${words[gap + 1]}`, ...words.slice(gap + 2)].join(
    ' ',
  );
}

const SPACES: readonly ((n: string) => string)[] = [
  (n) => n.replaceAll(' ', '  '),
  (n) => ` ${n} `,
  (n) => n.replace(' ', '\u00a0'),
  (n) => n.replace(' ', '\t'),
  (n) => `${n}\u200b`,
  (n) => `\ufeff${n}`,
];

/** The damage classes, in report order. */
export const DAMAGE_CLASSES: readonly DamageClass[] = [
  { name: 'clean', what: 'the name as listed', damage: (n) => n },
  { name: 'nfd', what: 'NFD (macOS, Word)', damage: (n) => n.normalize('NFD') },
  {
    name: 'mixed',
    what: 'precomposed base + combining tone (Windows keyboard)',
    damage: mixedComposition,
  },
  { name: 'tone order', what: 'tone typed before the circumflex', damage: toneBeforeModifier },
  { name: 'upper', what: 'all capitals (CCCD)', damage: (n) => n.toUpperCase() },
  { name: 'lower', what: 'all lowercase', damage: (n) => n.toLowerCase() },
  {
    name: 'spacing',
    what: 'doubled, leading/trailing spaces, NBSP, tab, zero-width, BOM',
    damage: (n, i) => (SPACES[i % SPACES.length] as (n: string) => string)(n),
  },
  {
    name: 'tone style',
    what: 'modern tone placement (hoà, thuỷ)',
    damage: (n) => normalizeTonePlacement(n, { style: 'modern' }),
  },
  legacy('tcvn3', false),
  legacy('tcvn3', true),
  legacy('vni', false),
  legacy('vni', true),
  legacy('viscii', false),
  legacy('viscii', true),
  legacy('cp1258', false),
  legacy('cp1258', true),
  legacy('viqr', false),
  legacy('viqr', true),
  {
    name: 'run-together',
    what: 'two words without the space between them (NguyễnThị)',
    damage: runTogether,
  },
  {
    name: 'punctuation',
    what: "stray punctuation around the name (. ; , - * ' quotes)",
    damage: (n, i) => (PUNCT[i % PUNCT.length] as (n: string) => string)(n),
  },
];

/** The result of one damage class on one list. */
export interface ClassScore {
  readonly name: string;
  /** Names the damage changed (the others are the clean name again). */
  readonly damaged: number;
  /** Of those, restored exactly. */
  readonly restored: number;
  /** Outputs that are not NFC. */
  readonly nonNfc: number;
  /** Up to 10 failures: damaged → got (expected). */
  readonly failures: readonly string[];
}

/** Scores `normalize` on every damage class of `names`. */
export function scoreDamage(
  names: readonly string[],
  normalize: (s: string) => string,
  classes: readonly DamageClass[] = DAMAGE_CLASSES,
): ClassScore[] {
  const out: ClassScore[] = [];
  for (const cls of classes) {
    let damaged = 0;
    let restored = 0;
    let nonNfc = 0;
    const failures: string[] = [];
    for (let i = 0; i < names.length; i++) {
      const clean = names[i] as string;
      const d = cls.damage(clean, i);
      if (d === clean && cls.name !== 'clean') continue;
      damaged++;
      const got = normalize(d);
      if (got !== got.normalize('NFC')) nonNfc++;
      if (got === clean) restored++;
      else if (failures.length < 10) failures.push(`${JSON.stringify(d)} → ${got} (${clean})`);
    }
    out.push({ name: cls.name, damaged, restored, nonNfc, failures });
  }
  return out;
}
