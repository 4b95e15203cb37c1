/**
 * Interner benchmark: the typed-array interner (`src/match/interner.ts`) against the `Map`
 * interner it replaced (a copy of it lives below as the peer), on 1 M realistic values each:
 *   node --expose-gc --import tsx bench/interner.bench.ts [--values 1000000] [--big]
 * Workloads: 12-digit CCCDs (all distinct), folded full names, and name parts (few distinct,
 * repeated; NFC Vietnamese, two-byte strings). Per workload: interning into a new interner, hits
 * (every value again), and misses on a frozen interner (values it never had). Then bytes per
 * value, and the cost of handing a 1 M dictionary to a worker (old: join, split, re-intern;
 * new: copy the arrays into a `SharedArrayBuffer` once, attach). `--big` interns 20 M distinct
 * 12-digit strings instead, past the 2^24 entries a `Map` holds, and shows the `Map` failing.
 */
import {
  attachInterner,
  createInterner,
  type Interner,
  intern,
  internerArrays,
  internerSize,
} from '../src/match/interner.js';
import { exportDictionaries, importDictionaries } from '../src/match/scale/dictionary.js';
import type { LinkageSpec } from '../src/match/spec.js';
import { generatePeople } from '../src/testing/population/index.js';
import { foldDiacritics } from '../src/text/index.js';
import { type BenchRow, printTable, runBench } from './util.js';

// ---- the peer: the Map interner as it was -----------------------------------------------------
interface MapInterner {
  readonly ids: Map<string, number>;
  frozen?: boolean;
}
const createMapInterner = (): MapInterner => ({ ids: new Map() });
function mapIntern(interner: MapInterner, s: string): number {
  const id = interner.ids.get(s);
  if (id !== undefined) return id;
  const next = interner.ids.size;
  if (interner.frozen === true) return next;
  interner.ids.set(s, next);
  return next;
}

// ---- arguments ------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('--values', 1_000_000);
const BIG = args.includes('--big');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Bytes of the interner's arrays: as allocated, or trimmed (as exported). */
function arraysBytes(t: Interner, trimmed: boolean): number {
  const x = trimmed ? internerArrays(t) : t;
  return x.table.byteLength + x.pool.byteLength + x.starts.byteLength;
}

let sink = 0;
const all: BenchRow[] = [];

// ---- data -----------------------------------------------------------------------------------------
interface Workload {
  readonly name: string;
  readonly values: readonly string[];
  /** Values absent from `values`. */
  readonly misses: readonly string[];
}

function columns(seed: number, n: number) {
  const cccd: string[] = [];
  const folded: string[] = [];
  const parts: string[] = [];
  for (const p of generatePeople({ seed, size: n })) {
    cccd.push(p.cccd);
    folded.push(foldDiacritics(p.fullName).toLowerCase());
    if (parts.length < n) parts.push(p.surname, ...p.middle, p.given);
  }
  parts.length = Math.min(parts.length, n);
  return { cccd, folded, parts };
}

function without(values: readonly string[], other: readonly string[], n: number): string[] {
  const have = new Set(values);
  const out = other.filter((v) => !have.has(v));
  if (out.length === 0) throw new Error('no misses');
  for (let i = 0; out.length < n; i++) out.push(out[i]!);
  return out;
}

