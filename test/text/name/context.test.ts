import { describe, expect, it } from 'vitest';
import { nameContext, withDecode } from '../../../src/text/name/context.js';

describe('nameContext (step 0: the options, resolved once)', () => {
  it('fills in the defaults', () => {
    expect(nameContext()).toEqual({
      style: 'traditional',
      capitalize: true,
      telex: 'auto',
      decode: 'auto',
      finishKey: 1,
    });
    expect(nameContext({ style: 'modern', repairTelex: false, decode: 'vni' })).toEqual({
      style: 'modern',
      capitalize: true,
      telex: false,
      decode: 'vni',
      finishKey: 3,
    });
  });

  it('interns: equal options give the same frozen object, different ones another', () => {
    expect(nameContext()).toBe(nameContext({}));
    expect(nameContext({ capitalize: true })).toBe(nameContext());
    expect(nameContext({ capitalize: false })).not.toBe(nameContext());
    expect(nameContext({ style: 'modern' })).not.toBe(nameContext({ style: 'traditional' }));
    expect(Object.isFrozen(nameContext())).toBe(true);
  });

  it('withDecode changes decoding only', () => {
    const ctx = nameContext({ style: 'modern', capitalize: false });
    const off = withDecode(ctx, false);
    expect(off).toEqual({ ...ctx, decode: false });
    expect(withDecode(off, 'auto')).toBe(ctx);
    expect(withDecode(ctx, 'auto')).toBe(ctx);
  });
});
