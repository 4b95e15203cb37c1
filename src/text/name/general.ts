/**
 * The general word-by-word pipeline of `normalizeName` (decode, NFC, spacing, Telex, look-alikes,
 * tone, case): what the faster paths are held to.
 * @module
 */
import { cleanBeforeDecoding, codeAt } from '../chars.js';
import { isCommonNameSyllable } from '../common-syllables.js';
import { detectEncoding } from '../detect.js';
import { decodeWith } from '../legacy.js';
import { toNfc } from '../nfc.js';
import { analyzeSyllable } from '../syllable.js';
import { repairTelexWord } from '../telex.js';
import type { NameContext } from './context.js';
import { finishWord } from './finish.js';
import { normalizeDecoded } from './one-scan.js';
import { mayBeTyped } from './route-word.js';
import type { NameChange, NormalizedName } from './types.js';

/**
 * The general pipeline on a name the whole-name steps have shaped, repeated (decoding `'auto'`)
 * until case changes no longer make legacy text; `fast`: decoded text may take the one-scan
 * finish ({@link normalizeDecoded}).
 *
 * @example
 * ```ts
 * normalizeGeneral('NGUYÔN  V¡N HïNG', nameContext()).value; // 'Nguyễn Văn Hùng'
 * ```
 */
export function normalizeGeneral(s: string, ctx: NameContext, fast = true): NormalizedName {
  let once = normalizeOnce(s, ctx, fast);
  let result = once.result;
  // Changing the case of text that was not decoded can turn it into recognisable legacy text
  // (`yÌ` → `Yì`, CP1258 for Ý): repeat until nothing changes, so the result is a fixed point.
  for (let pass = 0; pass < 3 && ctx.decode === 'auto'; pass++) {
    if (once.final) break;
    const enc = detectEncoding(result.value).encoding;
    if (enc === 'unicode' || enc === 'ascii') break;
    once = normalizeOnce(result.value, ctx, fast);
    const next = once.result;
    if (next.value === result.value) break;
    const merged = [...result.changes];
    for (const c of next.changes) if (!merged.includes(c)) merged.push(c);
    result = { value: next.value, changes: merged };
  }
  return result;
}

function normalizeOnce(s: string, ctx: NameContext, fast: boolean): Once {
  const changes: NameChange[] = [];
  let text = s;
  const decode = ctx.decode;
  if (decode !== false) {
    const enc = decode === 'auto' ? detectEncoding(s).encoding : decode;
    if (enc !== 'unicode' && enc !== 'ascii') {
      const decoded = decodeWith(cleanBeforeDecoding(s), enc);
      if (decoded !== s) {
        text = decoded;
        changes.push(`decoded-${enc}`);
      }
    }
  }
  if (fast && text !== s) {
    const detectAfter = decode === 'auto';
    const quick = normalizeDecoded(text, ctx, { before: changes, detectAfter });
    if (quick !== null) return { result: quick, final: detectAfter };
  }
  const nfc = toNfc(text);
  if (nfc !== text) changes.push('unicode-normalized');
  // Words: the runs between plain spaces (toNfc mapped the others), in one scan.
  const words: string[] = [];
  let whitespace = false;
  let eth = false;
  const n = nfc.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeAt(nfc, i) : 0x20;
    if (c === 0x20) {
      if (i > start) words.push(start === 0 && i === n ? nfc : nfc.slice(start, i));
      else if (n > 0) whitespace = true;
      start = i + 1;
    } else if (c === 0xd0 || c === 0xf0) eth = true;
  }
  if (whitespace) changes.push('whitespace');
  /** Whether some word was replaced (then the words are joined again). */
  let wordChanged = false;

  const telex = ctx.telex;
  if (telex !== false && words.some(mayBeTyped)) {
    const repairs = words.map((w) => repairTelexWord(w));
    const count = repairs.filter((r) => r !== null).length;
    // Auto: some word has a tone key, every other word is a syllable (diacritics may be missing),
    // and a lone repair must give a frequent name syllable (`Noor Khan` stays).
    const auto =
      repairs.some((r) => r?.toneKey === true) &&
      words.every((w, k) => repairs[k] !== null || analyzeSyllable(w, true).error === null);
    if (telex === true || auto) {
      let repaired = false;
      for (let k = 0; k < words.length; k++) {
        const r = repairs[k];
        if (r != null && (telex === true || count >= 2 || isCommonNameSyllable(r.value))) {
          words[k] = r.value;
          repaired = true;
        }
      }
      if (repaired) {
        changes.push('telex-repaired');
        wordChanged = true;
      }
    }
  }

  // Ð/ð (Icelandic eth, U+00D0/U+00F0) look like Đ/đ and replace them in converted data.
  if (eth) {
    let lookalike = false;
    for (let k = 0; k < words.length; k++) {
      const w = words[k] ?? '';
      if (w.includes('Ð') || w.includes('ð')) {
        const fixed = w.replaceAll('Ð', 'Đ').replaceAll('ð', 'đ');
        if (analyzeSyllable(fixed).error === null) {
          words[k] = fixed;
          lookalike = true;
        }
      }
    }
    if (lookalike) {
      changes.push('lookalike-replaced');
      wordChanged = true;
    }
  }

  let toneChanged = false;
  let caseChanged = false;
  for (let k = 0; k < words.length; k++) {
    const f = finishWord(words[k] as string, ctx);
    if (f.tone) toneChanged = true;
    if (f.case) caseChanged = true;
    if (f.tone || f.case) {
      words[k] = f.value;
      wordChanged = true;
    }
  }
  if (toneChanged) changes.push('tone-placement');
  if (caseChanged) changes.push('capitalization');
  // Unchanged words, one space apart: the text itself.
  const value = whitespace || wordChanged ? words.join(' ') : nfc;
  return { result: { value, changes }, final: false };
}

/**
 * One pass of the pipeline. `final`: detection is known to find Unicode or ASCII in the result,
 * so no further pass is needed.
 */
interface Once {
  readonly result: NormalizedName;
  readonly final: boolean;
}
