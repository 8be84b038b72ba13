import { describe, expect, it } from 'vitest';
import { scoreMeasure } from './score-measure.ts';
import { ScoringSpecSchema } from './scoring-spec.ts';

const spec = (json: unknown) => ScoringSpecSchema.parse(json);

describe('met-not-met', () => {
  const s = spec({ kind: 'met-not-met', points: 2 });
  it('gives points when met, none otherwise, null when not scored', () => {
    expect(scoreMeasure(s, { value: 1, met: true })).toEqual({ points: 2, maxPoints: 2, basis: 'met' });
    expect(scoreMeasure(s, { value: 0, met: false })).toEqual({ points: 0, maxPoints: 2, basis: 'not-met' });
    expect(scoreMeasure(s, { value: null, met: null }).points).toBeNull();
  });
});

describe('linear (Hospital VBP)', () => {
  const vbp = spec({ kind: 'linear', threshold: 0.6, benchmark: 0.9 });

  it('achievement counts when it is higher', () => {
    // achievement = 9 * (0.75 - 0.6) / (0.9 - 0.6) + 0.5 = 9 * 0.5 + 0.5 = 5.0
    // improvement = 10 * (0.75 - 0.7) / (0.9 - 0.7) - 0.5 = 10 * 0.25 - 0.5 = 2.0
    const r = scoreMeasure(vbp, { value: 0.75, baseline: 0.7 });
    expect(r.basis).toBe('achievement');
    expect(r.points).toBeCloseTo(5, 10);
  });

  it('improvement counts when it is higher', () => {
    // achievement = 9 * 0.05 / 0.3 + 0.5 = 2.0
    // improvement = 10 * (0.65 - 0.3) / (0.9 - 0.3) - 0.5 = 10 * 0.35 / 0.6 - 0.5 = 5.8333 - 0.5 = 5.3333
    const r = scoreMeasure(vbp, { value: 0.65, baseline: 0.3 });
    expect(r.basis).toBe('improvement');
    expect(r.points).toBeCloseTo(5.333_333, 5);
  });

  it('clamps at the ends', () => {
    expect(scoreMeasure(vbp, { value: 0.95 }).points).toBe(10); // at/above benchmark: 10
    expect(scoreMeasure(vbp, { value: 0.9 }).points).toBe(10);
    expect(scoreMeasure(vbp, { value: 0.59 }).points).toBe(0); // below threshold, no baseline: 0
    // at the threshold: 9 * 0 + 0.5 = 0.5 -> raised to the floor of 1
    expect(scoreMeasure(vbp, { value: 0.6 }).points).toBe(1);
    // improvement 10 * 0.89 / 0.9 - 0.5 = 9.39 -> capped at 9; achievement 9*0.29/0.3+0.5 = 9.2 -> 9.2 wins
    const r = scoreMeasure(vbp, { value: 0.89, baseline: 0 });
    expect(r.basis).toBe('achievement');
    expect(r.points).toBeCloseTo(9.2, 10);
    // got worse than baseline: improvement 0; below threshold: achievement 0
    expect(scoreMeasure(vbp, { value: 0.5, baseline: 0.55 })).toMatchObject({ points: 0 });
  });

  it('rounds to whole points when asked (CMS)', () => {
    const whole = spec({ kind: 'linear', threshold: 0.6, benchmark: 0.9, wholePoints: true });
    // improvement 5.3333 -> 5; achievement 2.0 -> 2
    expect(scoreMeasure(whole, { value: 0.65, baseline: 0.3 }).points).toBe(5);
    // achievement 9 * 0.1 / 0.3 + 0.5 = 3.5 -> 4 (halves up)
    expect(scoreMeasure(whole, { value: 0.7 }).points).toBe(4);
  });

  it('lower is better flips the comparisons', () => {
    const readmit = spec({ kind: 'linear', threshold: 0.2, benchmark: 0.1, direction: 'lower' });
    // achievement = 9 * (0.2 - 0.15) / (0.2 - 0.1) + 0.5 = 4.5 + 0.5 = 5.0
    expect(scoreMeasure(readmit, { value: 0.15 }).points).toBeCloseTo(5, 10);
    expect(scoreMeasure(readmit, { value: 0.08 }).points).toBe(10);
    expect(scoreMeasure(readmit, { value: 0.25 }).points).toBe(0);
    // improvement = 10 * (0.3 - 0.19) / (0.3 - 0.1) - 0.5 = 5.5 - 0.5 = 5.0; achievement 9*0.01/0.1+0.5 = 1.4
    const r = scoreMeasure(readmit, { value: 0.19, baseline: 0.3 });
    expect(r.basis).toBe('improvement');
    expect(r.points).toBeCloseTo(5, 10);
  });

  it('rejects a benchmark on the wrong side', () => {
    expect(ScoringSpecSchema.safeParse({ kind: 'linear', threshold: 0.9, benchmark: 0.6 }).success).toBe(
      false,
    );
  });

  it('explains only when asked', () => {
    expect(scoreMeasure(vbp, { value: 0.75 })).not.toHaveProperty('inputs');
    expect(scoreMeasure(vbp, { value: 0.75, baseline: 0.7 }, true).inputs).toMatchObject({ threshold: 0.6 });
  });
});

