import { newProvincesForOldCode, parseIdNumber } from '../id/index.js';
import { memoize } from '../memo.js';
import type { CleanRecord, PartialDate } from '../record/index.js';
import { foldDiacritics } from '../text/index.js';
import { dateComparison } from './comparisons/date.js';
import { exactComparison } from './comparisons/exact.js';
import { type IdValue, idNumberComparison } from './comparisons/id-number.js';
import { phoneComparison } from './comparisons/phone.js';
import { placeComparison } from './comparisons/place.js';
import {
  familyNameComparison,
  givenNameComparison,
  type PreparedName,
  prepareName,
} from './comparisons/vietnamese-name.js';
import type { MatchRule } from './rules.js';
import { hashKeyParts, joinKeyParts, type KeyPart } from './scale/hash.js';
import type { BlockingRule, LinkageSpec } from './spec.js';
import { walkMemo } from './walk-memo.js';

/** Options of {@link vietnameseSpec}. */
export interface VietnameseSpecOptions {
  /**
   * The `extra` column holding a second identity number of the same person (the register's old
   * CMND), default `old_id_number`.
   */
  readonly alternateIdColumn?: string;
}

const lowerFold = (s: string) => foldDiacritics(s).toLowerCase();

const COMMUNE_PREFIX = /^(?:xa|phuong|thi tran|dac khu) (.+)$/;

/**
 * The comparison and blocking key of a commune: folded, lower case, without its unit word, so
 * that a register's `Xã Tân Lập` meets a list's `Tân Lập` (or one read from its address). A
 * numbered ward keeps it (`phuong 5`): a city has a Phường 5 in many districts.
 */
function communeKeyOf(name: string): string {
  const k = lowerFold(name);
  const m = COMMUNE_PREFIX.exec(k);
  return m !== null && !/^\d+$/.test(m[1]!) ? m[1]! : k;
}

function newProvince(code: string): string | undefined {
  const c = newProvincesForOldCode(code);
  if (!c) return undefined;
  return c.ambiguous ? `${code}?` : c.candidates[0]?.code;
}

// Province codes (about a hundred) and communes repeat in millions of rows: memoised, bounded,
// shared by every spec instance on the thread (pure functions; a register piece is prepared with
// a fresh spec).
const mergedProvince = memoize((code: string) => newProvince(code) ?? code, 1024);
const communeKey = memoize(communeKeyOf, 1 << 16);
/** {@link newProvince}, '' for none (the place comparison reads both as none), memoised. */
const newProvinceOrEmpty = memoize((code: string) => newProvince(code) ?? '', 1024);

function alternateId(column: string) {
  return (r: CleanRecord): IdValue | undefined => {
    const raw = r.extra[column];
    if (!raw) return undefined;
    const p = parseIdNumber(raw);
    return p.success ? { value: p.data.value, kind: p.data.kind } : undefined;
  };
}

const primaryId = (r: CleanRecord): IdValue | undefined =>
  r.idNumber.value ? { value: r.idNumber.value, kind: r.idKind } : undefined;

/** The parts of a record several blocking rules share. */
interface Derived {
  readonly parts: PreparedName | undefined;
  /**
   * The phonetic keys of every word of the name, sorted (the same in any word order), or null
   * for a one-word name.
   */
  readonly fullKey: string | null;
  readonly province: string | null;
  readonly commune: string | null;
}

const NO_DERIVED: Derived = { parts: undefined, fullKey: null, province: null, commune: null };

/**
 * Largest block of the name, date, place and phone rules. These keys have a fixed number of values
 * (a given name and a date of birth, a surname, a date and a province), so their blocks grow with
 * the register: measured mean candidates per record of given name + date of birth 0.95, 1.34 and
 * 5.25 at 100k, 1M and 10M register people. Capped, each rule costs at most this many candidates
 * per record at any scale (a 100M register's "Hùng born on 12 March 1985" block is about 60
 * people: other rules must find them), and degenerate keys (a placeholder date of birth, a health
 * station's phone typed on every record) drop out.
 */
const BLOCK_CAP = 32;

/** Largest block of the ID rules: an ID belongs to one person, so only a placeholder reaches it. */
const ID_CAP = 256;

