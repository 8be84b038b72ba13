import { describe, expect, it } from 'vitest';
import { compositeScore } from './composite-score.ts';

describe('compositeScore', () => {
  it('redistributes the weight of measures that are not scored', () => {
    // A 8/10 weight 2, B 1/1 weight 1, C not scored weight 1:
    // (2 * 0.8 + 1 * 1) / (2 + 1) = 2.6 / 3 = 0.866667
    const r = compositeScore(
      {
        A: { scored: true, points: 8, maxPoints: 10 },
        B: { scored: true, points: 1, maxPoints: 1 },
        C: { scored: false, points: null, maxPoints: 10 },
      },
      { A: 2, B: 1, C: 1 },
      true,
    );
    expect(r.score).toBeCloseTo(2.6 / 3, 12);
    expect(r.scoredWeight).toBe(3);
    expect(r.totalWeight).toBe(4);
    expect(r.measures?.find((m) => m.measure === 'A')?.effectiveWeight).toBeCloseTo(2 / 3, 12);
    expect(r.measures?.find((m) => m.measure === 'C')?.effectiveWeight).toBe(0);
  });

  it('uses the measure weight, default 1, when no weights are given', () => {
    // (3 * 0.5 + 1 * 0) / 4 = 0.375
    const r = compositeScore({
      A: { scored: true, points: 5, maxPoints: 10, weight: 3 },
      B: { scored: true, points: 0, maxPoints: 1 },
    });
    expect(r.score).toBe(0.375);
    expect(r).not.toHaveProperty('measures');
  });

  it('is null when nothing is scored', () => {
    expect(compositeScore({ A: { scored: false, points: null, maxPoints: 1 } }).score).toBeNull();
    expect(compositeScore({}).score).toBeNull();
  });
});
