/**
 * `normalizeName`: the default cleaning pipeline for a Vietnamese personal name, as its steps in
 * order (each in its own module of this folder):
 *
 * 1. `canonical.ts`: a name already canonical returns as it is (one scan, no allocation);
 * 2. `route.ts`: the router finishes most damaged names from memoised word facts;
 * 3. `reshape.ts`: the whole-name steps (stray punctuation, the reading chosen by `reading.ts`,
 *    words joined or split by `repair.ts`), then the words finished by the router, the one-scan
 *    path (`one-scan.ts`) or the general pipeline (`general.ts`, tone and case by `finish.ts`);
 * 4. `settle.ts`: the result made a fixed point.
 *
 * The options are resolved once into a {@link NameContext} (`context.ts`).
 *
 * @module
 */
import { detectEncoding } from '../detect.js';
import { toNfc } from '../nfc.js';
import { AMBIGUOUS, CANONICAL, canonicalState, isCanonical, NOT_CANONICAL } from './canonical.js';
import { type NameContext, nameContext } from './context.js';
import { normalizeGeneral } from './general.js';
import { normalizeCommon } from './one-scan.js';
import { chooseReading, legacyGate } from './reading.js';
import { stripStrayPunctuation } from './repair.js';
import { reshape } from './reshape.js';
import {
  directNeedsCheck,
  mayHaveStrayEnds,
  routeDirect,
  routeName,
  routeReading,
} from './route.js';
import { settled } from './settle.js';
import type { NormalizedName, NormalizeNameOptions } from './types.js';
import { NO_CHANGES } from './types.js';

export type { NameChange, NormalizedName, NormalizeNameOptions } from './types.js';

/**
 * Normalises a personal name the way a user wants by default, and says what it changed:
 *
 * 1. legacy decoding when the text is TCVN3, VNI, VIQR, VISCII or CP1258 ({@link detectEncoding});
 * 2. {@link toNfc}: NFC with combining-order repair, invisible characters removed, NBSP → space;
 * 3. whitespace: trimmed, one space between words;
 * 4. Telex/VNI keystroke leftovers repaired ({@link repairTelex}, see `repairTelex` option), and
 *    the look-alike Ð/ð (eth) replaced by Đ/đ where that makes a syllable;
 * 5. tone marks in the traditional (default) or modern placement ({@link normalizeTonePlacement});
 * 6. each word capitalised (`TRẦN thị` → `Trần Thị`).
 *
 * Already-canonical names take a fast path (one scan, no allocation).
 *
 * @example
 * ```ts
 * normalizeName('NGUYÔN  v¨n hïng');
 * // { value: 'Nguyễn Văn Hùng', changes: ['decoded-tcvn3', 'whitespace', 'capitalization'] }
 * normalizeName('Lê Thị Thuỷ');
 * // { value: 'Lê Thị Thủy', changes: ['tone-placement'] }
 * ```
 */
export function normalizeName(s: string, options?: NormalizeNameOptions): NormalizedName {
  const ctx = nameContext(options);
  // 1. Canonical already? (Then it is a fixed point: no reading again.)
  const state = canonicalState(s, ctx);
  if (state === CANONICAL) return { value: s, changes: NO_CHANGES };
  const r = readState(s, ctx, state);
  return readSettled ? r : settled(s, r, ctx, readName);
}

/**
 * Whether the last {@link readName} result is known to be a fixed point: the router finished it
 * and its words prove it cannot read as legacy text again (or the check on it passed).
 */
let readSettled = false;

/** {@link normalizeName} before the fixed-point check ({@link settled}): steps 1 to 3. */
function readName(s: string, ctx: NameContext): NormalizedName {
  return readState(s, ctx, canonicalState(s, ctx));
}

/** {@link readName} after step 1, which answered `state`. */
function readState(s: string, ctx: NameContext, state: number): NormalizedName {
  readSettled = false;
  if (state === CANONICAL) return { value: s, changes: NO_CHANGES };
  // 2. The router.
  if (state === NOT_CANONICAL && ctx.decode === 'auto') {
    const routed = routeSettled(s, ctx);
    if (routed !== null) {
      readSettled = true;
      return routed;
    }
  }
  // Canonical as it stands: only a decoded reading can change it.
  if (state === AMBIGUOUS && ctx.decode !== false && !decodes(s)) {
    return { value: s, changes: NO_CHANGES };
  }
  // 3. The whole-name steps, then the words.
  return reshape(s, ctx, normalizeWhole);
}

/**
 * The router's result for a name that is not canonical (decoding `'auto'`), when it is known to
 * be a fixed point: a name read as it stands must not read as legacy text once cleaned (see
 * reshape), nor a decoded name be decoded again (see settled); otherwise `null`.
 */
function routeSettled(s: string, ctx: NameContext): NormalizedName | null {
  let routed = routeDirect(s, ctx);
  // No punctuation to strip (known from the words routeDirect scanned, else looked for).
  if (routed === null && (!mayHaveStrayEnds(s) || stripStrayPunctuation(s) === null)) {
    routed = routeReading(s, ctx);
  }
  if (routed === null) return null;
  return !directNeedsCheck() ||
    legacyGate(routed.value) === 0 ||
    canonicalState(routed.value, ctx) === CANONICAL
    ? routed
    : null;
}

/** Whether the whole-name reading of `s` decodes it. */
function decodes(s: string): boolean {
  const reading = chooseReading(s);
  return reading !== null && reading.encoding !== null;
}

/** Step 3's words: the router, else the one-scan path, else the general pipeline. */
function normalizeWhole(s: string, ctx: NameContext): NormalizedName {
  if (isCanonical(s, ctx)) return { value: s, changes: NO_CHANGES };
  if (ctx.decode === 'auto' || ctx.decode === false) {
    const routed = routeName(s, ctx);
    if (routed !== null) return routed;
    const common = normalizeCommon(s, ctx);
    if (common !== null) return common;
  }
  return normalizeGeneral(s, ctx);
}

/**
 * {@link normalizeName} without its one-scan paths (`normalizeCommon` and the one-scan finish of
 * decoded text), keeping only the canonical-input check: the reference the tests hold them to.
 */
export function normalizeNameGeneral(s: string, options?: NormalizeNameOptions): NormalizedName {
  const ctx = nameContext(options);
  return settled(s, readNameGeneral(s, ctx), ctx, readNameGeneral);
}

function readNameGeneral(s: string, ctx: NameContext): NormalizedName {
  if (isCanonical(s, ctx)) return { value: s, changes: NO_CHANGES };
  return reshape(s, ctx, (t, c) =>
    isCanonical(t, c) ? { value: t, changes: NO_CHANGES } : normalizeGeneral(t, c, false),
  );
}

/**
 * The string-only shortcut of {@link normalizeName}.
 *
 * @example
 * ```ts
 * normalizeNameString('TRẦN  THỊ  BÍCH'); // 'Trần Thị Bích'
 * ```
 */
export function normalizeNameString(s: string, options?: NormalizeNameOptions): string {
  return normalizeName(s, options).value;
}