if (!BIG) {
  const t0 = performance.now();
  const a = columns(1, N);
  const b = columns(2, N);
  // Name parts of another population are all known: misses are parts with a typo-like suffix.
  const partMisses = a.parts.map((s) => `${s}x`);
  const workloads: Workload[] = [
    { name: 'CCCD (12 digits, distinct)', values: a.cccd, misses: without(a.cccd, b.cccd, N) },
    { name: 'folded full names', values: a.folded, misses: without(a.folded, b.folded, N) },
    { name: 'name parts (NFC, repeated)', values: a.parts, misses: partMisses },
  ];
  process.stdout.write(
    `${N.toLocaleString('en')} values per workload, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      workloads
        .map((w) => `${w.name}: ${new Set(w.values).size.toLocaleString('en')} distinct`)
        .join(', ') +
      '\n',
  );

  // ---- speed ----------------------------------------------------------------------------------------
  function typedOf(values: readonly string[]): Interner {
    const t = createInterner();
    for (const v of values) intern(t, v);
    return t;
  }
  function mapOf(values: readonly string[]): MapInterner {
    const m = createMapInterner();
    for (const v of values) mapIntern(m, v);
    return m;
  }

  for (const w of workloads) {
    const typed = typedOf(w.values);
    const map = mapOf(w.values);
    const frozenTyped = typedOf(w.values);
    frozenTyped.frozen = true;
    const frozenMap = mapOf(w.values);
    frozenMap.frozen = true;
    const each = (f: (s: string) => number, values: readonly string[]) => () => {
      let s = 0;
      for (let i = 0; i < values.length; i++) s += f(values[i]!);
      sink += s;
    };
    const ops: [string, () => unknown, () => unknown][] = [
      [
        'new',
        () => {
          const m = createMapInterner();
          each((s) => mapIntern(m, s), w.values)();
        },
        () => {
          const t = createInterner();
          each((s) => intern(t, s), w.values)();
        },
      ],
      ['hits', each((s) => mapIntern(map, s), w.values), each((s) => intern(typed, s), w.values)],
      [
        'frozen misses',
        each((s) => mapIntern(frozenMap, s), w.misses),
        each((s) => intern(frozenTyped, s), w.misses),
      ],
    ];
    for (const [op, peer, ours] of ops) {
      const rows = await runBench(
        `${w.name}: ${op}`,
        [
          { name: `peer: Map interner, ${op}`, fn: peer, itemsPerOp: w.values.length },
          { name: `typed-array interner, ${op}`, fn: ours, itemsPerOp: w.values.length },
        ],
        { unit: 'values', time: 2000 },
      );
      all.push(...rows.map((r) => ({ ...r, name: `${w.name}: ${r.name}` })));
    }
  }

  // ---- memory ---------------------------------------------------------------------------------------
  // Values are re-created (UTF-8 round trip: flat strings, one-byte when they can be) so that what
  // the Map retains is only its own strings, as in the pipeline (the records are dropped).
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const fresh = (s: string) => dec.decode(enc.encode(s));

  function heapDelta(build: () => unknown): { heap: number; buffers: number; keep: unknown } {
    gc!();
    gc!();
    const m0 = process.memoryUsage();
    const keep = build();
    gc!();
    gc!();
    const m1 = process.memoryUsage();
    return { heap: m1.heapUsed - m0.heapUsed, buffers: m1.arrayBuffers - m0.arrayBuffers, keep };
  }

  process.stdout.write(
    '\n## Memory per distinct value (heapUsed + arrayBuffers deltas after gc)\n\n' +
      'workload                      distinct   Map (entries + strings)   typed-array (live)   typed-array (exported, trimmed)\n' +
      '----------------------------  ---------  ------------------------  -------------------  -------------------------------\n',
  );
  for (const w of workloads) {
    const distinct = [...new Set(w.values)];
    const mapMem = heapDelta(() => {
      const m = createMapInterner();
      for (const v of distinct) mapIntern(m, fresh(v));
      return m;
    });
    const typedMem = heapDelta(() => {
      const t = createInterner();
      for (const v of distinct) intern(t, fresh(v));
      return t;
    });
    const t = typedMem.keep as Interner;
    const n = distinct.length;
    const perMap = (mapMem.heap + mapMem.buffers) / n;
    const perTyped = (typedMem.heap + typedMem.buffers) / n;
    const perTrim = arraysBytes(t, true) / n;
    process.stdout.write(
      `${w.name.padEnd(28)}  ${String(n).padStart(9)}  ${`${perMap.toFixed(1)} B`.padStart(24)}  ${`${perTyped.toFixed(1)} B (${(arraysBytes(t, false) / n) | 0} B arrays)`.padStart(19)}  ${`${perTrim.toFixed(1)} B`.padStart(31)}\n`,
    );
    if (internerSize(t) !== n) throw new Error('size mismatch');
  }

  // ---- handing a dictionary to a worker ----------------------------------------------------------
  {
    const values = a.cccd;
    const spec = (interner: Interner) =>
      ({ comparisons: [{ name: 'id', dictionary: interner }] }) as unknown as LinkageSpec<unknown>;
    const source = typedOf(values);
    const sourceMap = mapOf(values);
    const rows = await runBench(
      `Handing a ${values.length.toLocaleString('en')}-value dictionary to one worker`,
      [
        {
          name: 'peer: join with U+0000, split, re-intern into a Map',
          fn: () => {
            const text = [...sourceMap.ids.keys()].join('\u0000');
            const m = createMapInterner();
            for (const v of text.split('\u0000')) mapIntern(m, v);
            m.frozen = true;
            sink += m.ids.size;
          },
        },
        {
          name: 'export into SharedArrayBuffer + import (attach)',
          fn: () => {
            const d = exportDictionaries(spec(source), {
              allocate: (n) => new SharedArrayBuffer(n),
            });
            const mine = createInterner();
            importDictionaries(spec(mine), d);
            sink += internerSize(mine);
          },
        },
        {
          name: 'import (attach) only, per further worker',
          fn: () => {
            const mine = createInterner();
            attachInterner(mine, internerArrays(source));
            sink += internerSize(mine);
          },
        },
      ],
      { time: 2000 },
    );
    all.push(...rows);
  }
}

// ---- past the Map limit ---------------------------------------------------------------------------
if (BIG) {
  const M = 20_000_000;
  // 20 M distinct 12-digit strings: i ↦ (i · 7919 + 12345) mod 10^12 is injective for i < 10^12.
  const value = (i: number) => String((i * 7919 + 12_345) % 1e12).padStart(12, '0');
  gc();
  const m0 = process.memoryUsage();
  let t = performance.now();
  const big = createInterner();
  for (let i = 0; i < M; i++) if (intern(big, value(i)) !== i) throw new Error(`id of ${i}`);
  const internSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  for (let i = 0; i < M; i++) if (intern(big, value(i)) !== i) throw new Error(`hit ${i}`);
  const hitSeconds = (performance.now() - t) / 1000;
  gc();
  const m1 = process.memoryUsage();
  const live = m1.heapUsed - m0.heapUsed + (m1.arrayBuffers - m0.arrayBuffers);
  t = performance.now();
  for (let i = 0; i < M; i++) sink += value(i).length;
  const makeSeconds = (performance.now() - t) / 1000;
  // Handing it to a worker: one copy into shared memory, then attach (no re-hashing).
  t = performance.now();
  const spec = {
    comparisons: [{ name: 'id', dictionary: big }],
  } as unknown as LinkageSpec<unknown>;
  const dicts = exportDictionaries(spec, { allocate: (n) => new SharedArrayBuffer(n) });
  const exportSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const worker = createInterner();
  importDictionaries(
    { comparisons: [{ name: 'id', dictionary: worker }] } as unknown as LinkageSpec<unknown>,
    dicts,
  );
  const attachMs = performance.now() - t;
  for (let i = 0; i < M; i += 997)
    if (intern(worker, value(i)) !== i) throw new Error(`attached ${i}`);
  if (intern(worker, '999999999999') !== M) throw new Error('frozen miss');
  const exported = arraysBytes(big, true);
  process.stdout.write(
    `\n## ${M.toLocaleString('en')} distinct 12-digit strings (past the 2^24 = 16,777,216 Map limit)\n\n` +
      `typed-array interner: ${internerSize(big).toLocaleString('en')} values; interning ${internSeconds.toFixed(1)} s, ` +
      `looking all up again ${hitSeconds.toFixed(1)} s (making the strings alone: ${makeSeconds.toFixed(1)} s); ` +
      `${(live / 2 ** 20).toFixed(0)} MiB live (${(live / M).toFixed(1)} B/value), ` +
      `${(exported / 2 ** 20).toFixed(0)} MiB exported (${(exported / M).toFixed(1)} B/value); ` +
      `export into SharedArrayBuffer ${exportSeconds.toFixed(2)} s, attach in a "worker" ${attachMs.toFixed(2)} ms\n`,
  );
  const map = new Map<string, number>();
  gc();
  const h0 = process.memoryUsage().heapUsed;
  t = performance.now();
  try {
    for (let i = 0; i < M; i++) map.set(value(i), i);
    process.stdout.write(`Map: held ${map.size.toLocaleString('en')} entries (unexpected)\n`);
  } catch (e) {
    gc();
    const heap = process.memoryUsage().heapUsed - h0;
    process.stdout.write(
      `Map (the peer): "${(e as Error).message}" after ${map.size.toLocaleString('en')} entries ` +
        `(${((performance.now() - t) / 1000).toFixed(1)} s, ${(heap / 2 ** 20).toFixed(0)} MiB heap, ${(heap / map.size).toFixed(1)} B/entry)\n`,
    );
  }
}

if (sink === -1) printTable('', all, '', '');
