import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { rateCountsMeasure, testRulebook } from '../testing/test-rulebook.ts';
import { evaluateProgram } from './evaluate-program.ts';

/** A rate of placed / interns named CIE, with these settings (its target...). */
const cie = (key: string, settings: Record<string, unknown>) =>
  rateCountsMeasure(key, 'placed', 'interns', { name: 'CIE', domain: 'employment', ...settings });
const sub = (entityId: string, measure: string, period: string, placed: number, interns = 10) => ({
  entityId,
  measure,
  period,
  data: { placed, interns },
});

/**
 * The results of a dhcs-qwi rulebook of one measure, CIE with these settings (its target...), scored
 * met-not-met, over the payees the submissions name (each paid $1.00 x 1), as of 2027-08-31.
 */
function evaluateCie(settings: Record<string, unknown>, submissions: ReturnType<typeof sub>[]) {
  const compiled = compileRulebook(
    testRulebook({
      program: 'dhcs-qwi',
      measures: [cie('cie', settings)],
      scoring: { kind: 'met-not-met' },
    }),
  );
  const ids = [...new Set(submissions.map((s) => s.entityId))];
  return evaluateProgram(compiled, {
    entities: ids.map((id) => ({ id, rateCents: 100, units: 1 })),
    submissions,
    asOf: '2027-08-31',
  }).results;
}

describe('targets that need a baseline, scoring and the composite', () => {
  const compiled = compileRulebook(
    testRulebook({
      program: 'dhcs-qwi',
      measures: [
        cie('cie', {
          baseline: { period: '2025-26' },
          target: { kind: 'improvement', goal: 0.8, gapClosed: '0.25' },
          scoring: { kind: 'met-not-met', points: 2 },
          weight: 3,
        }),
        cie('retention', {
          baseline: { payeeField: 'retentionBaseline' },
          target: { kind: 'improvement', goal: 0.9, gapClosed: '0.5' },
          noData: 'not-met',
          weight: 1,
        }),
      ],
      scoring: { kind: 'met-not-met' },
      payment: { method: 'rate-incentive', earning: 'composite' },
    }),
  );
  const { results, payments } = evaluateProgram(compiled, {
    entities: [
      { id: 'A', retentionBaseline: 0.5, rateCents: 10000, units: 1 },
      { id: 'B', retentionBaseline: 0.5, rateCents: 10000, units: 1 },
      { id: 'C', rateCents: 10000, units: 1 },
    ],
    submissions: [
      sub('A', 'cie', '2025-26', 4), // baseline 0.4
      sub('A', 'cie', '2026-27', 5), // 0.5
      sub('B', 'cie', '2025-26', 4), // baseline 0.4
      sub('B', 'cie', '2026-27', 4), // 0.4
      sub('C', 'cie', '2026-27', 9), // no baseline
      sub('A', 'retention', '2026-27', 7), // 0.7
      // B submits no retention data: noData 'not-met'; C has no baseline
      sub('C', 'retention', '2026-27', 9),
    ],
    asOf: '2027-08-31',
  });
  const r = (entityId: string, measure: string) =>
    results.find((x) => x.entityId === entityId && x.measure === measure);

  it('improvement: target = baseline + gapClosed x (goal - baseline), baseline from a past period', () => {
    // A: 0.4 + 0.25 x (0.8 - 0.4) = 0.5; value 5/10 = 0.5 -> met; points 2 (its own scoring).
    expect(r('A', 'cie')).toMatchObject({ baseline: 0.4, target: 0.5, met: true, points: 2, maxPoints: 2 });
    // B: same target 0.5; value 0.4 -> not met, 0 points.
    expect(r('B', 'cie')).toMatchObject({ baseline: 0.4, target: 0.5, met: false, points: 0 });
    // C: no baseline -> the target cannot be resolved -> not scored.
    expect(r('C', 'cie')).toMatchObject({ status: 'not-scored', value: null, points: null });
  });

  it('improvement with the baseline from a payee field; no data scored as not met', () => {
    // A: 0.5 + 0.5 x (0.9 - 0.5) = 0.7; value 0.7 -> met; rulebook scoring met-not-met -> 1 point.
    expect(r('A', 'retention')?.target).toBeCloseTo(0.7, 12);
    expect(r('A', 'retention')).toMatchObject({ met: true, points: 1, maxPoints: 1 });
    // B: no records and noData 'not-met' -> scored, value null, not met, 0 points.
    expect(r('B', 'retention')).toMatchObject({ status: 'scored', value: null, met: false, points: 0 });
    expect(r('C', 'retention')?.status).toBe('not-scored');
  });

  it('composite over scored measures pays the incentive share', () => {
    // A: cie 2/2 x weight 3 + retention 1/1 x 1 -> 4/4 = 1 -> incentive 10000 x 0.1 = 1000.
    // B: 0/2 x 3 + 0/1 x 1 -> 0 -> incentive 0.
    // C: nothing scored -> composite null -> incentive 0 (and an issue).
    expect(
      payments.map((p) => [p.entityId, p.lines.find((l) => l.kind === 'incentive')?.amountCents]),
    ).toEqual([
      ['A', 1000],
      ['B', 0],
      ['C', 0],
    ]);
  });

  it('explains target, met and points when asked', () => {
    const one = evaluateProgram(compiled, {
      entities: [{ id: 'A', retentionBaseline: 0.5, rateCents: 10000, units: 1 }],
      submissions: [sub('A', 'cie', '2025-26', 4), sub('A', 'cie', '2026-27', 5)],
      asOf: '2027-08-31',
      explain: true,
    });
    expect(one.results[0]?.trace?.map((s) => s.rule)).toEqual(['rate-counts', 'target', 'met', 'points']);
    expect(one.results[0]?.trace?.[1]).toMatchObject({
      formula: 'baseline + gapClosed * (goal - baseline)',
      value: 0.5,
    });
    expect(one.payments[0]?.trace?.length).toBeGreaterThan(0);
  });
});

