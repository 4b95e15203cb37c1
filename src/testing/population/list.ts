/**
 * The damaged vaccination list drawn from the register, streamed row by row with its truth.
 *
 * @module
 */
import { createDamager, type DamagedFields } from './damage.js';
import {
  createNumberAllocator,
  createPopulationModel,
  daysInMonth,
  drawHousehold,
  drawResidence,
  type HouseholdContext,
  NUMBER_BUCKETS,
  type Person,
  pad2,
} from './people.js';
import { createRandom, deriveSeed } from './prng.js';
import { createPeopleCursor, STREAM, toRegisterRow } from './register.js';
import {
  type DamageRates,
  DEFAULT_DAMAGE_RATES,
  type ListEntry,
  type ListRow,
  type ListTruth,
  type RegisterRow,
} from './types.js';

/** Options of {@link generateList}. */
export interface ListOptions {
  /** The register's seed: the list is drawn from the register this seed generates. */
  readonly seed: number;
  /** Size of the register the list is drawn from. */
  readonly registerSize: number;
  /** Number of list rows (default: `registerSize`). */
  readonly listSize?: number;
  /** Defect rates; missing codes take {@link DEFAULT_DAMAGE_RATES}. */
  readonly rates?: Partial<DamageRates>;
  /** Share of list rows that are a second record of a person already listed (default 0.02). */
  readonly duplicateRate?: number;
  /** Share of list rows describing people who are not in the register (default 0.03). */
  readonly notInRegisterRate?: number;
  /**
   * Share of the people outside the register who are namesakes of a register person listed just
   * before them, when that person has a common name (a frequent surname and at most one middle
   * name): the same full name, sex and year of birth, another day of birth, their own ID,
   * phone and household elsewhere (half of them in the same province) (default 0.3). Common names make these
   * frequent in real lists (Nguyễn Văn Hùng born in 1980 is hundreds of people).
   */
  readonly namesakeRate?: number;
  /**
   * Rows are shuffled within a sliding window of this many rows (default 4096): real lists are
   * grouped by commune, so order is local, but a linker must not rely on it.
   */
  readonly shuffleWindow?: number;
}

/** Resolved list composition: exact counts of each kind of row. */
export interface ListPlan {
  readonly listSize: number;
  /** Register people listed at least once. */
  readonly selected: number;
  /** Rows of people outside the register (first records). */
  readonly outside: number;
  /** Second records (duplicates inside the list). */
  readonly duplicates: number;
}

/**
 * Computes the exact composition of a list (how many register people, outsiders and duplicates).
 *
 * @example
 * ```ts
 * planList({ seed: 1, registerSize: 1000 }); // { listSize: 1000, selected: 950, outside: 30, duplicates: 20 }
 * ```
 */
export function planList(options: ListOptions): ListPlan {
  const n = Math.max(0, Math.floor(options.registerSize));
  const wanted = Math.max(0, Math.floor(options.listSize ?? n));
  const outside = Math.round(wanted * (options.notInRegisterRate ?? 0.03));
  let duplicates = Math.round(wanted * (options.duplicateRate ?? 0.02));
  let selected = wanted - outside - duplicates;
  if (selected > n) {
    selected = n;
    duplicates = Math.min(wanted - outside - selected, selected + outside);
  }
  if (selected < 0) selected = 0;
  return { listSize: selected + outside + duplicates, selected, outside, duplicates };
}

interface Pending {
  readonly fields: DamagedFields;
  readonly personId: string | null;
  readonly entityId: string;
  readonly copy: 1 | 2;
}

/** Surnames common enough for a namesake born the same year to be likely (about 80% of people). */
const COMMON_SURNAMES = new Set([
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
]);

function toEntry(p: Pending, recordId: string): ListEntry {
  const f = p.fields;
  const row: ListRow = {
    record_id: recordId,
    full_name: f.full_name,
    dob: f.dob,
    gender: f.gender,
    id_number: f.id_number,
    phone: f.phone,
    province: f.province,
    district: f.district,
    commune: f.commune,
    address: f.address,
  };
  const truth: ListTruth = {
    record_id: recordId,
    person_id: p.personId,
    entity_id: p.entityId,
    copy: p.copy,
    damages: f.damages,
    dob_format: f.dob_format,
    gender_format: f.gender_format,
    phone_format: f.phone_format,
    province_format: f.province_format,
    commune_format: f.commune_format,
  };
  return { row, truth };
}

