import { describe, expect, it } from 'vitest';
import { methodParams } from '../testing/measure-outcome.ts';
import type { EntityOutcome } from './payment.ts';
import { PaymentParamsSchema } from './payment-params.ts';
import { computeShareAllocation, type ShareAllocationParams } from './share-allocation.ts';

const params = methodParams<ShareAllocationParams>('share-allocation');
const plan = (entityId: string, county: string, composite: number | null): EntityOutcome => ({
  entityId,
  attributes: { county },
  measures: {},
  composite,
});
const entities = [
  plan('P1', 'Alameda', 0.9),
  plan('P2', 'Alameda', 0.6),
  plan('P3', 'Alameda', 0.3),
  plan('P4', 'Butte', 0.2),
];
const allocated = (r: ReturnType<typeof computeShareAllocation>) =>
  Object.fromEntries(r.payments.map((p) => [p.entityId, p.details.allocated]));

describe('share-allocation (auto-assignment)', () => {
  it('splits by score share in counties with two or more plans', () => {
    // Alameda 1,000 by 0.9 : 0.6 : 0.3 (sum 1.8) -> 500, 333.33, 166.67 -> floors 500 + 333 + 166 = 999;
    // the last member goes to the largest remainder (P3, .67) -> 500, 333, 167.
    // Butte has one plan: no performance split, it gets all 200.
    const r = computeShareAllocation(params({ quantities: { Alameda: 1000, Butte: 200 } }), entities, {
      explain: false,
    });
    expect(allocated(r)).toEqual({ P1: 500, P2: 333, P3: 167, P4: 200 });
    expect(r.payments.find((p) => p.entityId === 'P4')?.details.performanceBased).toBe(false);
    expect(r.issues).toEqual([]);
  });

  it('splits part evenly with baseShare', () => {
    // w = 0.5/3 + 0.5 x s/1.8: P1 1/6 + 0.25 = 0.41667 -> 416.67; P2 1/6 + 1/6 -> 333.33; P3 1/6 + 1/12 = 0.25 -> 250
    // floors 416 + 333 + 250 = 999 -> the leftover to P1 (.67) -> 417, 333, 250
    const r = computeShareAllocation(
      params({ quantities: { Alameda: 1000 }, baseShare: '0.5' }),
      entities.slice(0, 3),
      {
        explain: false,
      },
    );
    expect(allocated(r)).toEqual({ P1: 417, P2: 333, P3: 250 });
  });

  it('values the assignment, and ignores the input order', () => {
    // 417 members x 150 cents = 62,550 cents
    const p = params({ quantities: { Alameda: 1000 }, baseShare: '0.5', centsPerUnit: '150' });
    const r = computeShareAllocation(p, entities.slice(0, 3).reverse(), { explain: true });
    const p1 = r.payments.find((x) => x.entityId === 'P1');
    expect(p1?.lines).toEqual([{ kind: 'assignment', group: 'Alameda', quantity: 417, amountCents: 62_550 }]);
    expect(p1?.totalCents).toBe(62_550);
    expect(allocated(r)).toEqual({ P1: 417, P2: 333, P3: 250 });
    expect(p1?.trace).toHaveLength(2);
  });

  it('ties go to the smaller entityId; no scores split evenly with an issue', () => {
    // 100 over three equal scores: 33.33 each -> the leftover one to P1
    const tied = [plan('P3', 'X', 0.5), plan('P1', 'X', 0.5), plan('P2', 'X', 0.5)];
    expect(
      allocated(computeShareAllocation(params({ quantities: { X: 100 } }), tied, { explain: false })),
    ).toEqual({
      P1: 34,
      P2: 33,
      P3: 33,
    });
    const unscored = [plan('A', 'X', null), plan('B', 'X', null)];
    const r = computeShareAllocation(params({ quantities: { X: 7, Empty: 5 } }), unscored, {
      explain: false,
    });
    expect(allocated(r)).toEqual({ A: 4, B: 3 });
    expect(r.issues.map((i) => i.code).sort()).toEqual([
      'group-without-entities',
      'no-scores-in-group',
      'not-scored',
      'not-scored',
    ]);
  });

  it('reads the quantity from an attribute when the rulebook has none', () => {
    const e = [
      { ...plan('A', 'X', 0.75), attributes: { county: 'X', defaultMembers: 40 } },
      { ...plan('B', 'X', 0.25), attributes: { county: 'X', defaultMembers: 40 } },
    ];
    // 40 x 0.75 = 30, 40 x 0.25 = 10
    const r = computeShareAllocation(params({ quantityAttribute: 'defaultMembers' }), e, { explain: false });
    expect(allocated(r)).toEqual({ A: 30, B: 10 });
    // in cents: the quantity is the money
    const c = computeShareAllocation(params({ quantities: { X: 40 }, unit: 'cents' }), e, { explain: false });
    expect(c.payments.map((p) => p.totalCents)).toEqual([30, 10]);
  });
});

describe('share-allocation parameters', () => {
  it('refuse a baseShare above 1 (the quality part would be negative)', () => {
    // 0.5 and 1 are shares of the quantity; 1.0000000000000000001 is above 1 though it prints as 1.
    const parse = (baseShare: string) =>
      PaymentParamsSchema.safeParse({ method: 'share-allocation', quantityAttribute: 'members', baseShare })
        .success;
    expect([parse('0.5'), parse('1'), parse('1.0000000000000000001'), parse('1.5')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