describe('floors (MCAS minimum performance levels) and sanctions', () => {
  const rateMeasure = (key: string, floor: Record<string, unknown>) => ({
    key,
    name: key,
    domain: 'mcas',
    kind: 'performance',
    fields: { rate: { type: 'number', required: true } },
    compute: { kind: 'value', field: 'rate' },
    floor,
  });
  const compiled = compileRulebook(
    testRulebook({
      program: 'dhcs-mcas',
      measures: [
        // national distribution's 50th percentile: median of 0.4 0.5 0.6 = 0.5
        rateMeasure('well-child', {
          kind: 'baseline-percentile',
          percentile: 50,
          distribution: [0.4, 0.5, 0.6],
        }),
        // lower is better: the 50th percentile counted the better way is PERCENTILE.INC at 0.5 = 0.4
        rateMeasure('poor-a1c', {
          kind: 'baseline-percentile',
          percentile: 50,
          distribution: [0.3, 0.4, 0.5],
          direction: 'lower',
        }),
      ],
      payment: {
        method: 'sanctions',
        amount: { kind: 'per-measure', amount: '5000.00' },
        directions: { 'poor-a1c': 'lower' },
      },
    }),
  );
  const rate = (entityId: string, measure: string, value: number) => ({
    entityId,
    measure,
    period: '2026-27',
    data: { rate: value },
  });

  it('sets each result floor and sanctions every measure on the wrong side of it', () => {
    const { results, payments } = evaluateProgram(compiled, {
      entities: [{ id: 'P1' }, { id: 'P2' }, { id: 'P3' }],
      submissions: [
        rate('P1', 'well-child', 0.45), // below 0.5 -> sanctioned
        rate('P1', 'poor-a1c', 0.35), // at or under 0.4 -> fine
        rate('P2', 'well-child', 0.55),
        rate('P2', 'poor-a1c', 0.45), // over 0.4 -> sanctioned
        rate('P3', 'well-child', 0.5), // at the floor -> fine
        // P3 reports no poor-a1c: not scored, still shown with its floor
      ],
      asOf: '2027-08-31',
    });
    expect(results.map((r) => r.floor)).toEqual([0.5, 0.4, 0.5, 0.4, 0.5, 0.4]);
    expect(results[5]?.status).toBe('not-scored');
    // $5,000.00 = 500000 cents per measure below the floor.
    expect(payments.map((p) => [p.entityId, p.totalCents])).toEqual([
      ['P1', -500000],
      ['P2', -500000],
      ['P3', 0],
    ]);
  });
});

