import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeLegacy,
  detectEncoding,
  encodeLegacy,
  foldDiacritics,
  isVietnameseSyllable,
  normalizeName,
  normalizeTonePlacement,
  parseVietnameseName,
  phoneticKey,
  repairTelex,
  toNfc,
} from '../../src/text/index.js';

const ALL: readonly [string, (s: string) => unknown][] = [
  ['toNfc', toNfc],
  ['foldDiacritics', foldDiacritics],
  ['normalizeTonePlacement', normalizeTonePlacement],
  ['detectEncoding', detectEncoding],
  ['decodeLegacy', (s) => decodeLegacy(s)],
  ['decodeLegacy tcvn3', (s) => decodeLegacy(s, 'tcvn3')],
  ['decodeLegacy vni', (s) => decodeLegacy(s, 'vni')],
  ['decodeLegacy viqr', (s) => decodeLegacy(s, 'viqr')],
  ['encodeLegacy viqr', (s) => encodeLegacy(s, 'viqr')],
  ['normalizeName', normalizeName],
  ['parseVietnameseName', parseVietnameseName],
  ['phoneticKey', phoneticKey],
  ['repairTelex', repairTelex],
  ['isVietnameseSyllable', isVietnameseSyllable],
];

/** Strings with what breaks naive code: astral characters, long combining runs, lone surrogates. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'ê',
        '\u0300',
        '\u0302',
        '\u0323',
        '\ud800',
        '\udfff',
        '😀',
        ' ',
        '\u00a0',
        '\u200b',
        '\u00ad',
      ),
      { maxLength: 60 },
    )
    .map((xs) => xs.join('')),
);

describe('robustness', () => {
  fcTest.prop([nasty], { numRuns: 300 })('nothing throws on arbitrary Unicode', (s) => {
    for (const [, f] of ALL) f(s);
  });

  // One megabyte (in UTF-16 code units) of names in four encodings, then one 'word' of 600 k
  // combining marks: cost must stay linear (a quadratic step would not finish).
  const oneMegabyte =
    'Nguyễn Văn Hùng NguyÔn V¨n Hïng Nguyeãn Vaên Huøng Nguye\u0302\u0303n '.repeat(7_000) +
    'a\u0300\u0302'.repeat(200_000);

  it.each(ALL)('%s completes on a 1 MB string', (_, f) => {
    expect(oneMegabyte.length).toBeGreaterThan(1_000_000);
    expect(() => f(oneMegabyte)).not.toThrow();
  });

  it('normalizes a long name list like the names one by one (linear, no cross-talk)', () => {
    const names = ['Nguyễn Văn Hùng', 'Trần Thị Hoà', 'Lê  Thị Thuỷ', 'Phạm Ngọc Ánh'];
    const big = names.join(' ').repeat(1);
    const many = Array.from({ length: 20_000 }, (_, i) => names[i % 4]).join(' ');
    expect(many.length).toBeGreaterThan(250_000);
    expect(normalizeName(many).value.split(' ').length).toBe(
      normalizeName(big).value.split(' ').length * 5000,
    );
  });
});
