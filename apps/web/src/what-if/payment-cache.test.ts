import { validateRulebook } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { recomputeWhatIf } from './recompute-what-if.ts';
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
