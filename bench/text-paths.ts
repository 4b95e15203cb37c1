/**
 * Splits the stress mix of bench/text-mixes.ts by the path `normalizeName` takes on each name
 * (this tree's code decides): already canonical, the router reading the name as it stands
 * (`routeDirect`), the whole-name reading decided on the router's words (`routeReading`), and the
 * rest (the whole-name steps). Writes one JSON list per path, and the whole mix, to `dir`, for
 * bench/text-instr.ts:
 *
 *   node --import tsx bench/text-paths.ts /tmp/instr
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { CANONICAL, canonicalState } from '../src/text/name/canonical.js';
import { nameContext } from '../src/text/name/context.js';
import { stripStrayPunctuation } from '../src/text/name/repair.js';
import { routeDirect, routeReading } from '../src/text/name/route.js';
import { textMixes } from './text-mixes.js';

const dir = process.argv[2] ?? '/tmp/instr';
mkdirSync(dir, { recursive: true });
const ctx = nameContext();
const paths: Record<'canonical' | 'direct' | 'reading' | 'other', string[]> = {
  canonical: [],
  direct: [],
  reading: [],
  other: [],
};
const stress = textMixes().stress;
for (const s of stress) {
  if (canonicalState(s, ctx) === CANONICAL) paths.canonical.push(s);
  else if (routeDirect(s, ctx) !== null) paths.direct.push(s);
  else if (stripStrayPunctuation(s) === null && routeReading(s, ctx) !== null)
    paths.reading.push(s);
  else paths.other.push(s);
}
writeFileSync(`${dir}/stress.json`, JSON.stringify(stress));
for (const [path, list] of Object.entries(paths)) {
  writeFileSync(`${dir}/${path}.json`, JSON.stringify(list));
  const share = ((100 * list.length) / stress.length).toFixed(1);
  process.stdout.write(`${path}: ${list.length} names (${share}%)\n`);
}
