/**
 * Run by `npm run test:pack` after the build: every entry in package.json `exports` loads from the
 * built `dist/` both as ESM (`import`) and as CommonJS (`require`), through the package's own
 * name (self-reference, so the `exports` map itself is what is tested), with the same names;
 * `VnReconcileError` is one class whichever entry it comes from; and `vn-reconcile/testing` needs
 * no fast-check (no static import of it anywhere in its module graph).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(resolve(root, 'package.json'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const failures = [];
const fail = (message) => failures.push(message);

/** A few names each entry must export (a smoke test of the right module behind each path). */
const EXPECTED = {
  '.': ['parseIdNumber', 'normalizeName', 'cleanRecord', 'linkRecords', 'VnReconcileError'],
  './id': ['parseIdNumber', 'OLD_PROVINCES'],
  './text': ['normalizeName', 'foldDiacritics'],
  './record': ['cleanRecord', 'rawRecordSchema'],
  './match': ['linkRecords', 'parseModel'],
  './workflow': ['parseWorkflowEvent'],
  './testing': ['generateDataset', 'damage', 'trainedModelFixture'],
  './testing/arbitraries': ['cccdArbitrary', 'personArbitrary', 'copyPairArbitrary'],
  './node': ['cleanFile', 'VnReconcileError'],
};

const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
for (const subpath of Object.keys(EXPECTED))
  if (!subpaths.includes(subpath)) fail(`package.json exports has no ${subpath}`);

const loaded = {};
for (const subpath of subpaths) {
  const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
  let esm;
  let cjs;
  try {
    esm = await import(specifier);
  } catch (e) {
    fail(`import('${specifier}') failed: ${e.message}`);
  }
  try {
    cjs = require(specifier);
  } catch (e) {
    fail(`require('${specifier}') failed: ${e.message}`);
  }
  if (!esm || !cjs) continue;
  loaded[subpath] = { esm, cjs };
  const esmNames = Object.keys(esm).filter((k) => k !== 'default' && k !== 'module.exports');
  const cjsNames = Object.keys(cjs);
  const onlyEsm = esmNames.filter((n) => !cjsNames.includes(n));
  const onlyCjs = cjsNames.filter((n) => !esmNames.includes(n));
  if (onlyEsm.length || onlyCjs.length)
    fail(`${specifier}: ESM and CJS differ (ESM only: ${onlyEsm}; CJS only: ${onlyCjs})`);
  for (const name of EXPECTED[subpath] ?? []) {
    if (esm[name] === undefined) fail(`import('${specifier}') has no ${name}`);
    if (cjs[name] === undefined) fail(`require('${specifier}') has no ${name}`);
  }
  process.stdout.write(`ok ${specifier}: ${esmNames.length} names (ESM and CJS)\n`);
}

for (const format of ['esm', 'cjs']) {
  const a = loaded['.']?.[format]?.VnReconcileError;
  const b = loaded['./node']?.[format]?.VnReconcileError;
  if (a && b && a !== b) fail(`${format}: VnReconcileError differs between vn-reconcile and /node`);
}

/** Files statically imported or required from `file`, transitively (relative specifiers only). */
function moduleGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const specifiers = [
    ...code.matchAll(/(?:^|[;\n])\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  for (const s of specifiers) {
    if (s.startsWith('.')) moduleGraph(resolve(dirname(file), s), seen);
    else seen.add(`package:${s}`);
  }
  return seen;
}

for (const file of ['dist/testing/index.js', 'dist/testing/index.cjs']) {
  const graph = moduleGraph(resolve(root, file));
  if (graph.has('package:fast-check')) fail(`${file} loads fast-check (an optional peer)`);
}

// The same for real: an ESM app on a machine without fast-check (a resolve hook hides it).
const hideFastCheck = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(
  "export async function resolve(s, c, next) { if (s === 'fast-check' || s.startsWith('fast-check/')) throw Object.assign(new Error('Cannot find package fast-check'), { code: 'ERR_MODULE_NOT_FOUND' }); return next(s, c); }"
));`;
const withoutFastCheck = (specifier) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(hideFastCheck)}`,
      '--input-type=module',
      '-e',
      `const m = await import('${specifier}'); process.stdout.write(String(Object.keys(m).length));`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
const plain = withoutFastCheck(`${pkg.name}/testing`);
if (plain.status !== 0)
  fail(`${pkg.name}/testing does not load without fast-check: ${plain.stderr.split('\n')[0]}`);
else process.stdout.write(`ok ${pkg.name}/testing loads without fast-check\n`);
const arbs = withoutFastCheck(`${pkg.name}/testing/arbitraries`);
if (arbs.status === 0) fail('the fast-check hiding hook does not work (arbitraries loaded)');

if (failures.length) {
  for (const f of failures) process.stderr.write(`${f}\n`);
  process.exitCode = 1;
}
