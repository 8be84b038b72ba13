import { describe, expect, it } from 'vitest';
import { methodParams } from '../testing/measure-outcome.ts';
import type { EntityOutcome } from './payment.ts';
import { computePoolShare, type PoolShareParams } from './pool-share.ts';

const params = methodParams<PoolShareParams>('pool-share');
const entity = (entityId: string, composite: number | null, members?: number): EntityOutcome => ({
  entityId,
  attributes: members === undefined ? {} : { members },
  measures: {},
  composite,
});
const amounts = (r: ReturnType<typeof computePoolShare>) =>
  Object.fromEntries(r.payments.map((p) => [p.entityId, p.totalCents]));

describe('pool-share', () => {
  const es = [entity('A', 0.8, 100), entity('B', 0.5, 200), entity('C', 1, 20), entity('D', null, 50)];

  it('pays the whole pool pro rata to score x size', () => {
    // $1,000.00 = 100,000 cents; weights A 0.8 x 100 = 80, B 0.5 x 200 = 100, C 1 x 20 = 20, D not scored (0)
    // sum 200 -> A 40,000, B 50,000, C 10,000, D 0
    const r = computePoolShare(params({ pool: '1000.00', sizeAttribute: 'members' }), es, { explain: false });
    expect(amounts(r)).toEqual({ A: 40_000, B: 50_000, C: 10_000, D: 0 });
    expect(r.issues).toEqual([
      { entityId: 'D', code: 'not-scored', message: 'no score; no share of the pool' },
    ]);
  });

  it('leaves out entities below minScore, staying budget neutral', () => {
    // B (0.5) below 0.6: A 80, C 20 of 100 -> 80,000 and 20,000
    const r = computePoolShare(params({ pool: '1000.00', sizeAttribute: 'members', minScore: 0.6 }), es, {
      explain: true,
    });
    expect(amounts(r)).toEqual({ A: 80_000, B: 0, C: 20_000, D: 0 });
    expect(r.payments[0]?.trace?.[0]?.value).toBe(80);
  });

  it('gives the odd cent to the smaller entityId and rounds the pool down', () => {
    // $100.005 -> 10,000 cents (down); three equal scores: 3,333.33 each -> the extra cent to 'a'
    const r = computePoolShare(
      params({ pool: '100.005' }),
      [entity('c', 0.5), entity('b', 0.5), entity('a', 0.5)],
      {
        explain: false,
      },
    );
    expect(amounts(r)).toEqual({ a: 3_334, b: 3_333, c: 3_333 });
  });

  it('reports a pool nobody qualifies for', () => {
    const r = computePoolShare(params({ pool: '10.00' }), [entity('a', 0), entity('b', null)], {
      explain: false,
    });
    expect(amounts(r)).toEqual({ a: 0, b: 0 });
    expect(r.issues.map((i) => i.code)).toEqual(['not-scored', 'pool-unallocated']);
  });
});
