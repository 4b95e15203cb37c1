/**
 * Signed lists (danh sách ký bàn giao) of steps 3 and 5.
 * @module
 */
import { canonicalJson, sha256Hex } from './hash.js';
import type { Actor } from './roles.js';
import type { SignedList } from './states.js';

/** The content of a list before signing. */
export interface ListContent {
  readonly listId: string;
  /** The cases on the list, in the printed order. */
  readonly caseIds: readonly string[];
}

/**
 * SHA-256 (hex) of a list's id and case ids in order: the "what" of a list signature.
 *
 * @example
 * ```ts
 * const hash = await listContentHash({ listId: 'L1', caseIds: ['c1', 'c2'] });
 * ```
 */
export function listContentHash(content: ListContent): Promise<string> {
  return sha256Hex(canonicalJson([content.listId, content.caseIds]));
}

/**
 * Signs a list: records who handed it over, when, and the hash of its content.
 *
 * @example
 * ```ts
 * const list = await signList({ listId: 'CA-2022-05-20', caseIds: ['c1'] }, police, '2022-05-20T09:00:00Z');
 * ```
 */
export async function signList(content: ListContent, by: Actor, at: string): Promise<SignedList> {
  const contentHash = await listContentHash(content);
  return {
    listId: content.listId,
    caseIds: [...content.caseIds],
    signature: { by, at, contentHash },
  };
}

/**
 * Whether a signed list's content hash matches its id and case ids (nothing added, removed or
 * reordered since signing). A malformed list (`null`, no signature, a list id that cannot be
 * serialised) is not verified: `false`, never a rejection.
 *
 * @example
 * ```ts
 * await verifyListSignature(list); // true
 * await verifyListSignature(null as never); // false
 * ```
 */
export async function verifyListSignature(list: SignedList): Promise<boolean> {
  const untyped: unknown = list;
  if (untyped === null || typeof untyped !== 'object') return false;
  const signature: unknown = (untyped as Partial<SignedList>).signature;
  if (signature === null || typeof signature !== 'object') return false;
  const expected = (signature as Partial<SignedList['signature']>).contentHash;
  if (typeof expected !== 'string') return false;
  const { listId, caseIds } = untyped as Partial<SignedList>;
  let actual: string;
  try {
    actual = await listContentHash({ listId: listId as string, caseIds: caseIds as string[] });
  } catch {
    return false; // a bigint or a cycle: not a list that was ever signed
  }
  return actual === expected;
}