/**
 * Streams a damaged vaccination list drawn from the register of the same seed, each row with its
 * truth (which register person it is, or none; which defects were applied; which spellings were
 * used). Exact composition ({@link planList}); constant memory apart from the shuffle window and
 * the pending second records.
 *
 * @example
 * ```ts
 * for (const { row, truth } of generateList({ seed: 42, registerSize: 1000 })) {
 *   if (truth.person_id === null) console.log(row.record_id, 'is not in the register');
 * }
 * ```
 */
export function generateList(options: ListOptions): Generator<ListEntry, void, undefined> {
  return listEntries(options, undefined);
}

/** A register row or a list entry, as {@link streamDataset} yields them. */
export type DatasetItem =
  | { readonly kind: 'register'; readonly row: RegisterRow }
  | { readonly kind: 'list'; readonly entry: ListEntry };

/**
 * Streams a register and the list drawn from it in one pass (about half the work of
 * {@link generateRegister} followed by {@link generateList}): register rows in register order,
 * list entries in list order, interleaved. Write each kind to its own file.
 *
 * @example
 * ```ts
 * for (const item of streamDataset({ seed: 1, registerSize: 1_000_000 })) {
 *   if (item.kind === 'register') registerOut.push(item.row);
 *   else listOut.push(item.entry.row);
 * }
 * ```
 */
export function* streamDataset(options: ListOptions): Generator<DatasetItem, void, undefined> {
  const sink: RegisterRow[] = [];
  for (const entry of listEntries(options, sink)) {
    if (sink.length > 0) {
      for (const row of sink) yield { kind: 'register', row };
      sink.length = 0;
    }
    yield { kind: 'list', entry };
  }
  for (const row of sink) yield { kind: 'register', row };
}

