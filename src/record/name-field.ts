import { memoize } from '../memo.js';
import type { Issue } from '../result.js';
import { type NameChange, normalizeName, type ToneStyle } from '../text/index.js';
import { neutralizeFormula } from './formula.js';
import { issue } from './issue.js';

/**
 * Codes about the full name column.
 * - `NAME_MISSING`: empty or blank.
 * - `NAME_HAS_DIGITS` (warning): digits in a name, usually another column pasted in.
 * - `NAME_LEGACY_ENCODING` (warning): typed in TCVN3/VNI/VIQR/VISCII/CP1258 and decoded.
 * - `NAME_TELEX_REPAIRED` (warning): Telex/VNI keystrokes left in the name were turned into letters.
 */
export type NameIssueCode =
  | 'NAME_MISSING'
  | 'NAME_HAS_DIGITS'
  | 'NAME_LEGACY_ENCODING'
  | 'NAME_TELEX_REPAIRED';

/** The cleaned name (absent when missing) with its error or warnings. */
export interface CleanedName {
  readonly value?: string;
  readonly error?: Issue<NameIssueCode>;
  readonly warnings?: readonly Issue<NameIssueCode>[];
}

const MISSING: CleanedName = { error: issue('NAME_MISSING', 'No full name') };

function isLegacyChange(c: NameChange): boolean {
  return c.startsWith('decoded-');
}

/**
 * Cleans a full name (họ và tên) with the text part's `normalizeName`: legacy encodings decoded,
 * NFC, one space between words, each word capitalised, tone marks placed in `style`.
 *
 * @example
 * ```ts
 * cleanFullName('  nguyễn  văn HOÀ ', 'traditional').value; // 'Nguyễn Văn Hòa'
 * ```
 */
export function cleanFullName(input: string | undefined, style: ToneStyle): CleanedName {
  if (input === undefined) return MISSING;
  if (typeof input !== 'string') return clean(input, style);
  return (style === 'modern' ? modernMemo : traditionalMemo)(input);
}

// Names repeat (a few thousand family/middle/given name combinations cover most people) and
// results are immutable: memoise per input, one table per tone style. 2^18 entries: a link
// worker sees a few hundred thousand distinct spellings of a million people's names (the 1M
// bench: 102,801 in the register, 154,518 in the damaged list), and a table of 65,536 started
// over every 65,536 new ones, cleaning each name again (1M × 1M CSV → CSV: 3–5 CPU s less of
// about 80, peak RSS within 70 MB).
const traditionalMemo = memoize((s) => clean(s, 'traditional'), 1 << 18);
const modernMemo = memoize((s) => clean(s, 'modern'), 1 << 18);

function clean(input: string, style: ToneStyle): CleanedName {
  const normalized = normalizeName(input, { style });
  const changes = normalized.changes;
  if (normalized.value.length === 0) return MISSING;
  // Trimming may expose a formula (`\t=cmd` → `=cmd`): a cleaned name never starts like one.
  const value = neutralizeFormula(normalized.value);
  let warnings: Issue<NameIssueCode>[] | undefined;
  if (changes.length > 0) {
    if (changes.some(isLegacyChange)) {
      warnings = [
        issue('NAME_LEGACY_ENCODING', 'The name was typed in a legacy encoding and decoded'),
      ];
    }
    if (changes.includes('telex-repaired')) {
      warnings = warnings ?? [];
      warnings.push(
        issue('NAME_TELEX_REPAIRED', 'Telex/VNI keystrokes in the name were turned into letters'),
      );
    }
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      warnings = warnings ?? [];
      warnings.push(issue('NAME_HAS_DIGITS', 'The name contains digits'));
      break;
    }
  }
  return warnings === undefined ? { value } : { value, warnings };
}
