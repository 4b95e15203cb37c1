import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createWordMemo,
  FIRST_SLOTS,
  HASH_START,
  keyStep,
  memoGet,
  memoGetKeyed,
  memoSet,
  memoSizing,
  SIZING_ALLOCATE,
  SIZING_DOUBLE,
  SIZING_EMPTY,
  SIZING_KEEP,
} from '../../src/text/word-memo.js';

describe('word memo', () => {
  it('finds a word by its range in any text', () => {
    const memo = createWordMemo<number>();
    expect(memoGet(memo, 'Văn', 0, 3)).toBeUndefined();
    memoSet(memo, 'Văn', 1);
    memoSet(memo, 'Lê', 2);
    expect(memoGet(memo, 'Lê Văn An', 3, 6)).toBe(1);
    expect(memoGet(memo, 'Lê Văn An', 0, 2)).toBe(2);
    expect(memoGet(memo, 'Lê Văn An', 7, 9)).toBeUndefined();
    expect(memoGet(memo, 'Vă', 0, 2)).toBeUndefined();
    expect(memoGet(memo, '', 0, 0)).toBeUndefined();
  });

  it('stays bounded: it empties itself when half full', () => {
    const memo = createWordMemo<number>();
    for (let i = 0; i < 40_000; i++) memoSet(memo, `w${i}`, i);
    expect(memo.size).toBeLessThanOrEqual(memo.keys.length / 2);
    expect(memoGet(memo, 'w39999', 0, 6)).toBe(39_999);
  });

  fcTest.prop([fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 300 })], {
    numRuns: 100,
  })('agrees with a Map (collisions included)', (words) => {
    const memo = createWordMemo<number>();
    for (const [i, w] of words.entries()) memoSet(memo, w, i);
    for (const [i, w] of words.entries()) {
      expect(memoGet(memo, `<${w}>`, 1, w.length + 1)).toBe(i);
    }
    expect(memoGet(memo, '\u0000never stored\u0000', 0, 14)).toBeUndefined();
  });
});

describe('memoGetKeyed', () => {
  fcTest.prop([fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 200 })], {
    numRuns: 50,
  })('finds what memoGet finds, from a key built with keyStep', (words) => {
    const memo = createWordMemo<number>();
    for (const [i, w] of words.entries()) memoSet(memo, w, i);
    for (const w of [...words, 'zz-not-there']) {
      const text = ` ${w} `;
      let h = HASH_START;
      for (let i = 0; i < w.length; i++) h = keyStep(h, i, w.charCodeAt(i));
      expect(memoGetKeyed(memo, text, 1, 1 + w.length, h)).toBe(
        memoGet(memo, text, 1, 1 + w.length),
      );
    }
  });
});

describe('words longer than a slot packs', () => {
  fcTest.prop(
    [
      fc.uniqueArray(fc.string({ unit: 'binary', minLength: 12, maxLength: 30 }), {
        maxLength: 200,
      }),
    ],
    { numRuns: 50 },
  )('are told apart by their tails', (words) => {
    const memo = createWordMemo<number>();
    for (const [i, w] of words.entries()) memoSet(memo, w, i);
    for (const [i, w] of words.entries()) {
      expect(memoGet(memo, ` ${w} `, 1, 1 + w.length)).toBe(i);
      // The same length and first units, another last unit: not the stored word.
      const other = `${w.slice(0, -1)}${w.endsWith('x') ? 'y' : 'x'}`;
      if (!words.includes(other)) expect(memoGet(memo, other, 0, other.length)).toBeUndefined();
    }
  });
});

describe('memoSizing', () => {
  it('allocates the first table, doubles a half-full table up to the capacity, then empties it', () => {
    expect(memoSizing(0, 0, 1 << 15)).toBe(SIZING_ALLOCATE);
    expect(memoSizing(FIRST_SLOTS, FIRST_SLOTS / 2 - 1, 1 << 15)).toBe(SIZING_KEEP);
    expect(memoSizing(FIRST_SLOTS, FIRST_SLOTS / 2, 1 << 15)).toBe(SIZING_DOUBLE);
    expect(memoSizing(1 << 14, 1 << 13, 1 << 15)).toBe(SIZING_DOUBLE);
    expect(memoSizing(1 << 15, (1 << 14) - 1, 1 << 15)).toBe(SIZING_KEEP);
    expect(memoSizing(1 << 15, 1 << 14, 1 << 15)).toBe(SIZING_EMPTY);
  });

  fcTest.prop([fc.integer({ min: 10, max: 20 }), fc.integer({ min: 0, max: 5000 })])(
    'a memo fed any number of entries never grows past its capacity nor fills past half',
    (capBits, stores) => {
      const capacity = 1 << capBits;
      let slots = 0;
      let size = 0;
      for (let i = 0; i < stores; i++) {
        const step = memoSizing(slots, size, capacity);
        if (step === SIZING_ALLOCATE) slots = FIRST_SLOTS;
        else if (step === SIZING_DOUBLE) slots *= 2;
        else if (step === SIZING_EMPTY) size = 0;
        size++;
        expect(slots).toBeLessThanOrEqual(Math.max(capacity, FIRST_SLOTS));
        expect(size).toBeLessThanOrEqual(slots / 2);
      }
    },
  );
});