function* listEntries(
  options: ListOptions,
  registerSink: RegisterRow[] | undefined,
): Generator<ListEntry, void, undefined> {
  const { seed } = options;
  const plan = planList(options);
  const model = createPopulationModel();
  const rates: DamageRates = { ...DEFAULT_DAMAGE_RATES, ...options.rates };
  const damager = createDamager(model, rates);
  const random = createRandom(deriveSeed(seed, STREAM.list));
  const outsideCtx: HouseholdContext = {
    model,
    random: createRandom(deriveSeed(seed, STREAM.outside)),
    numbers: createNumberAllocator(deriveSeed(seed, STREAM.numbers), NUMBER_BUCKETS),
    outsideRegister: true,
  };
  const windowSize = Math.max(1, Math.floor(options.shuffleWindow ?? 4096));
  const maxDelay = Math.max(1, Math.min(plan.listSize, 50_000));

  const window: Pending[] = [];
  // Second records wait in a min-heap keyed by the step at which they join the window.
  const heapDue: number[] = [];
  const heapItem: Pending[] = [];
  let step = 0;
  let emitted = 0;
  let remainingOutside = plan.outside;
  let remainingSelected = plan.selected;
  let remainingFirsts = plan.selected + plan.outside;
  let remainingDuplicates = plan.duplicates;
  let outsideQueue: Person[] = [];
  let outsideCount = 0;

  const heapPush = (due: number, item: Pending): void => {
    let i = heapDue.length;
    heapDue.push(due);
    heapItem.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heapDue[parent] as number) <= due) break;
      heapDue[i] = heapDue[parent] as number;
      heapItem[i] = heapItem[parent] as Pending;
      i = parent;
    }
    heapDue[i] = due;
    heapItem[i] = item;
  };
  const heapPop = (): Pending => {
    const top = heapItem[0] as Pending;
    const lastDue = heapDue.pop() as number;
    const lastItem = heapItem.pop() as Pending;
    const n = heapDue.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (heapDue[child + 1] as number) < (heapDue[child] as number)) child++;
        if ((heapDue[child] as number) >= lastDue) break;
        heapDue[i] = heapDue[child] as number;
        heapItem[i] = heapItem[child] as Pending;
        i = child;
      }
      heapDue[i] = lastDue;
      heapItem[i] = lastItem;
    }
    return top;
  };

  // Adds a pending row to the window; returns the row pushed out, if the window was full.
  const admit = (item: Pending): Pending | undefined => {
    if (window.length < windowSize) {
      window.push(item);
      return undefined;
    }
    const j = random.int(windowSize);
    const out = window[j];
    window[j] = item;
    return out;
  };

  const nextOutsider = (): Person => {
    while (outsideQueue.length === 0) outsideQueue = drawHousehold(outsideCtx, -1).members.slice();
    return outsideQueue.shift() as Person;
  };

  // Rows pushed out of the window, ready to be yielded (reused; drained after every record).
  const ready: Pending[] = [];
  const admitToReady = (item: Pending): void => {
    const out = admit(item);
    if (out !== undefined) ready.push(out);
  };

  // Records a first record and schedules its second record when one is drawn.
  const first = (person: Person, personId: string | null, entityId: string): void => {
    step++;
    const item: Pending = {
      fields: damager.damage(person, random),
      personId,
      entityId,
      copy: 1,
    };
    if (remainingDuplicates > 0 && random.float() * remainingFirsts < remainingDuplicates) {
      remainingDuplicates--;
      heapPush(step + 1 + random.int(maxDelay), {
        fields: damager.damage(person, random),
        personId,
        entityId,
        copy: 2,
      });
    }
    remainingFirsts--;
    admitToReady(item);
    while (heapDue.length > 0 && (heapDue[0] as number) <= step) admitToReady(heapPop());
  };

  const namesakeRate = options.namesakeRate ?? 0.3;
  let lastListed: Person | undefined;
  // Another person with the name, sex and birth year of `p` (see ListOptions.namesakeRate).
  const namesakeOf = (o: Person, p: Person): Person => {
    const month = 1 + random.int(12);
    const days = daysInMonth(p.year, month);
    let day = 1 + random.int(days);
    if (month === p.month && day === p.day) day = (day % days) + 1;
    // Half of them in the same province, none in the same commune: a namesake born the same
    // year in the same commune would be in the register too, and the date of birth tells them
    // apart there.
    const residence = random.chance(0.5)
      ? drawResidence(model, random, p.household.residence.provinceIndex)
      : o.household.residence;
    const household =
      residence.commune === p.household.residence.commune
        ? o.household
        : { ...o.household, residence };
    return {
      ...o,
      surname: p.surname,
      middle: p.middle,
      given: p.given,
      fullName: p.fullName,
      sex: p.sex,
      year: p.year,
      month,
      day,
      dob: `${p.year}-${pad2(month)}-${pad2(day)}`,
      household,
    };
  };
  const outsider = (): void => {
    remainingOutside--;
    let o = nextOutsider();
    // Namesakes are people with a common name (a frequent surname, at most one middle name).
    if (
      lastListed !== undefined &&
      lastListed.middle.length <= 1 &&
      COMMON_SURNAMES.has(lastListed.surname) &&
      random.chance(namesakeRate)
    )
      o = namesakeOf(o, lastListed);
    first(o, null, `X${outsideCount++}`);
  };

  let seen = 0;
  const n = Math.max(0, Math.floor(options.registerSize));
  if (plan.selected > 0 || registerSink !== undefined) {
    const nextPerson = createPeopleCursor({ seed, size: n, model });
    for (let person = nextPerson(); person !== undefined; person = nextPerson()) {
      if (registerSink !== undefined) registerSink.push(toRegisterRow(person));
      const left = n - seen;
      seen++;
      if (remainingSelected === 0 || random.float() * left >= remainingSelected) continue;
      while (
        remainingOutside > 0 &&
        random.float() * (remainingOutside + remainingSelected) < remainingOutside
      ) {
        outsider();
      }
      remainingSelected--;
      const id = `P${person.index}`;
      first(person, id, id);
      lastListed = person;
      for (let i = 0; i < ready.length; i++) yield toEntry(ready[i] as Pending, `R${emitted++}`);
      ready.length = 0;
      if (remainingSelected === 0 && registerSink === undefined) break;
    }
  }
  while (remainingOutside > 0) {
    outsider();
    for (let i = 0; i < ready.length; i++) yield toEntry(ready[i] as Pending, `R${emitted++}`);
    ready.length = 0;
  }
  // Flush: pending second records join the window, then the window drains in random order.
  while (heapDue.length > 0) {
    const b = admit(heapPop());
    if (b !== undefined) yield toEntry(b, `R${emitted++}`);
  }
  while (window.length > 0) {
    const j = random.int(window.length);
    const last = window.pop() as Pending;
    const item = j < window.length ? (window[j] as Pending) : last;
    if (j < window.length) window[j] = last;
    yield toEntry(item, `R${emitted++}`);
  }
}
