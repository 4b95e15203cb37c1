/**
 * VISCII no-break spaces in a routed name: VISCII reads byte 0xA0 as `Õ`, which a Windows-1252
 * reader shows as a no-break space, so decoding reads each run of words joined by no-break spaces
 * as one word and splits it again where the `Õ` cannot be a letter (splitStrayNbsp). The router
 * decodes such a name word by word only when every run comes out as its words with a space for
 * each `Õ`; the answer is memoised per run (a run's decoding is that of its words, each decoded
 * alone, so its text decides it).
 *
 * @module
 */
import { codeAt, isInvisible } from '../chars.js';
import { splitStrayNbsp } from '../legacy.js';
import { createWordMemo, memoGet, memoSet } from '../word-memo.js';
import { C_WORD, CHAR_CLASS, CLASS_LIMIT, highClass } from './char-class.js';
import { type RouteWord, VISCII_SLOT } from './route-word.js';

/** Whether `c` is part of a word for the router (its class, {@link highClass}, is a word's). */
function isWordChar(c: number): boolean {
  return (c < CLASS_LIMIT ? (CHAR_CLASS[c] as number) : highClass(c)) === C_WORD;
}

/** The answers of {@link runAreSpaces} by the run's text (bounded, module-private). */
const RUNS = createWordMemo<boolean>();

/** Longest run whose answer is kept. */
const RUN_MEMO_MAX = 32;

/**
 * Whether VISCII decoding turns every NBSP of the routed name `s` (decoded to Õ) back into a
 * space: decoding reads each run of letters between spaces (words joined by NBSPs, the invisible
 * characters removed) with splitStrayNbsp, and the run must come out as its words with a space
 * for each Õ. Then the decoded text is the decoded words with spaces where the NBSPs were.
 * `words` are the router's words of `s`, each with its VISCII decoding made.
 *
 * @example
 * ```ts
 * visciiNbspAreSpaces('Lª\u00a0H\u00b8ng', words); // true when both words decode to syllables
 * ```
 */
export function visciiNbspAreSpaces(s: string, words: readonly RouteWord[]): boolean {
  const n = s.length;
  let k = 0;
  let runStart = 0;
  let runWord = 0;
  let hasO = false;
  let inWord = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeAt(s, i) : 0x20;
    if (isWordChar(c)) {
      if (!inWord) {
        k++;
        inWord = true;
      }
      continue;
    }
    inWord = false;
    if (c === 0xa0) hasO = true;
    else if (c < 0x100 || !isInvisible(c)) {
      if (hasO && !runAreSpaces(s, runStart, i, words, runWord)) return false;
      runStart = i + 1;
      runWord = k;
      hasO = false;
    }
  }
  return true;
}

/**
 * {@link visciiNbspAreSpaces} for the run `s.slice(start, end)`, whose first word is `words[k]`
 * (memoised by the run's text).
 */
function runAreSpaces(
  s: string,
  start: number,
  end: number,
  words: readonly RouteWord[],
  k: number,
): boolean {
  const memo = end - start <= RUN_MEMO_MAX;
  if (memo) {
    const known = memoGet(RUNS, s, start, end);
    if (known !== undefined) return known;
  }
  let run = '';
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = codeAt(s, i);
    if (isWordChar(c)) {
      if (!inWord) {
        run += (words[k++] as RouteWord).decoded[VISCII_SLOT]?.value ?? '';
        inWord = true;
      }
      continue;
    }
    inWord = false;
    if (c === 0xa0) run += 'Õ';
  }
  const spaces = splitStrayNbsp(run) === run.replaceAll('Õ', ' ');
  if (memo) memoSet(RUNS, s.slice(start, end), spaces);
  return spaces;
}