/** Largest number of parsed names {@link vietnameseSpec} keeps for reuse. */
const NAME_CACHE_LIMIT = 1 << 18;

/**
 * One parse per distinct name (names repeat a lot: a few hundred thousand distinct full names per
 * million people), shared by the name comparisons and the blocking rules of every spec instance
 * on this thread (`prepareName` is pure): a worker's specs (the one it prepares register chunks
 * with, the one it links LEFT with) and every chunk they see reuse the same parses. Bounded: the
 * cache is emptied when it reaches NAME_CACHE_LIMIT entries.
 */
const names = new Map<string, PreparedName | null>();

/**
 * A record's parse, read back by position when the same records are walked again: a chunk's
 * records are walked by the blocking keys and by the two name comparisons, in turn (one lookup in
 * `names`, whose hundreds of thousands of entries cost a cache miss or more, instead of three).
 */
const recordName = walkMemo((r: CleanRecord) => parsedName(r.fullName.value), { replays: 2 });

function namePartsOf(r: CleanRecord): PreparedName | undefined {
  return recordName(r) ?? undefined;
}

function parsedName(full: string | undefined): PreparedName | null {
  if (!full) return null;
  let p = names.get(full);
  if (p === undefined) {
    p = prepareName(full) ?? null;
    if (names.size >= NAME_CACHE_LIMIT) names.clear();
    names.set(full, p);
  }
  return p;
}

/** Where a {@link partsRule} writes a record's key parts (keys are made one at a time). */
const keyParts: KeyPart[] = [];

/**
 * A blocking rule whose key is the parts `write` puts into an array (returning their count, 0
 * for no key): its `key` joins them and its `keyHash` hashes them where they are, so both come
 * from one definition and a streaming run makes no key strings.
 */
function partsRule(
  rule: Omit<BlockingRule<CleanRecord>, 'key' | 'keyHash'>,
  write: (r: CleanRecord, out: KeyPart[]) => number,
): BlockingRule<CleanRecord> {
  return {
    ...rule,
    key: (r) => {
      const n = write(r, keyParts);
      return n === 0 ? null : joinKeyParts(keyParts, n);
    },
    keyHash: (r) => {
      const n = write(r, keyParts);
      return n === 0 ? -1 : hashKeyParts(keyParts, n);
    },
  };
}

/** Writes `year-month-day` (a full date, as `${year}-${month}-${day}`) from `out[at]`; returns the next index. */
function writeDate(out: KeyPart[], at: number, d: PartialDate): number {
  out[at] = d.year;
  out[at + 1] = '-';
  out[at + 2] = d.month ?? '';
  out[at + 3] = '-';
  out[at + 4] = d.day ?? '';
  return at + 5;
}

/**
 * The default comparisons for Vietnamese person records ({@link CleanRecord}), meant to work
 * without tuning: given name and family name (understanding missing middle names, lost
 * diacritics, regional spellings, reversed order), date of birth (partial dates, swaps,
 * placeholders), sex, identity number (with the register's old CMND), phone (2018 migration) and
 * place (old and merged province codes, commune). Blocking rules: identity number, old CMND,
 * phonetic given name + full date of birth, phonetic full name + birth year or + commune, phone,
 * commune + full date of birth, family phonetics + full date of birth + province. No key is the
 * surname alone (Nguyễn is 38% of people), and no key is a place or a name alone with only a year:
 * such blocks grow with the register.
 *
 * @example
 * ```ts
 * const spec = vietnameseSpec();
 * const r = linkWithSpec(listRecords, registerRecords, spec, { rules: VIETNAMESE_RULES });
 * ```
 */
