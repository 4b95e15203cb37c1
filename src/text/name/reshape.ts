/**
 * Step 3 of `normalizeName`: the whole-name steps (stray punctuation, the reading, decoded or as
 * it stands, words joined or split) around the word-by-word finish.
 * @module
 */
import { isCleanNfc } from '../nfc.js';
import { CANONICAL, canonicalState } from './canonical.js';
import { type NameContext, withDecode } from './context.js';
import { chooseReading, legacyGate } from './reading.js';
import { joinSplitSyllables, splitRunTogether, stripStrayPunctuation } from './repair.js';
import type { NameChange, NormalizedName } from './types.js';

/**
 * The steps that look at the whole name before the word-by-word pipeline (`finish`): stray
 * punctuation removed, the reading chosen (as it stands or decoded, {@link chooseReading}) before
 * any change of case, words run together split when the name is read as it stands.
 *
 * @example
 * ```ts
 * reshape('NguyễnThị Hoa.', nameContext(), finish).value; // finish('Nguyễn Thị Hoa', …).value
 * ```
 */
export function reshape(
  s: string,
  ctx: NameContext,
  finish: (text: string, ctx: NameContext) => NormalizedName,
): NormalizedName {
  const stripped = stripStrayPunctuation(s);
  const core = stripped ?? s;
  const changes: NameChange[] = [];
  if (stripped !== null) changes.push('punctuation-removed');
  let r: NormalizedName | null = null;
  const auto = ctx.decode === 'auto';
  const plain = auto ? withDecode(ctx, false) : ctx;
  if (auto) {
    const reading = chooseReading(core);
    if (reading !== null && reading.encoding !== null) {
      changes.push(`decoded-${reading.encoding}`);
      // A syllable split by a space is joined in decoded text too (so that normalising again
      // changes nothing).
      const joined = joinSplitSyllables(reading.text);
      if (joined !== null) changes.push('words-joined');
      const text = joined ?? reading.text;
      // Decoded text with a letter only Unicode has cannot be read as legacy text again: the
      // router (decoding on) finishes it fastest; otherwise decoding stays off.
      r = finish(text, legacyGate(text) === 0 ? ctx : plain);
    } else if (reading !== null) {
      const joined = joinSplitSyllables(core);
      if (joined !== null) changes.push('words-joined');
      const split = splitRunTogether(joined ?? core);
      if (split !== null) changes.push('words-split');
      r = finish(split ?? joined ?? core, plain);
    }
  }
  if (r === null) {
    const decode = ctx.decode;
    const joined = decode === 'auto' || decode === false ? joinSplitSyllables(core) : null;
    if (joined !== null) changes.push('words-joined');
    const split = splitRunTogether(joined ?? core);
    if (split !== null) changes.push('words-split');
    r = finish(split ?? joined ?? core, ctx);
  }
  // Read as it stands, then cleaned (invisible characters, composition, case): if that reads as
  // legacy text now (`n` + U+0303 composes to `ñ`), decode it, so that normalising twice changes
  // nothing.
  if (auto && changes.every((c) => !c.startsWith('decoded-'))) {
    for (
      let pass = 0;
      pass < 2 &&
      r.value !== core &&
      legacyGate(r.value) !== 0 &&
      canonicalState(r.value, ctx) !== CANONICAL;
      pass++
    ) {
      const again = chooseReading(r.value);
      if (again === null || again.encoding === null) break;
      const next = finish(again.text, plain);
      if (next.value === r.value) break;
      changes.push(`decoded-${again.encoding}`);
      r = { value: next.value, changes: [...r.changes, ...next.changes] };
    }
  }
  // Case mapping outside Vietnamese can leave combining marks (Turkish İ lowercases to i + U+0307):
  // the output is NFC whatever the script.
  if (!isCleanNfc(r.value)) {
    const nfc = r.value.normalize('NFC');
    if (nfc !== r.value) r = { value: nfc, changes: r.changes };
  }
  if (changes.length === 0) return r;
  for (const c of r.changes) if (!changes.includes(c)) changes.push(c);
  return { value: r.value, changes };
}
