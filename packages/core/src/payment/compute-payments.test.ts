import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePayments } from './compute-payments.ts';
import type { EntityOutcome, MeasureOutcome } from './payment.ts';
import { PAYMENT_METHODS, type PaymentParams, PaymentParamsSchema } from './payment-params.ts';

// One valid parameter set per method.
const ALL: PaymentParams[] = [
  { method: 'rate-incentive' },
  { method: 'withhold-earn-back', incentivePool: { eligibleMeasures: ['m1'] } },
  {
    method: 'class-table-milestones',
    classes: [
      { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' },
      { class: 'B', membersFrom: 501, membersTo: 5000, pmpy: '33.33' },
    ],
  },
  { method: 'share-allocation', quantities: { X: 997, Y: 13 }, centsPerUnit: '12.5', baseShare: '0.3' },
  {
    method: 'fixed-milestone-schedule',
    schedule: [
      { milestone: 1, amount: '2000.00' },
      { milestone: 2, amount: '2500.00' },
    ],
    pool: { amount: '10000.01', overflow: 'pro-rata' },
  },
  { method: 'pool-share', pool: '12345.67', sizeAttribute: 'assignedMembers' },
  {
    method: 'rubric-selection',
    pointsAttribute: 'planScore',
    cutoff: 40,
    award: '10.00',
    bonuses: [{ attribute: 'tribal', points: 15 }],
  },
  { method: 'sanctions', amount: { kind: 'tiered', tiers: ['1.00', '2.50'] }, maxAmount: '3.00' },
  { method: 'community-reinvestment', directions: { m2: 'lower' } },
].map((p) => PaymentParamsSchema.parse(p));

const measure: fc.Arbitrary<MeasureOutcome> = fc.record({
  scored: fc.boolean(),
  met: fc.option(fc.boolean()),
  value: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  points: fc.option(fc.integer({ min: 0, max: 10 })),
  maxPoints: fc.constant(10),
  weight: fc.integer({ min: 0, max: 5 }),
  floor: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
});

const entity: fc.Arbitrary<EntityOutcome> = fc.record({
  entityId: fc.string({ minLength: 1, maxLength: 4 }),
  attributes: fc.record({
    units: fc.double({ min: 0, max: 1e4, noNaN: true }),
    rateCents: fc.integer({ min: 0, max: 100_000 }),
    capitationCents: fc.integer({ min: 0, max: 1e11 }),
    assignedMembers: fc.integer({ min: 0, max: 6000 }),
    milestoneCount: fc.constantFrom(23, 25),
    county: fc.constantFrom('X', 'Y'),
    planScore: fc.integer({ min: 0, max: 90 }),
    tribal: fc.boolean(),
    netIncomeCents: fc.integer({ min: -1e10, max: 1e10 }),
  }),
  measures: fc.dictionary(fc.constantFrom('m1', 'm2', 'm3'), measure),
  composite: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  completedMilestones: fc.array(
    fc.record({
      milestone: fc.integer({ min: 1, max: 26 }),
      completedOn: fc.constantFrom('2026-08-01', '2027-01-15'),
    }),
    { maxLength: 5 },
  ),
});

describe('computePayments', () => {
  it('covers all nine methods', () => {
    expect(PAYMENT_METHODS).toEqual([
      'rate-incentive',
      'withhold-earn-back',
      'class-table-milestones',
      'share-allocation',
      'fixed-milestone-schedule',
      'pool-share',
      'rubric-selection',
      'sanctions',
      'community-reinvestment',
    ]);
    expect(ALL.map((p) => p.method)).toEqual(PAYMENT_METHODS);
  });

  it('rejects an unknown method', () => {
    expect(PaymentParamsSchema.safeParse({ method: 'lottery' }).success).toBe(false);
  });

  it('every payment adds up, in safe integer cents, and traces only when asked (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.array(entity, { maxLength: 12 }), (params, entities) => {
        const quiet = computePayments(params, entities, { explain: false });
        const loud = computePayments(params, entities, { explain: true });
        for (const p of quiet.payments) {
          expect('trace' in p).toBe(false);
          expect(Number.isSafeInteger(p.totalCents)).toBe(true);
          expect(p.lines.reduce((t, l) => t + l.amountCents, 0)).toBe(p.totalCents);
          for (const l of p.lines) expect(Number.isSafeInteger(l.amountCents)).toBe(true);
        }
        for (const p of loud.payments) expect(p.trace?.length).toBeGreaterThan(0);
        // explain changes nothing but the trace
        expect(loud.payments.map(({ trace: _t, ...rest }) => rest)).toEqual(quiet.payments);
        expect(loud.issues).toEqual(quiet.issues);
      }),
      { numRuns: 300 },
    );
  });

  it('pools pay out exactly what they hold (property)', () => {
    const pool = ALL.find((p) => p.method === 'pool-share') as PaymentParams;
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 20 }), (entities) => {
        const r = computePayments(pool, entities, { explain: false });
        const paid = r.payments.reduce((t, p) => t + p.totalCents, 0);
        const unallocated = r.issues.some((i) => i.code === 'pool-unallocated');
        expect(paid).toBe(unallocated ? 0 : 1_234_567);
      }),
    );
  });
});