describe('exact values decide met: ties meet, whatever the doubles say', () => {
  /** One rate-counts measure per target, payees' rates placed / interns, every target met-not-met. */
  function evaluate(target: Record<string, unknown>, rates: Record<string, [number, number]>) {
    const results = evaluateCie(
      { target },
      Object.entries(rates).map(([id, [placed, interns]]) => sub(id, 'cie', '2026-27', placed, interns)),
    );
    return Object.fromEntries(results.map((r) => [r.entityId, r]));
  }

  it('a rate of 1/3 against an absolute target of 0.3333: above it, so met when higher is better', () => {
    // 1/3 - 0.3333 = (10000 - 9999) / 30000 = 1/30000 > 0
    const up = evaluate({ kind: 'absolute', value: 0.3333 }, { A: [1, 3] });
    expect([up.A?.value, up.A?.exact, up.A?.met]).toEqual([1 / 3, '1/3', true]);
    // lower is better: 1/3 <= 0.3333 is false, not met
    const down = evaluate({ kind: 'absolute', value: 0.3333, direction: 'lower' }, { A: [1, 3] });
    expect(down.A?.met).toBe(false);
  });

  it('a target that is 1/3 as a fraction (the median of peers 1/3, 2/6, 2/3) ties every 1/3', () => {
    // sorted {1/3, 1/3, 2/3}: rank 0.5 x 2 = 1 -> 1/3 exactly; A and B tie and meet, C is above it
    for (const direction of ['higher', 'lower'] as const) {
      const r = evaluate(
        { kind: 'peer-percentile', percentile: 50, direction },
        { A: [1, 3], B: [2, 6], C: [2, 3] },
      );
      expect([r.A?.met, r.B?.met, r.C?.met]).toEqual([true, true, direction === 'higher']);
      expect(r.A?.target).toBe(1 / 3);
    }
  });

  it('PERCENTILE.INC interpolates exactly: the median of 0.1 and 0.5 is 0.3, and a rate of 3/10 ties it', () => {
    // rank 0.5 x (2 - 1) = 0.5 -> 0.1 + 0.5 x (0.5 - 0.1) = 0.3; binary: 0.30000000000000004, which
    // 0.3 would miss when higher is better
    const target = { kind: 'baseline-percentile', percentile: 50, distribution: [0.5, 0.1] };
    const r = evaluate(target, { A: [3, 10], B: [29, 100] });
    expect([r.A?.target, r.A?.met, r.B?.met]).toEqual([0.3, true, false]);
  });

  it('peers tied at the percentile: {0.1, 0.3, 0.3, 0.5} has median 0.3 + 0.5 x 0 = 0.3, met by both 0.3s', () => {
    const r = evaluate(
      { kind: 'peer-percentile', percentile: 50 },
      { A: [1, 10], B: [3, 10], C: [3, 10], D: [5, 10] },
    );
    expect([r.A?.met, r.B?.met, r.C?.met, r.D?.met]).toEqual([false, true, true, true]);
  });
});

describe('an improvement target over an exact baseline', () => {
  function improvement(target: Record<string, unknown>, last: [number, number], now: [number, number]) {
    const results = evaluateCie({ baseline: { period: '2025-26' }, target }, [
      sub('A', 'cie', '2025-26', ...last),
      sub('A', 'cie', '2026-27', ...now),
    ]);
    return results[0];
  }

  it('baseline 1/3, goal 0.5, half the gap: target 1/3 + 0.5 x (1/2 - 1/3) = 5/12, tied by a rate of 5/12', () => {
    const r = improvement({ kind: 'improvement', goal: 0.5, gapClosed: '0.5' }, [1, 3], [5, 12]);
    expect([r?.baseline, r?.baselineExact, r?.exact, r?.met]).toEqual([1 / 3, '1/3', '5/12', true]);
  });

  it('lower is better: baseline 1/3, goal 0.25: target 1/3 + 0.5 x (1/4 - 1/3) = 1/3 - 1/24 = 7/24, tied by 7 of 24', () => {
    // Binary: the baseline read as 0.3333333333333333 gives 0.29166666666666665, and 7/24 is
    // 0.2916666666666667, above it: the tie would be a miss.
    const r = improvement(
      { kind: 'improvement', goal: 0.25, gapClosed: '0.5', direction: 'lower' },
      [1, 3],
      [7, 24],
    );
    expect([r?.exact, r?.met]).toEqual(['7/24', true]);
  });
});