export function vietnameseSpec(options: VietnameseSpecOptions = {}): LinkageSpec<CleanRecord> {
  const altColumn = options.alternateIdColumn ?? 'old_id_number';
  const alt = alternateId(altColumn);
  const nameParts = namePartsOf;
  const year = (r: CleanRecord) => r.dob.value?.year;
  /** The province of a blocking key: the merged (2025) code, so old and new codes meet. */
  const provinceKey = (r: CleanRecord): string | null => {
    const code = r.provinceCode.value;
    return code ? mergedProvince(code) : null;
  };
  // What several rules derive from one record, computed once per record: keys are computed record
  // by record (`blockingKeys`), so a one-record cache is enough.
  let lastRecord: CleanRecord | undefined;
  let last: Derived = NO_DERIVED;
  const derived = (r: CleanRecord): Derived => {
    if (r === lastRecord) return last;
    const parts = nameParts(r);
    const c = r.commune.value;
    lastRecord = r;
    last = {
      parts,
      // Order-free: `Quyền Nguyễn Văn` and `Nguyễn Văn Quyền` share their name keys.
      fullKey: parts?.surname ? parts.bagKey : null,
      province: provinceKey(r),
      commune: c ? communeKey(c) : null,
    };
    return last;
  };
  const blocking: BlockingRule<CleanRecord>[] = [
    // Every rule has a block cap (BLOCK_CAP, ID_CAP): a key shared by many register people tells
    // nobody apart, and without a cap the rule's work per record grows with the register.
    { name: 'id_number', fields: ['id'], maxBlockSize: ID_CAP, key: (r) => r.idNumber.value },
    {
      name: 'old_cmnd',
      fields: ['id'],
      maxBlockSize: ID_CAP,
      key: (r) => (r.idKind === 'cmnd9' ? r.idNumber.value : alt(r)?.value),
    },
    partsRule(
      { name: 'given_phonetic+dob', maxBlockSize: BLOCK_CAP, fields: ['given', 'dob'] },
      (r, out) => {
        const p = derived(r).parts;
        const d = r.dob.value;
        if (!p || !d?.day) return 0;
        out[0] = p.givenKey;
        out[1] = '|';
        return writeDate(out, 2, d);
      },
    ),
    // A common name born in one year is thousands of people nationally: only the blocks of
    // rarer names are used (≤ BLOCK_CAP register people). Measured: 3.26 → 2.78 candidates
    // per record at a 400k register, 7.26 → 3.70 at 1M, same blocking recall.
    partsRule(
      {
        name: 'full_name_phonetic+birth_year',
        maxBlockSize: BLOCK_CAP,
        fields: ['given', 'family', 'dob'],
      },
      (r, out) => {
        const name = derived(r).fullKey;
        const y = year(r);
        if (!name || !y) return 0;
        out[0] = name;
        out[1] = '|';
        out[2] = y;
        return 3;
      },
    ),
    // Commune, not the province alone: a province block grows with the register (one
    // "Nguyễn Văn Anh" per few thousand people of a province).
    partsRule(
      {
        name: 'full_name_phonetic+commune',
        maxBlockSize: BLOCK_CAP,
        fields: ['given', 'family', 'place'],
      },
      (r, out) => {
        const { fullKey, province, commune } = derived(r);
        if (!fullKey || !province || !commune) return 0;
        out[0] = fullKey;
        out[1] = '|';
        out[2] = province;
        out[3] = '|';
        out[4] = commune;
        return 5;
      },
    ),
    // Catches a damaged year (with the commune damaged too): day and month, not the year.
    partsRule(
      {
        name: 'full_name_phonetic+province+birthday',
        maxBlockSize: BLOCK_CAP,
        fields: ['given', 'family', 'place'],
      },
      (r, out) => {
        const { fullKey, province } = derived(r);
        const d = r.dob.value;
        if (!fullKey || !province || !d?.day) return 0;
        out[0] = fullKey;
        out[1] = '|';
        out[2] = province;
        out[3] = '|';
        out[4] = d.month ?? '';
        out[5] = '-';
        out[6] = d.day;
        return 7;
      },
    ),
    {
      name: 'phone_last7',
      maxBlockSize: BLOCK_CAP,
      fields: ['phone'],
      // A shared phone gathers a household (parents' phone on children's records): EM on these
      // blocks would learn "same household". Used for candidates, not for training.
      train: false,
      key: (r) => (r.phone.value && r.phone.value.length >= 7 ? r.phone.value.slice(-7) : null),
    },
    // Full date of birth, not the year: a commune's birth cohort grows with the register.
    partsRule(
      { name: 'commune+dob', maxBlockSize: BLOCK_CAP, fields: ['place', 'dob'], train: false },
      (r, out) => {
        const { commune, province } = derived(r);
        const d = r.dob.value;
        if (!commune || !d?.day || !province) return 0;
        out[0] = province;
        out[1] = '|';
        out[2] = commune;
        out[3] = '|';
        return writeDate(out, 4, d);
      },
    ),
    // With the province and sex: nationally, Nguyễn (38%) born on one day is a few thousand
    // people, and in one province still about four per 10M people (measured: 3.85 candidates
    // per record at 10M × 10M). Sex halves that; at 1M it caught exactly the same true links.
    partsRule(
      {
        name: 'surname_phonetic+dob+province+sex',
        maxBlockSize: BLOCK_CAP,
        fields: ['family', 'dob', 'place', 'sex'],
      },
      (r, out) => {
        const { parts: p, province } = derived(r);
        const d = r.dob.value;
        const sex = r.sex.value;
        if (!p?.surname || !d?.day || !province || !sex) return 0;
        out[0] = p.surnameKey;
        out[1] = '|';
        const at = writeDate(out, 2, d);
        out[at] = '|';
        out[at + 1] = province;
        out[at + 2] = '|';
        out[at + 3] = sex;
        return at + 4;
      },
    ),
  ];
  return {
    comparisons: [
      givenNameComparison({ name: 'given', parts: nameParts }),
      familyNameComparison({ name: 'family', parts: nameParts }),
      dateComparison({ name: 'dob', get: (r) => r.dob.value }),
      exactComparison({ name: 'sex', get: (r) => r.sex.value }),
      idNumberComparison({ name: 'id', get: primaryId, alternate: alt }),
      phoneComparison({ name: 'phone', get: (r) => r.phone.value }),
      placeComparison({
        name: 'place',
        province: (r) => r.provinceCode.value,
        commune: (r) => r.commune.value,
        newProvince: newProvinceOrEmpty,
        foldKey: communeKey,
      }),
    ],
    blocking,
  };
}

