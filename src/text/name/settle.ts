/**
 * Last step of `normalizeName`: the result made a fixed point (normalising it again changes
 * nothing).
 * @module
 */
import { type NameContext, withDecode } from './context.js';
import { legacyGate } from './reading.js';
import type { NameChange, NormalizedName } from './types.js';

/**
 * `r`, the result of `read(s, ctx)`, made a fixed point (decoding `'auto'`). A result that
 * could still read as legacy text is read again; if that changes it:
 * - `r` was decoded and its own result does not confirm it (`tâ` is TCVN3 for `tõ`, itself TCVN3
 *   for `từ`): text is encoded once, so the decoding is dropped and `s` is read as it stands,
 *   unless that reading in turn decodes into a settled result (`\u00ADy ö` → `Y Ö` → `Y Ệ`);
 * - `r` was read as it stands (then cleaned: invisible characters removed, case changed): its
 *   second reading, when that one is settled.
 * Only a result without a letter that only Unicode has is read again (a fraction of legacy names).
 *
 * @example
 * ```ts
 * settled('Nguyen', { value: 'Nguyen', changes: [] }, nameContext(), readName).value; // 'Nguyen'
 * ```
 */
export function settled(
  s: string,
  r: NormalizedName,
  ctx: NameContext,
  read: (s: string, ctx: NameContext) => NormalizedName,
): NormalizedName {
  if (r.changes.length === 0 || ctx.decode !== 'auto') return r;
  if (legacyGate(r.value) === 0) return r;
  const again = read(r.value, ctx);
  if (again.value === r.value) return r;
  const base = r.changes.some(isDecoded) ? read(s, withDecode(ctx, false)) : r;
  const next = base === r ? again : read(base.value, ctx);
  if (next.value === base.value) return base;
  return legacyGate(next.value) === 0 || read(next.value, ctx).value === next.value
    ? merged(base, next)
    : base;
}

/** `b` with the changes of `a` first. */
function merged(a: NormalizedName, b: NormalizedName): NormalizedName {
  const changes = [...a.changes];
  for (const c of b.changes) if (!changes.includes(c)) changes.push(c);
  return { value: b.value, changes };
}

function isDecoded(c: NameChange): boolean {
  return c.startsWith('decoded-');
}
