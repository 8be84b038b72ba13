import { describe, expect, it } from 'vitest';
import { computePayments } from '../payment/compute-payments.ts';
import type { EntityOutcome } from '../payment/payment.ts';
import { PaymentParamsSchema } from '../payment/payment-params.ts';
import { paysEachPayeeAlone } from './payment-cache.ts';

/** Three payees, each completed milestone 1, with 100 units at $50.00 and composites 1, 0.5, 0. */
const outcomes: EntityOutcome[] = [1, 0.5, 0].map((composite, i) => ({
  entityId: `P${i + 1}`,
  attributes: { units: 100, rateCents: 5000 },
  measures: {
    m: { scored: true, met: composite === 1, value: composite, points: null, maxPoints: null, weight: 1 },
  },
  composite,
  completedMilestones: [{ milestone: 1, completedOn: '2026-09-01' }],
}));

/** Each payee paid alone vs all paid together: the same totals exactly when the method pays alone. */
function aloneEqualsTogether(params: unknown): boolean {
  const parsed = PaymentParamsSchema.parse(params);
  const together = computePayments(parsed, outcomes, { explain: false }).payments.map((p) => p.totalCents);
  const alone = outcomes.map((o) => computePayments(parsed, [o], { explain: false }).payments[0]?.totalCents);
  return JSON.stringify(alone) === JSON.stringify(together);
}

describe('paysEachPayeeAlone', () => {
  it.each([
    { method: 'rate-incentive', incentiveShare: '0.1' },
    { method: 'fixed-milestone-schedule', schedule: [{ milestone: 1, amount: '100.00' }] },
  ])('$method pays a payee alone what it pays it among everyone', (params) => {
    expect(paysEachPayeeAlone(PaymentParamsSchema.parse(params))).toBe(true);
    expect(aloneEqualsTogether(params)).toBe(true);
  });

  it.each([
    // $90 shared by composite: 6,000 + 3,000 + 0 together; alone each of P1, P2 takes all 9,000.
    { method: 'pool-share', pool: '90.00' },
    // Claims 3 x $100 exceed the $150 pool: 5,000 each together; alone each claim is paid in full.
    {
      method: 'fixed-milestone-schedule',
      schedule: [{ milestone: 1, amount: '100.00' }],
      pool: { amount: '150.00' },
    },
  ])('$method divides money across payees: everyone is paid again on any change', (params) => {
    expect(paysEachPayeeAlone(PaymentParamsSchema.parse(params))).toBe(false);
    expect(aloneEqualsTogether(params)).toBe(false);
  });
});