/**
 * Deterministic pre-decision rules for {@link vietnameseSpec}: the same identity number with a
 * consistent given name (in any word order) and date of birth is a match, whatever the other
 * fields say; a name with only a year of birth (or none), no identity number, no shared phone and
 * not the same commune is at most a review (namesakes); a different
 * given name (not a typo, not a phonetic or diacritic variant) without a shared identity number
 * is another person — siblings and twins share a family name, a household and sometimes a date of
 * birth, which the model would otherwise count as independent evidence.
 *
 * @example
 * ```ts
 * linkWithSpec(list, register, vietnameseSpec(), { rules: VIETNAMESE_RULES });
 * ```
 */
export const VIETNAMESE_RULES: readonly MatchRule[] = [
  {
    name: 'same id number, consistent name and date of birth',
    require: {
      id: ['exact'],
      given: ['exact', 'folded', 'phonetic', 'other_order'],
      dob: ['exact', 'day_month_swapped', 'one_part_off', 'same_year'],
    },
  },
  {
    // Nguyễn Văn Hùng born in 1980 is hundreds of people: a name and a year of birth (or no date
    // at all), with no identity number, no shared phone and not the same commune, cannot tell
    // namesakes apart.
    name: 'name and year of birth only (namesakes)',
    decision: 'review',
    require: {
      id: ['null', 'other_system'],
      dob: ['null', 'same_year'],
      phone: ['null', 'else'],
      place: ['null', 'same_province', 'same_merged_province', 'else'],
    },
  },
  {
    // With the weights floored at −12 bits, a relative's ID (same household: same surname,
    // address and phone) could otherwise outweigh a given name and a date of birth that both
    // differ. A record whose given name and date of birth both disagree is not that person.
    name: 'different given name and date of birth (a relative’s id number)',
    decision: 'no_match',
    require: { given: ['else'], dob: ['else'] },
  },
  {
    name: 'different given name and no shared id number (siblings, twins)',
    decision: 'no_match',
    require: {
      given: ['else'],
      id: ['null', 'one_digit_off', 'transposition', 'other_system', 'else'],
    },
  },
];
