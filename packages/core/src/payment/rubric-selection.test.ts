import { describe, expect, it } from 'vitest';
import type { EntityOutcome } from './payment.ts';
import { PaymentParamsSchema } from './payment-params.ts';
import { computeRubricSelection, type RubricSelectionParams } from './rubric-selection.ts';

// EPT cohort selection: plan score out of 90, DHCS policy bonuses, cut-off 77.
const params = (json: Record<string, unknown> = {}) =>
  PaymentParamsSchema.parse({
    method: 'rubric-selection',
    pointsAttribute: 'planScore',
    maxBasePoints: 90,
    bonuses: [
      { attribute: 'childrenYouth', points: 12 },
      { attribute: 'pregnant', points: 20 },
      { attribute: 'tribal', points: 15 },
    ],
    cutoff: 77,
    ...json,
  }) as RubricSelectionParams;
const practice = (entityId: string, attributes: Record<string, unknown>): EntityOutcome => ({
  entityId,
  attributes,
  measures: {},
  composite: null,
});
const entities = [
  practice('P1', { planScore: 70, childrenYouth: true }), // 70 + 12 = 82 -> selected
  practice('P2', { planScore: 60, tribal: true }), // 60 + 15 = 75 -> below 77
  practice('P3', { planScore: 50, childrenYouth: 'yes', tribal: 1 }), // 50 + 12 + 15 = 77 -> at the cut-off: selected
  practice('P4', { planScore: 90, childrenYouth: true, pregnant: true, tribal: true }), // 90 + 12 + 20 + 15 = 137
  practice('P5', { planScore: '45', pregnant: 'Y', tribal: 'true' }), // CSV strings: 45 + 20 + 15 = 80
  practice('P6', { childrenYouth: true }), // no plan score: issue, not selected
  practice('P7', { planScore: 95, pregnant: false }), // above 90: issue, counted as 90 -> selected
];

describe('rubric-selection (EPT)', () => {
  it('adds bonus points and selects at the cut-off', () => {
    const { payments, issues } = computeRubricSelection(params(), entities, { explain: false });
    const by = Object.fromEntries(payments.map((p) => [p.entityId, p.details]));
    expect(Object.values(by).map((d) => d.totalPoints)).toEqual([82, 75, 77, 137, 80, null, 90]);
    expect(Object.values(by).map((d) => d.selected)).toEqual([true, false, true, true, true, false, true]);
    // ranks by total: P4 137, P7 90, P1 82, P5 80, P3 77
    expect(by.P4?.rank).toBe(1);
    expect(by.P7?.rank).toBe(2);
    expect(by.P3?.rank).toBe(5);
    expect(by.P2?.rank).toBeNull();
    expect(by.P4?.bonuses).toEqual([
      { attribute: 'childrenYouth', label: 'childrenYouth', points: 12 },
      { attribute: 'pregnant', label: 'pregnant', points: 20 },
      { attribute: 'tribal', label: 'tribal', points: 15 },
    ]);
    expect(issues.map((i) => [i.entityId, i.code])).toEqual([
      ['P6', 'missing-attribute'],
      ['P7', 'points-above-maximum'],
    ]);
    expect(payments.every((p) => p.totalCents === 0 && p.lines.length === 0)).toBe(true);
  });

  it('limits the number selected and pays an award', () => {
    // top two by points: P4 (137), P7 (90); award $25,000.00 = 2,500,000 cents each
    const { payments } = computeRubricSelection(params({ maxSelected: 2, award: '25000.00' }), entities, {
      explain: true,
    });
    const paid = payments.filter((p) => p.totalCents > 0).map((p) => [p.entityId, p.totalCents]);
    expect(paid).toEqual([
      ['P4', 2_500_000],
      ['P7', 2_500_000],
    ]);
    expect(payments.find((p) => p.entityId === 'P1')?.details.selected).toBe(false);
    expect(payments[0]?.trace?.[0]?.value).toBe(82);
  });
});
