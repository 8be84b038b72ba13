import { validateRulebook } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { recomputeWhatIf } from './recompute-what-if.ts';
import { SCORED, type WhatIfBasis } from './what-if-basis.ts';
import { smallBasis, smallProgram } from './what-if-fixture.ts';

function withTarget(target: number, weight = 1) {
  const json = smallProgram(target);
  ((json.measures as Record<string, unknown>[])[0] as Record<string, unknown>).weight = weight;
  const v = validateRulebook(json);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.rulebook;
}

describe('what-if payments between edits (PaymentCache)', () => {
  it('pays again only the payees whose outcome changed, with the totals of a full run', () => {
    const { basis } = smallBasis();
    // P1 has no units: an issue and no payment, which must survive edits that do not touch P1.
    (basis.entities[0] as Record<string, unknown>).units = undefined;
    // Shares P1 0.5 (unpaid), P2 0.7, P3 0.9; base 450,000 each for P2, P3; incentive 50,000 if met.
    const steps: [number, number][] = [
      [0.6, 900_000 + 2 * 50_000], // P2, P3 meet 0.6
      [0.8, 900_000 + 50_000], // only P3 meets 0.8 (P2 changes)
      [0.4, 900_000 + 2 * 50_000], // everyone meets 0.4
      [0.95, 900_000], // nobody meets 0.95
      [0.6, 900_000 + 2 * 50_000],
    ];
    for (const [target, expected] of steps) {
      const kept = recomputeWhatIf(basis, withTarget(target));
      const fresh = recomputeWhatIf(smallBasis().basis, withTarget(target));
      const full = recomputeWhatIf(basis, withTarget(target), undefined, undefined, { full: true });
      expect(kept.totalCents).toBe(expected);
      expect({ ...kept, phaseMs: null }).toEqual({ ...full, phaseMs: null });
      expect(kept.issueCount).toBe(1);
      expect(kept.issues).toEqual([expect.stringMatching(/^P1: attribute 'units'/)]);
      // A basis where P1 has units pays P1's base (450,000) too; same incentive rule.
      expect(fresh.totalCents - kept.totalCents).toBe(450_000 + (target <= 0.5 ? 50_000 : 0));
    }
  });

  it('pays everyone again when a payment parameter or a weight changes', () => {
    const { basis } = smallBasis();
    recomputeWhatIf(basis, withTarget(0.6));
    // weight 2 instead of 1: weighted-met of a single measure is still 0 or 1: same total.
    expect(recomputeWhatIf(basis, withTarget(0.6, 2)).totalCents).toBe(1_350_000 + 2 * 50_000);
    const json = smallProgram(0.6);
    (json.payment as Record<string, unknown>).incentiveShare = '0.2';
    const v = validateRulebook(json);
    if (!v.ok) throw new Error('invalid');
    // 20%: base rate 4,000 c -> 3 x 400,000; incentive 100,000 each for P2, P3.
    expect(recomputeWhatIf(basis, v.rulebook).totalCents).toBe(1_200_000 + 200_000);
  });
});

describe('what-if re-scoring between edits', () => {
  /** Two measures a, b with absolute targets; four payees of 100 units at $50.00, weights a 3, b 1. */
  const program = (targetA: number, targetB: number) => {
    const measure = (key: string, target: number, weight: number) => ({
      key,
      name: key,
      domain: 'workforce',
      kind: 'performance',
      fields: { n: { type: 'number' }, d: { type: 'number' } },
      compute: { kind: 'rate-counts', numeratorField: 'n', denominatorField: 'd' },
      target: { kind: 'absolute', value: target },
      weight,
    });
    const v = validateRulebook({
      ...smallProgram(),
      measures: [measure('a', targetA, 3), measure('b', targetB, 1)],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    return v.rulebook;
  };
  const basis = (): WhatIfBasis => {
    const E = 4;
    return {
      entities: Array.from({ length: E }, (_, e) => ({ id: `P${e + 1}`, units: 100, rateCents: 5000 })),
      measures: ['a', 'b'],
      computeJson: Array(2).fill(
        JSON.stringify({ kind: 'rate-counts', numeratorField: 'n', denominatorField: 'd' }),
      ),
      status: [new Uint8Array(E).fill(SCORED), new Uint8Array(E).fill(SCORED)],
      // a: 0.2 0.4 0.6 0.8; b: 0.8 0.6 0.4 0.2
      value: [Float64Array.of(0.2, 0.4, 0.6, 0.8), Float64Array.of(0.8, 0.6, 0.4, 0.2)],
      baseline: [new Float64Array(E).fill(Number.NaN), new Float64Array(E).fill(Number.NaN)],
      computedMet: [new Int8Array(E).fill(-1), new Int8Array(E).fill(-1)],
      missingReason: [new Uint8Array(E), new Uint8Array(E)],
      milestones: new Array(E),
      asOf: '2027-06-30',
    };
  };

  it('re-scores the edited measure only and pays as a full recompute does', () => {
    const kept = basis();
    // Base 4 x 450,000 = 1,800,000. Incentive potential 50,000 each, earned x (3 met(a) + 1 met(b)) / 4.
    const steps: [number, number, number][] = [
      // a >= 0.5: P3, P4; b >= 0.5: P1, P2 -> each payee 1/4 or 3/4: 12,500 + 12,500 + 37,500 + 37,500
      [0.5, 0.5, 1_800_000 + 100_000],
      // a >= 0.3: P2, P3, P4 -> P1 1/4, P2 4/4, P3 3/4, P4 3/4: 12,500 + 50,000 + 37,500 + 37,500
      [0.3, 0.5, 1_800_000 + 137_500],
      // b >= 0.7: P1 only -> P1 1/4, P2 3/4, P3 3/4, P4 3/4: 12,500 + 3 x 37,500
      [0.3, 0.7, 1_800_000 + 125_000],
      [0.5, 0.5, 1_800_000 + 100_000],
    ];
    for (const [a, b, expected] of steps) {
      const s = recomputeWhatIf(kept, program(a, b));
      const full = recomputeWhatIf(basis(), program(a, b), undefined, undefined, { full: true });
      expect(s.totalCents).toBe(expected);
      expect({ ...s, phaseMs: null }).toEqual({ ...full, phaseMs: null });
    }
  });
});
