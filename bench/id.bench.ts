/**
 * parseIdNumber throughput on 1M mixed inputs (clean, damaged, invalid), against a naive
 * regex-based validator as the peer baseline (strip separators with a regex, then test
 * /^\d{12}$/, /^\d{9}$/, /^[A-Z]\d{7}$/ and slice out the province code: no repair, no decoding of
 * sex/century/year, no phone or scientific-notation detection).
 *
 * Run: node --expose-gc --import tsx bench/id.bench.ts
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Library from '../src/index.js';
import { runBench } from './util.js';

// Measure the built bundle (what users run) when it exists: `npm run bench` builds it first. Under
// tsx, `src/` pays for cross-module live-binding getters that the bundle does not have.
const distUrl = new URL('../dist/index.js', import.meta.url);
const useDist = existsSync(fileURLToPath(distUrl));
const lib = (await import(
  useDist ? distUrl.href : new URL('../src/index.js', import.meta.url).href
)) as typeof Library;
const { OLD_PROVINCES, parseIdNumber } = lib;
process.stdout.write(`measuring ${useDist ? 'dist/index.js (built)' : 'src/ through tsx'}\n`);

const N = 1_000_000;

// Deterministic LCG so every run measures the same inputs.
let seed = 0x2545f491;
function rand(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
const int = (n: number) => Math.floor(rand() * n);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function cccd(): string {
  const p = OLD_PROVINCES[int(OLD_PROVINCES.length)]?.cccdPrefix ?? '001';
  const year = 1930 + int(95);
  const g = (year >= 2000 ? 2 : 0) + int(2);
  return `${p}${g}${pad(year % 100, 2)}${pad(int(1_000_000), 6)}`;
}
const cmnd = () => pad(int(1_000_000_000), 9);
const passport = () => String.fromCharCode(65 + int(26)) + pad(int(10_000_000), 7);

function damaged(): string | number {
  const v = cccd();
  switch (int(6)) {
    case 0:
      return `'${v}`;
    case 1:
      return `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6, 9)} ${v.slice(9)}`;
    case 2:
      return Number(v);
    case 3:
      return `${Number(v)}.0`;
    case 4:
      return v.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    default:
      return ` ${v}\u00a0`;
  }
}

function invalid(): string | number {
  switch (int(6)) {
    case 0:
      return `003${cccd().slice(3)}`; // unknown province
    case 1:
      return Number(cccd()).toExponential(5).toUpperCase(); // 1.23457E+11
    case 2:
      return `09${pad(int(100_000_000), 8)}`; // a phone number
    case 3:
      return cccd().slice(0, 7); // too short
    case 4:
      return 'không có';
    default:
      return `${cccd().slice(0, 3)}9${cccd().slice(4)}`; // impossible century
  }
}

function mixed(): (string | number)[] {
  const out: (string | number)[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const r = rand();
    if (r < 0.6) out[i] = cccd();
    else if (r < 0.7) out[i] = cmnd();
    else if (r < 0.75) out[i] = passport();
    else if (r < 0.9) out[i] = damaged();
    else out[i] = invalid();
  }
  return out;
}

const inputs = mixed();
const cleanCccd = Array.from({ length: N }, cccd);
const damagedOnly = Array.from({ length: N }, damaged);
const asText = inputs.map(String);

/** The peer: what a typical hand-written validator does. */
function naiveValidate(input: string): { kind: string; value: string; province?: string } | null {
  const s = input.replace(/[\s.'-]/g, '');
  if (/^\d{12}$/.test(s)) return { kind: 'cccd', value: s, province: s.slice(0, 3) };
  if (/^\d{9}$/.test(s)) return { kind: 'cmnd9', value: s };
  if (/^[A-Z]\d{7}$/.test(s)) return { kind: 'passport', value: s };
  return null;
}

let sink = 0;
function over<T>(items: readonly T[], f: (x: T) => unknown): () => void {
  return () => {
    let ok = 0;
    for (let i = 0; i < items.length; i++) if (f(items[i] as T)) ok++;
    sink += ok;
  };
}

let valid = 0;
for (const x of inputs) if (parseIdNumber(x).success) valid++;
process.stdout.write(
  `1M mixed inputs: 60% clean CCCD, 10% CMND, 5% passport, 15% damaged, 10% invalid; parseIdNumber accepts ${((valid / N) * 100).toFixed(1)}%\n`,
);

await runBench(
  'parseIdNumber, 1M inputs per op (machine shared and noisy)',
  [
    {
      name: 'peer: naive regex validator (mixed, as text)',
      fn: over(asText, naiveValidate),
      itemsPerOp: N,
    },
    {
      name: 'parseIdNumber (mixed)',
      fn: over(inputs, (x) => parseIdNumber(x).success),
      itemsPerOp: N,
    },
    {
      name: 'parseIdNumber (clean 12-digit CCCD)',
      fn: over(cleanCccd, (x) => parseIdNumber(x).success),
      itemsPerOp: N,
    },
    {
      name: 'parseIdNumber (damaged only)',
      fn: over(damagedOnly, (x) => parseIdNumber(x).success),
      itemsPerOp: N,
    },
  ],
  { unit: 'ids', time: 2000 },
);
if (sink < 0) process.stdout.write('unreachable\n');
