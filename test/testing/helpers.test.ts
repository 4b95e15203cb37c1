/**
 * The helpers of `vn-reconcile/testing` (damage, the trained-model fixture) and of
 * `vn-reconcile/testing/arbitraries` (people and copy pairs), through the package's own names.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRecord, linkRecords, parseIdNumber } from 'vn-reconcile';
import {
  DAMAGE_CODES,
  damage,
  damageId,
  generateDataset,
  trainedModelFixture,
} from 'vn-reconcile/testing';
import * as arbitraries from 'vn-reconcile/testing/arbitraries';
import { copyPairArbitrary, personArbitrary } from 'vn-reconcile/testing/arbitraries';

const root = resolve(import.meta.dirname, '../..');

describe('vn-reconcile/testing without fast-check', () => {
  it('no module reachable from the entry imports fast-check', async () => {
    const result = await build({
      entryPoints: [resolve(root, 'src/testing/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'neutral',
      format: 'esm',
      logLevel: 'silent',
      packages: 'external',
    });
    const imported = Object.values(result.metafile.inputs).flatMap((i) =>
      i.imports.filter((x) => x.external).map((x) => x.path),
    );
    expect(imported).not.toContain('fast-check');
  });

  it('the arbitraries entry re-exports everything of the testing entry', async () => {
    const testing = await import('vn-reconcile/testing');
    for (const name of Object.keys(testing)) expect(arbitraries).toHaveProperty(name);
  });
});

describe('damage', () => {
  const record = {
    full_name: 'Nguyễn Thị Hòa',
    dob: '05/03/1990',
    gender: 'Nữ',
    id_number: '001190012345',
    phone: '0912345678',
    province: 'Hà Nội',
    ma_ho: 'H1',
  } as const;

  it('applies a forced defect, keeps other columns and says what it did', () => {
    const { record: copy, damages } = damage(record, {
      seed: 3,
      only: ['NAME_NO_DIACRITICS'],
      rates: { NAME_NO_DIACRITICS: 1 },
    });
    expect(copy.full_name).toBe('Nguyen Thi Hoa');
    expect(damages).toEqual(['NAME_NO_DIACRITICS']);
    expect(copy.ma_ho).toBe('H1');
    expect(copy.province).toBe('Hà Nội');
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(damage(record, { seed: 9 })).toEqual(damage(record, { seed: 9 }));
    const copies = new Set(
      Array.from({ length: 30 }, (_, s) => JSON.stringify(damage(record, { seed: s }))),
    );
    expect(copies.size).toBeGreaterThan(5);
  });

  it('never adds a column nor claims a defect of a column the record lacks', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { record: copy, damages } = damage({ full_name: 'Trần Văn An' }, { seed });
        expect(Object.keys(copy)).toEqual(['full_name']);
        for (const code of damages) expect(code.startsWith('NAME_')).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('gives codes in DAMAGE_CODES order, and a copy cleanRecord reads back', () => {
    for (let seed = 0; seed < 40; seed++) {
      const { record: copy, damages } = damage(record, { seed });
      const order = damages.map((c) => DAMAGE_CODES.indexOf(c));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(() => cleanRecord(copy)).not.toThrow();
    }
  });

  it('writes the place into the address cell when the record has one', () => {
    const place = {
      province: 'Hà Nội',
      district: 'Quận Cầu Giấy',
      commune: 'Phường Yên Hòa',
      address: 'Số 5 Trần Duy Hưng',
    };
    const forced = { only: ['PLACE_IN_ADDRESS'], rates: { PLACE_IN_ADDRESS: 1 } } as const;
    const { record: copy, damages } = damage(place, forced);
    expect(damages).toEqual(['PLACE_IN_ADDRESS']);
    expect(copy).toEqual({
      province: '',
      district: '',
      commune: '',
      address: 'Số 5 Trần Duy Hưng, Phường Yên Hòa, Quận Cầu Giấy, Hà Nội',
    });
    expect(damage({ province: 'Hà Nội' }, forced)).toEqual({
      record: { province: 'Hà Nội' },
      damages: [],
    });
  });

  it('reuses the ID damage of spreadsheets without fast-check', () => {
    expect(damageId('001090012345', 'number').damaged).toBe(1090012345);
  });
});

describe('personArbitrary and copyPairArbitrary', () => {
  it('a person has a valid CCCD consistent with the row', () => {
    fc.assert(
      fc.property(personArbitrary(), (p) => {
        const id = parseIdNumber(p.id_number);
        expect(id.success).toBe(true);
        expect(p.dob.slice(0, 4)).toMatch(/^(19|20)\d\d$/);
        expect(p.full_name.split(' ').length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 50 },
    );
  });

  it('a copy pair carries only the defects asked for', () => {
    fc.assert(
      fc.property(
        copyPairArbitrary({ only: ['ID_LEADING_ZERO_LOST'], rates: { ID_LEADING_ZERO_LOST: 1 } }),
        ({ person, copy, damages }) => {
          expect(damages).toEqual(['ID_LEADING_ZERO_LOST']);
          expect(person.id_number.endsWith(copy.id_number)).toBe(true);
          expect(copy.id_number.length).toBeLessThan(person.id_number.length);
          expect(copy).not.toHaveProperty('person_id');
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a copy at the default rates is usually damaged, and keeps the canonical columns', () => {
    const pairs = fc.sample(copyPairArbitrary(), { numRuns: 200, seed: 1 });
    const damaged = pairs.filter((p) => p.damages.length > 0).length;
    expect(damaged / pairs.length).toBeGreaterThan(0.2);
    for (const { copy } of pairs) expect(Object.keys(copy)).toContain('full_name');
  });
});

describe('trainedModelFixture', () => {
  const trained = trainedModelFixture({ seed: 3, registerSize: 600 });

  it('trains once and returns the same model afterwards', () => {
    const first = trained();
    expect(first.model.format).toBe('vn-reconcile/fellegi-sunter');
    expect(first.model.thresholds).toBeDefined();
    expect(trained()).toBe(first);
  });

  it('the model links the damaged list back to the register', () => {
    const { model, dataset } = trained();
    const fresh = generateDataset({ seed: 4, registerSize: 300 });
    const r = linkRecords(fresh.list, fresh.register, { model });
    expect(r.success).toBe(true);
    if (!r.success) return;
    let right = 0;
    r.data.rows.forEach((row, i) => {
      if (row.decision === 'match' && row.rightId === fresh.truth[i]?.person_id) right++;
    });
    expect(right / fresh.list.length).toBeGreaterThan(0.5);
    expect(dataset.register.length).toBe(600);
  });
});
