/**
 * The router of normalizeName (word facts instead of whole-text passes) against the general
 * pipeline: whenever it answers, it must answer exactly what the general path answers.
 */
import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corruptedNameArbitrary, vietnameseNameArbitrary } from '../../src/testing/text.js';
import {
  encodeLegacy,
  LEGACY_ENCODINGS,
  type NormalizeNameOptions,
  normalizeName,
} from '../../src/text/index.js';
import {
  decodeWith,
  tcvn3CaseCounts,
  tcvn3CountsAreUpper,
  tcvn3WordDecode,
} from '../../src/text/legacy.js';
import { nameContext } from '../../src/text/name/context.js';
import { normalizeNameGeneral } from '../../src/text/name/pipeline.js';
import { legacyGate } from '../../src/text/name/reading.js';
import { routeName } from '../../src/text/name/route.js';

const SEPARATORS = [' ', '  ', '\u00a0', ' \u00a0', '\u2003', '\u200b ', ' \u200b'];

/** Legacy-encoded names with the separators and trailing invisibles real files carry. */
const legacyNames = fc
  .tuple(
    vietnameseNameArbitrary(),
    fc.constantFrom(...LEGACY_ENCODINGS),
    fc.constantFrom<'keep' | 'upper' | 'lower'>('keep', 'upper', 'lower'),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: 4, maxLength: 4 }),
    fc.constantFrom('', '\u200b', ' ', '\u00ad'),
  )
  .map(([n, enc, casing, seps, tail]) => {
    const words = [n.surname, ...n.middle, n.given].map((w) =>
      casing === 'upper' ? w.toUpperCase() : casing === 'lower' ? w.toLowerCase() : w,
    );
    const encoded = words.map((w) => encodeLegacy(w, enc));
    return encoded.map((w, k) => (k === 0 ? w : (seps[k - 1] ?? ' ') + w)).join('') + tail;
  });

const routedInputs = fc.oneof(
  legacyNames,
  corruptedNameArbitrary().map((c) => c.corrupted),
  vietnameseNameArbitrary().map((n) => n.fullName.normalize('NFD')),
);

const OPTIONS: readonly NormalizeNameOptions[] = [
  {},
  { style: 'modern' },
  { capitalize: false },
  { repairTelex: true },
  { repairTelex: false },
];

describe('routeName', () => {
  fcTest.prop([routedInputs], { numRuns: 1500 })('answers what the general path answers', (s) => {
    for (const o of OPTIONS) {
      const general = normalizeNameGeneral(s, o);
      expect(normalizeName(s, o)).toEqual(general);
      // normalizeName asks its canonical-input check first: a name it calls canonical (`PhÕm`,
      // which is also VISCII for Phạm) is left alone before the router sees it.
      if (general.changes.length === 0 && general.value === s) continue;
      // Text that may be legacy is read by normalizeName's whole-name decision (chooseReading)
      // before the router, which then sees it with decoding off: the router's own detection
      // answers only for text no legacy encoding can give.
      if (legacyGate(s) !== 0) continue;
      const routed = routeName(s, nameContext(o));
      if (routed !== null) expect(routed).toEqual(general);
    }
  });

  it.each([
    ['NguyÔn V¨n Hïng', 'Nguyễn Văn Hùng', ['decoded-tcvn3']],
    [
      'NGUYÔN  V¡N HïNG\u200b',
      'Nguyễn Văn Hùng',
      ['decoded-tcvn3', 'whitespace', 'capitalization'],
    ],
    ['Nguyeãn\u00a0Vaên Huøng', 'Nguyễn Văn Hùng', ['decoded-vni', 'unicode-normalized']],
    ['Nguye^~n Va(n Hu`ng', 'Nguyễn Văn Hùng', ['decoded-viqr']],
    ['Nguyeenx Vawn Hungf', 'Nguyễn Văn Hùng', ['telex-repaired']],
    ['Nguye\u0302\u0303n  Va\u0306n', 'Nguyễn Văn', ['unicode-normalized', 'whitespace']],
    ['TRAN\u00a0VAN HUNG', 'Tran Van Hung', ['unicode-normalized', 'capitalization']],
  ] as const)('%j is routed: %j', (input, value, changes) => {
    const routed = routeName(input, nameContext());
    expect(routed).toEqual({ value, changes });
    expect(routed).toEqual(normalizeNameGeneral(input));
  });

  it.each([
    ['Nguy\u00adn\u00a0Thanh H\u00df\u00bdng', 'Nguyễn Thanh Hương'],
    ['Nguy\u00adn\u00a0 Thanh  H\u00df\u00bdng\u200b', 'Nguyễn Thanh Hương'],
    ['\u00a0Nguy\u00adn Thanh H\u00df\u00bdng', 'Nguyễn Thanh Hương'],
  ])('VISCII %j: an NBSP (read as Õ) between or beside words is a space', (input, value) => {
    const routed = routeName(input, nameContext());
    expect(routed?.value).toBe(value);
    expect(routed).toEqual(normalizeNameGeneral(input));
  });

  it.each([
    'Nguy\u00adn\u00a0Thanh', // VISCII with an NBSP (which VISCII reads as Õ)
    'Tran62 Van', // a VNI digit: not letters only
    'Ng\u200buyễn Văn', // an invisible character inside a word
    'Lê\tVăn', // a tab
  ])('%j: general path or the same answer', (input) => {
    const routed = routeName(input, nameContext());
    if (routed !== null) expect(routed).toEqual(normalizeNameGeneral(input));
  });
});

describe('TCVN3 word by word', () => {
  const tcvnText = fc
    .tuple(
      fc.array(vietnameseNameArbitrary(), { minLength: 1, maxLength: 2 }),
      fc.constantFrom<'keep' | 'upper'>('keep', 'upper'),
      fc.boolean(),
    )
    .map(([ns, casing, dropU]) => {
      const text = ns.map((n) => n.fullName).join(' ');
      const e = encodeLegacy(casing === 'upper' ? text.toUpperCase() : text, 'tcvn3');
      return dropU ? e.replaceAll('\u00ad', '') : e;
    });

  fcTest.prop([tcvnText], { numRuns: 500 })(
    'decoding each word with the text-wide inputs equals decoding the text',
    (s) => {
      const words = s.split(' ');
      let counts = 0;
      for (const w of words) counts += tcvn3CaseCounts(w);
      const upper = tcvn3CountsAreUpper(counts);
      const soft = s.includes('\u00ad');
      const joined = words.map((w) => tcvn3WordDecode(w, upper, soft)).join(' ');
      expect(joined).toBe(decodeWith(s, 'tcvn3'));
    },
  );

  it('counts capitals and other letters, leaving out lowercase toned codes', () => {
    // NGUYÔN: N G U Y N are capitals; Ô is the lowercase code of ễ.
    expect(tcvn3CaseCounts('NGUYÔN')).toBe(5 * 0x10000);
    expect(tcvn3CountsAreUpper(tcvn3CaseCounts('NGUYÔN'))).toBe(true);
    expect(tcvn3CountsAreUpper(tcvn3CaseCounts('NguyÔn'))).toBe(false);
  });
});
