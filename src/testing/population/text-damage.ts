/**
 * Name-level defects: diacritics lost, modern tone placement, typos. Small local helpers so the
 * generator does not depend on the text part's cleaning code (which it is used to test).
 *
 * @module
 */
import type { Random } from './prng.js';

const COMBINING = /[\u0300-\u036f]/g;

/** ASCII base letter of every precomposed Vietnamese letter (0 = not in the table). */
const FOLD = ((): Uint16Array => {
  const table = new Uint16Array(0x1f00);
  const marks = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  for (const base of 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY') {
    const ascii = base.normalize('NFD').charCodeAt(0);
    for (const mark of marks) {
      const ch = (base + mark).normalize('NFC');
      if (ch.length === 1 && ch.charCodeAt(0) >= 0x80) table[ch.charCodeAt(0)] = ascii;
    }
  }
  table[0x0111] = 0x64; // đ
  table[0x0110] = 0x44; // Đ
  return table;
})();

function stripByNfd(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Removes Vietnamese diacritics (`Nguyễn Đức` → `Nguyen Duc`): by table for precomposed
 * Vietnamese letters, by NFD for anything else.
 *
 * @example
 * ```ts
 * stripDiacritics('Hồ Chí Minh'); // 'Ho Chi Minh'
 * ```
 */
export function stripDiacritics(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out += s[i];
      continue;
    }
    const folded = c < 0x1f00 ? (FOLD[c] ?? 0) : 0;
    if (folded === 0) return stripByNfd(s);
    out += String.fromCharCode(folded);
  }
  return out;
}

const TRADITIONAL_END =
  /([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])$|([uU])([\u0300\u0301\u0303\u0309\u0323])([yY])$/;

/**
 * Rewrites one word from the traditional to the modern tone placement (`Hòa` → `Hoà`,
 * `Thủy` → `Thuỷ`, `Khỏe` → `Khoẻ`); other words are returned unchanged.
 *
 * @example
 * ```ts
 * modernToneWord('Thủy'); // 'Thuỷ'
 * ```
 */
export function modernToneWord(word: string): string {
  const nfd = word.normalize('NFD');
  const m = TRADITIONAL_END.exec(nfd);
  if (m === null) return word;
  const swapped = m[1] !== undefined ? `${m[1]}${m[3]}${m[2]}` : `${m[4]}${m[6]}${m[5]}`;
  return (nfd.slice(0, m.index) + swapped).normalize('NFC');
}

/**
 * Rewrites every word of a name in the modern tone placement.
 *
 * @example
 * ```ts
 * modernTone('Nguyễn Thị Hòa'); // 'Nguyễn Thị Hoà'
 * ```
 */
export function modernTone(name: string): string {
  return name.split(' ').map(modernToneWord).join(' ');
}

/**
 * Whether a name has a syllable whose tone placement differs between the traditional and modern
 * styles.
 *
 * @example
 * ```ts
 * hasToneChoice('Lê Thủy'); // true
 * ```
 */
export function hasToneChoice(name: string): boolean {
  return TONE_CHOICE.test(name);
}

const TONE_CHOICE = /[òóỏõọÒÓỎÕỌ][aeAE](?![\p{L}])|[ùúủũụÙÚỦŨỤ][yY](?![\p{L}])/u;

const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sqă',
  ă: 'aâ',
  â: 'aă',
  e: 'wrê',
  ê: 'e',
  i: 'uoy',
  y: 'iu',
  o: 'ipô',
  ô: 'oơ',
  ơ: 'oô',
  u: 'yiư',
  ư: 'u',
  n: 'bmh',
  m: 'n',
  h: 'gjn',
  g: 'fh',
  t: 'ry',
  c: 'xv',
  d: 'sfđ',
  đ: 'd',
  s: 'adx',
  x: 'sc',
  l: 'k',
  k: 'lj',
  r: 'et',
  v: 'cb',
  b: 'vn',
  p: 'o',
  q: 'w',
};

/**
 * Makes one keyboard typo in a name (substitution by a neighbour key, deletion, duplication or
 * transposition of adjacent letters), never touching spaces. Returns the input when it has no
 * letter long enough to damage.
 *
 * @example
 * ```ts
 * typo('Nguyễn Văn Hùng', createRandom(3)); // e.g. 'Nguyễn Văn Hùmg'
 * ```
 */
export function typo(name: string, random: Random): string {
  const chars = Array.from(name);
  const letters: number[] = [];
  for (let i = 0; i < chars.length; i++) if (chars[i] !== ' ') letters.push(i);
  if (letters.length < 3) return name;
  for (let attempt = 0; attempt < 8; attempt++) {
    const pos = letters[random.int(letters.length)] as number;
    const ch = chars[pos] as string;
    const op = random.int(4);
    const out = chars.slice();
    if (op === 0) {
      const lower = ch.toLowerCase();
      const pool = NEIGHBOURS[lower] ?? LETTERS;
      const repl = pool[random.int(pool.length)] ?? 'a';
      out[pos] = ch === lower ? repl : repl.toUpperCase();
    } else if (op === 1) {
      if (
        pos === 0 ||
        chars[pos - 1] === ' ' ||
        pos + 1 >= chars.length ||
        chars[pos + 1] === ' '
      ) {
        continue;
      }
      out.splice(pos, 1);
    } else if (op === 2) {
      out.splice(pos + 1, 0, ch.toLowerCase());
    } else {
      const next = chars[pos + 1];
      if (next === undefined || next === ' ' || next === ch) continue;
      out[pos] = next;
      out[pos + 1] = ch;
    }
    const result = out.join('');
    if (result !== name) return result;
  }
  return name;
}
