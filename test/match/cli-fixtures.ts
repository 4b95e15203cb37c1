import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  generateDataset,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
  toCsv,
} from '../../src/testing/population/index.js';
import { makeTempDir } from '../cli/temp-dir.js';

/** A small synthetic register and damaged list written as CSV files in a temp dir. */
export function writeSyntheticCsv(registerSize = 1500, listSize = 400) {
  const dir = makeTempDir('vn-reconcile-match-');
  const d = generateDataset({ seed: 11, registerSize, listSize });
  const register = path.join(dir, 'register.csv');
  const list = path.join(dir, 'list.csv');
  writeFileSync(register, toCsv(d.register, REGISTER_COLUMNS));
  writeFileSync(list, toCsv(d.list, LIST_COLUMNS));
  return { dir, register, list, data: d };
}
