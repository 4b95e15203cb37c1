/**
 * The options of `normalizeName`, resolved once and passed to every step as one object (instead
 * of positional style / capitalize / telex / decode flags). The contexts are interned: one frozen
 * object per combination, so that resolving them costs no allocation on the hot path.
 * @module
 */
import type { LegacyEncoding } from '../legacy.js';
import { LEGACY_ENCODINGS } from '../legacy.js';
import type { ToneStyle } from '../tone.js';

/** The options of `normalizeName` with their defaults filled in. */
export interface NameContext {
  /** Tone placement. */
  readonly style: ToneStyle;
  /** Title case each word. */
  readonly capitalize: boolean;
  /** Telex/VNI keystroke repair. */
  readonly telex: 'auto' | boolean;
  /** Legacy decoding: detect (`'auto'`), never (`false`) or one forced decoder. */
  readonly decode: 'auto' | false | LegacyEncoding;
  /**
   * `style` and `capitalize` as one small integer (2 for modern, plus 1 when capitalised): the key
   * under which a word's finished form is cached (route-word.ts), compared per word.
   */
  readonly finishKey: number;
}

/** The option fields a context is resolved from (those of `NormalizeNameOptions`). */
export interface NameContextOptions {
  readonly style?: ToneStyle;
  readonly capitalize?: boolean;
  readonly repairTelex?: 'auto' | boolean;
  readonly decode?: 'auto' | false | LegacyEncoding;
}

const DECODES: readonly ('auto' | false | LegacyEncoding)[] = ['auto', false, ...LEGACY_ENCODINGS];
const TELEXES: readonly ('auto' | boolean)[] = ['auto', true, false];
const CONTEXTS: (NameContext | undefined)[] = [];

/**
 * The interned context of these options (defaults: traditional, capitalised, Telex `'auto'`,
 * decoding `'auto'`).
 *
 * @example
 * ```ts
 * nameContext({ style: 'modern' });
 * // { style: 'modern', capitalize: true, telex: 'auto', decode: 'auto', finishKey: 3 }
 * nameContext() === nameContext({}); // true
 * ```
 */
export function nameContext(options?: NameContextOptions): NameContext {
  if (options === undefined) return DEFAULT;
  return contextOf(
    options?.style ?? 'traditional',
    options?.capitalize ?? true,
    options?.repairTelex ?? 'auto',
    options?.decode ?? 'auto',
  );
}

/**
 * `ctx` with decoding set to `decode` (interned, like {@link nameContext}).
 *
 * @example
 * ```ts
 * withDecode(nameContext(), false).decode; // false
 * ```
 */
export function withDecode(ctx: NameContext, decode: 'auto' | false | LegacyEncoding): NameContext {
  return ctx.decode === decode ? ctx : contextOf(ctx.style, ctx.capitalize, ctx.telex, decode);
}

function contextOf(
  style: ToneStyle,
  capitalize: boolean,
  telex: 'auto' | boolean,
  decode: 'auto' | false | LegacyEncoding,
): NameContext {
  const k =
    ((DECODES.indexOf(decode) * TELEXES.length + TELEXES.indexOf(telex)) * 2 +
      (capitalize ? 1 : 0)) *
      2 +
    (style === 'modern' ? 1 : 0);
  let ctx = CONTEXTS[k];
  if (ctx === undefined) {
    const finishKey = (style === 'modern' ? 2 : 0) + (capitalize ? 1 : 0);
    ctx = Object.freeze({ style, capitalize, telex, decode, finishKey });
    CONTEXTS[k] = ctx;
  }
  return ctx;
}

/** The context without options (the commonest call, resolved without a lookup). */
const DEFAULT = contextOf('traditional', true, 'auto', 'auto');
