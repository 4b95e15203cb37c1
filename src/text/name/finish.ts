/**
 * The last step of {@link normalizeName} for one word: tone placement and capitalisation,
 * memoised per word.
 *
 * @module
 */
import { codeAt } from '../chars.js';
import { placeToneInWord, type ToneStyle } from '../tone.js';

/** Uppercases one character when that keeps it one character (`ß` stays `ß`, not `SS`). */
function upperChar(ch: string): string {
  const up = ch.toUpperCase();
  return up.length === ch.length ? up : ch;
}

function capitalizeWord(w: string): string {
  const lower = w.toLowerCase();
  if (!lower.includes('-') && !lower.includes("'")) {
    return upperChar(lower.charAt(0)) + lower.slice(1);
  }
  let out = upperChar(lower.charAt(0));
  for (let i = 1; i < lower.length; i++) {
    const prev = codeAt(lower, i - 1);
    const ch = lower.charAt(i);
    out += prev === 0x2d || prev === 0x27 ? upperChar(ch) : ch;
  }
  return out;
}

/**
 * How a word is finished: tone placement and capitalisation (a `NameContext` is one, so callers
 * pass theirs without building an object).
 */
export interface FinishOptions {
  /** Tone placement. */
  readonly style: ToneStyle;
  /** Title case. */
  readonly capitalize: boolean;
}

/** A word after tone placement and capitalisation, with what changed. */
export interface FinishedWord {
  readonly value: string;
  /** Tone placement changed the word. */
  readonly tone: boolean;
  /** Capitalisation changed the word. */
  readonly case: boolean;
}

/**
 * Memo of finished words, one map per (style, capitalize): names reuse a few thousand words
 * (bounded, module-private, immutable values).
 */
const FINISHED: readonly Map<string, FinishedWord>[] = [new Map(), new Map(), new Map(), new Map()];

/**
 * One word (no spaces, NFC) with its tone where `options.style` puts it and, with
 * `options.capitalize`, in Title case (`thuỷ` → `Thủy`), and what changed. Memoised.
 *
 * @example
 * ```ts
 * finishWord('thuỷ', { style: 'traditional', capitalize: true });
 * // { value: 'Thủy', tone: true, case: true }
 * ```
 */
export function finishWord(w: string, options: FinishOptions): FinishedWord {
  const { style, capitalize } = options;
  const memo = FINISHED[(style === 'modern' ? 2 : 0) + (capitalize ? 1 : 0)] as Map<
    string,
    FinishedWord
  >;
  let f = memo.get(w);
  if (f === undefined) {
    const placed = placeToneInWord(w, style);
    const cased = capitalize ? capitalizeWord(placed) : placed;
    f = { value: cased, tone: placed !== w, case: cased !== placed };
    if (w.length <= 16) {
      if (memo.size >= 16_384) memo.clear();
      memo.set(w, f);
    }
  }
  return f;
}
