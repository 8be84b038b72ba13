import { validateRulebook } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { recomputeWhatIf } from './recompute-what-if.ts';
import { smallBasis, smallProgram } from './what-if-fixture.ts';

function parsed(json: unknown) {
  const v = validateRulebook(json);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.rulebook;
}

describe('recomputeWhatIf', () => {
  it('pays the base to everyone and the incentive to those who meet the target', () => {
    const { basis, rulebook } = smallBasis();
    const s = recomputeWhatIf(basis, rulebook);
    // $50.00 a unit: incentive rate 10% = 500 c, base rate 4,500 c; 100 units each.
    // base 3 x 450,000 = 1,350,000; shares 0.5 / 0.7 / 0.9 vs target 0.6: P2, P3 earn 50,000 each.
    expect(s.totalCents).toBe(1_350_000 + 2 * 50_000);
    expect(s.phaseMs.score).toBeGreaterThanOrEqual(0);
    expect(s.measures).toEqual([
      { measure: 'trained-share', applicable: 3, scored: 3, met: 2, target: 0.6, stale: false },
    ]);
  });

  it('follows an edited target without re-reading submissions', () => {
    const { basis } = smallBasis();
    const s = recomputeWhatIf(basis, parsed(smallProgram(0.8)));
    // Only P3 (0.9) meets 0.8: 1,350,000 + 50,000.
    expect(s.totalCents).toBe(1_400_000);
    expect(s.measures[0]?.met).toBe(1);
    expect(s.histogram?.target).toBe(0.8);
  });

  it('follows an edited payment parameter', () => {
    const { basis } = smallBasis();
    const json = smallProgram();
    (json.payment as Record<string, unknown>).incentiveShare = '0.2';
    const s = recomputeWhatIf(basis, parsed(json));
    // 20%: incentive rate 1,000 c, base 4,000 c: base 3 x 400,000 + 2 met x 100,000.
    expect(s.totalCents).toBe(1_200_000 + 200_000);
  });

  it('bins the values in tenths with the target line', () => {
    const { basis, rulebook } = smallBasis();
    const bins = recomputeWhatIf(basis, rulebook).histogram?.bins ?? [];
    expect(bins).toHaveLength(10);
    // 0.5 -> bin 5, 0.7 -> bin 7, 0.9 -> bin 9.
    expect(bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 1]);
  });

  it('marks a measure whose computation was edited as stale', () => {
    const { basis } = smallBasis();
    const json = smallProgram();
    const measure = (json.measures as Record<string, unknown>[])[0] as Record<string, unknown>;
    measure.compute = { kind: 'rate-counts', numeratorField: 'staff', denominatorField: 'staff' };
    expect(recomputeWhatIf(basis, parsed(json)).measures[0]?.stale).toBe(true);
  });
});