describe('decile (MIPS)', () => {
  const benchmarks = [
    { decile: 3, from: 0.3 },
    { decile: 4, from: 0.4 },
    { decile: 5, from: 0.5 },
    { decile: 6, from: 0.6 },
    { decile: 7, from: 0.7 },
    { decile: 8, from: 0.8 },
    { decile: 9, from: 0.9 },
    { decile: 10, from: 0.95 },
  ];
  const mips = spec({ kind: 'decile', benchmarks, belowPoints: 1 });

  it('interpolates within the decile', () => {
    // 0.55 is in decile 5 [0.5, 0.6): 5 + (0.55 - 0.5) / (0.6 - 0.5) = 5.5
    expect(scoreMeasure(mips, { value: 0.55 }).points).toBeCloseTo(5.5, 10);
    // 0.925 in decile 9 [0.9, 0.95): 9 + 0.025 / 0.05 = 9.5
    expect(scoreMeasure(mips, { value: 0.925 }).points).toBeCloseTo(9.5, 10);
    expect(scoreMeasure(mips, { value: 0.97 }).points).toBe(10); // top decile: whole 10
    expect(scoreMeasure(mips, { value: 0.5 }).points).toBe(5); // at the start: exactly 5
    expect(scoreMeasure(mips, { value: 0.2 })).toMatchObject({ points: 1, basis: 'below-deciles' });
  });

  it('caps topped-out measures, keeps max points', () => {
    const topped = spec({ kind: 'decile', benchmarks, toppedOutCap: 7 });
    // 0.85 -> 8 + 0.05 / 0.1 = 8.5 -> capped at 7, out of 10
    expect(scoreMeasure(topped, { value: 0.85 })).toMatchObject({ points: 7, maxPoints: 10 });
    // 0.65 -> 6.5, under the cap
    expect(scoreMeasure(topped, { value: 0.65 }).points).toBeCloseTo(6.5, 10);
  });

  it('without interpolation gives the whole decile', () => {
    const flat = spec({ kind: 'decile', benchmarks, interpolate: false });
    expect(scoreMeasure(flat, { value: 0.55 }).points).toBe(5);
  });

  it('lower is better', () => {
    const inverse = spec({
      kind: 'decile',
      direction: 'lower',
      benchmarks: [
        { decile: 3, from: 0.5 },
        { decile: 4, from: 0.4 },
        { decile: 5, from: 0.3 },
      ],
    });
    // 0.35 is in decile 4 (0.4 down to 0.3): 4 + (0.4 - 0.35) / (0.4 - 0.3) = 4.5
    expect(scoreMeasure(inverse, { value: 0.35 }).points).toBeCloseTo(4.5, 10);
    expect(scoreMeasure(inverse, { value: 0.6 }).points).toBe(0);
  });

  it('rejects non-consecutive or non-monotone tables', () => {
    const bad1 = {
      kind: 'decile',
      benchmarks: [
        { decile: 3, from: 0.3 },
        { decile: 5, from: 0.5 },
      ],
    };
    const bad2 = {
      kind: 'decile',
      benchmarks: [
        { decile: 3, from: 0.3 },
        { decile: 4, from: 0.2 },
      ],
    };
    expect(ScoringSpecSchema.safeParse(bad1).success).toBe(false);
    expect(ScoringSpecSchema.safeParse(bad2).success).toBe(false);
  });
});
