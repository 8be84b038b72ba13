import { describe, expect, it } from 'vitest';
import { scoreMeasure } from './score-measure.ts';
import { ScoringSpecSchema } from './scoring-spec.ts';

const spec = (json: unknown) => ScoringSpecSchema.parse(json);
/** A decile table as benchmark files list it: the starts of deciles 3, 4, 5... in order. */
const decilesFrom3 = (starts: number[]) => starts.map((from, i) => ({ decile: 3 + i, from }));

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

  describe('baseline already at or beyond the benchmark (42 CFR 412.165(a)(3): no improvement points)', () => {
    it('a rate worse than such a baseline earns achievement only', () => {
      // baseline 0.95 beats the benchmark 0.9; rate 0.75 fell below the baseline:
      // achievement = 9 * (0.75 - 0.6) / (0.9 - 0.6) + 0.5 = 9 * 0.5 + 0.5 = 5.0; improvement 0
      const r = scoreMeasure(vbp, { value: 0.75, baseline: 0.95 }, true);
      expect(r.basis).toBe('achievement');
      expect(r.points).toBeCloseTo(5, 10);
      expect(r.inputs).toMatchObject({ achievement: r.points, improvement: 0 });
      // rate 0.92 fell too but stays beyond the benchmark: achievement 10, improvement 0
      expect(scoreMeasure(vbp, { value: 0.92, baseline: 0.95 }, true)).toMatchObject({
        points: 10,
        basis: 'achievement',
        inputs: { achievement: 10, improvement: 0 },
      });
    });

    it('a rate better than such a baseline is beyond the benchmark: 10 for achievement, no improvement', () => {
      // 0.97 > 0.95 > 0.9: the formula would give 10 * (0.97 - 0.95) / (0.9 - 0.95) - 0.5 = -4.5;
      // CMS gives no improvement points (the rate is not below the benchmark), achievement 10
      expect(scoreMeasure(vbp, { value: 0.97, baseline: 0.95 }, true)).toMatchObject({
        points: 10,
        basis: 'achievement',
        inputs: { achievement: 10, improvement: 0 },
      });
    });

    it('a baseline exactly on the benchmark divides by nothing', () => {
      // benchmark - baseline = 0.9 - 0.9 = 0: improvement 0, never NaN or Infinity;
      // rate 0.8: achievement = 9 * (0.8 - 0.6) / 0.3 + 0.5 = 9 * 2/3 + 0.5 = 6.5
      const r = scoreMeasure(vbp, { value: 0.8, baseline: 0.9 }, true);
      expect(r.points).toBeCloseTo(6.5, 10);
      expect(r.inputs).toMatchObject({ improvement: 0 });
      expect(scoreMeasure(vbp, { value: 0.95, baseline: 0.9 }).points).toBe(10);
      // whole points: 6.5 -> 7 (halves up); 9 * (0.7 - 0.6) / 0.3 + 0.5 = 3.5 -> 4, improvement 0
      const whole = spec({ kind: 'linear', threshold: 0.6, benchmark: 0.9, wholePoints: true });
      expect(scoreMeasure(whole, { value: 0.8, baseline: 0.9 }).points).toBe(7);
      expect(scoreMeasure(whole, { value: 0.7, baseline: 0.95 })).toMatchObject({
        points: 4,
        basis: 'achievement',
      });
    });

    it('lower is better: an infection ratio whose baseline is already the benchmark 0', () => {
      // SIR threshold 0.5, benchmark 0 (lower is better); baseline 0 = benchmark.
      // rate 0.25: achievement = 9 * (0.5 - 0.25) / (0.5 - 0) + 0.5 = 4.5 + 0.5 = 5.0; improvement 0
      const sir = spec({ kind: 'linear', threshold: 0.5, benchmark: 0, direction: 'lower' });
      const r = scoreMeasure(sir, { value: 0.25, baseline: 0 }, true);
      expect(r).toMatchObject({ basis: 'achievement', inputs: { improvement: 0 } });
      expect(r.points).toBeCloseTo(5, 10);
      // rate 0 (at the benchmark): 10; rate 0.6 (worse than the threshold): 0, improvement 0
      expect(scoreMeasure(sir, { value: 0, baseline: 0 }).points).toBe(10);
      expect(scoreMeasure(sir, { value: 0.6, baseline: 0 }, true)).toMatchObject({
        points: 0,
        inputs: { improvement: 0 },
      });
      // baseline 0.1 worse than the benchmark 0, rate 0.05 better than it: improvement is scored,
      // 10 * (0.1 - 0.05) / (0.1 - 0) - 0.5 = 5 - 0.5 = 4.5, but achievement is higher:
      // 9 * (0.5 - 0.05) / 0.5 + 0.5 = 8.1 + 0.5 = 8.6
      expect(scoreMeasure(sir, { value: 0.05, baseline: 0.1 }).points).toBeCloseTo(8.6, 10);
    });
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
  const benchmarks = decilesFrom3([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]);
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
      benchmarks: decilesFrom3([0.5, 0.4, 0.3]),
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
      benchmarks: decilesFrom3([0.3, 0.2]),
    };
    expect(ScoringSpecSchema.safeParse(bad1).success).toBe(false);
    expect(ScoringSpecSchema.safeParse(bad2).success).toBe(false);
  });
});

describe('decile tables with equal starts (empty deciles, as CMS publishes them)', () => {
  // qpp-measures-data's benchmark files list the inclusive lower bounds of deciles 2..10; a
  // decile whose bound equals the next one's is empty, so a value on a shared bound is in the
  // highest decile starting there. Deciles 3..10 below are the file's values 2..9.

  // PY2019 measure 014, registry (CMSgov/qpp-measures-data benchmarks/2019.json, isToppedOutByProgram
  // true): deciles [0, 76.54, 89.81, 96.54, 99.71, 100, 100, 100, 100] -> deciles 7, 8 and 9 are empty.
  const m014 = decilesFrom3([76.54, 89.81, 96.54, 99.71, 100, 100, 100, 100]);

  it('accepts the PY2019 row and scores a rate on the shared bound in the highest decile', () => {
    const topped = spec({ kind: 'decile', benchmarks: m014, belowPoints: 3, toppedOutCap: 7 });
    // 100 reaches the starts of deciles 7..10; 7, 8, 9 are empty: decile 10, 10 points, capped at 7
    const r = scoreMeasure(topped, { value: 100 }, true);
    expect(r).toMatchObject({ points: 7, maxPoints: 10, basis: 'decile' });
    expect(r.inputs).toMatchObject({ decile: 10, uncapped: 10, fraction: 0, nextDecileStart: null });
    // the same table without the cap: 10
    expect(scoreMeasure(spec({ kind: 'decile', benchmarks: m014 }), { value: 100 }).points).toBe(10);
  });

  it('interpolates up to the start of the next (empty) decile, never dividing by zero', () => {
    const topped = spec({ kind: 'decile', benchmarks: m014, belowPoints: 3, toppedOutCap: 7 });
    // 99.8 in decile 6 [99.71, 100): 6 + (99.8 - 99.71) / (100 - 99.71) = 6 + 0.09 / 0.29 = 6.310345
    const r = scoreMeasure(topped, { value: 99.8 }, true);
    expect(r.points).toBeCloseTo(6.310_345, 6);
    expect(r.inputs).toMatchObject({ decile: 6, decileStart: 99.71, nextDecileStart: 100 });
    // 98 in decile 5 [96.54, 99.71): 5 + (98 - 96.54) / (99.71 - 96.54) = 5 + 1.46 / 3.17 = 5.460568
    expect(scoreMeasure(topped, { value: 98 }).points).toBeCloseTo(5.460_568, 6);
    // exactly on an unshared start: the whole decile
    expect(scoreMeasure(topped, { value: 99.71 }).points).toBe(6);
    // below decile 3 (76.54): the floor, 3
    expect(scoreMeasure(topped, { value: 50 })).toMatchObject({ points: 3, basis: 'below-deciles' });
  });

  it('every decile from 3 to 10 on one bound (PY2019 measure 012, claims): 100 or the floor', () => {
    // deciles [0, 100, 100, 100, 100, 100, 100, 100, 100], isToppedOutByProgram true
    const benchmarks = [3, 4, 5, 6, 7, 8, 9, 10].map((decile) => ({ decile, from: 100 }));
    const m012 = spec({ kind: 'decile', benchmarks, belowPoints: 3, toppedOutCap: 7 });
    // 100: decile 10 (3..9 empty) = 10, capped at 7
    expect(scoreMeasure(m012, { value: 100 }, true)).toMatchObject({
      points: 7,
      inputs: { decile: 10, uncapped: 10 },
    });
    // 99.99 is below every start: 3
    expect(scoreMeasure(m012, { value: 99.99 })).toMatchObject({ points: 3, basis: 'below-deciles' });
  });

  it('lower is better with ties (PY2019 measure 238, registry, inverse)', () => {
    // deciles [100, 0.68, 0.28, 0.13, 0, 0, 0, 0, 0], isToppedOutByProgram true: deciles 6..9 empty
    const m238 = spec({
      kind: 'decile',
      direction: 'lower',
      belowPoints: 3,
      toppedOutCap: 7,
      benchmarks: decilesFrom3([0.68, 0.28, 0.13, 0, 0, 0, 0, 0]),
    });
    // 0 reaches the starts of deciles 6..10: decile 10, 10 points, capped at 7
    expect(scoreMeasure(m238, { value: 0 }, true)).toMatchObject({
      points: 7,
      inputs: { decile: 10, uncapped: 10 },
    });
    // 0.2 in decile 4 (0.28 down to 0.13): 4 + (0.28 - 0.2) / (0.28 - 0.13) = 4 + 0.08 / 0.15 = 4.533333
    expect(scoreMeasure(m238, { value: 0.2 }).points).toBeCloseTo(4.533_333, 6);
    // 0.05 in decile 5 (0.13 down to 0, the start of the empty decile 6):
    // 5 + (0.13 - 0.05) / (0.13 - 0) = 5 + 0.08 / 0.13 = 5.615385
    expect(scoreMeasure(m238, { value: 0.05 }).points).toBeCloseTo(5.615_385, 6);
    // exactly on the start of decile 5: 5
    expect(scoreMeasure(m238, { value: 0.13 }).points).toBe(5);
    // worse than decile 3's start 0.68: the floor
    expect(scoreMeasure(m238, { value: 1 })).toMatchObject({ points: 3, basis: 'below-deciles' });
  });

  describe('a shared start in the middle of the table', () => {
    // deciles 5 and 6 are empty: decile 7 runs from 30 up to 50
    const mid = decilesFrom3([10, 20, 30, 30, 30, 50, 60, 70]);
    const s = spec({ kind: 'decile', benchmarks: mid });

    it('a rate exactly on the shared start is in the highest decile starting there', () => {
      // 30 reaches the starts of 5, 6 and 7: decile 7, fraction 0 -> 7
      expect(scoreMeasure(s, { value: 30 }, true)).toMatchObject({
        points: 7,
        inputs: { decile: 7, decileStart: 30, nextDecileStart: 50, fraction: 0 },
      });
      // 40: 7 + (40 - 30) / (50 - 30) = 7.5
      expect(scoreMeasure(s, { value: 40 }).points).toBeCloseTo(7.5, 10);
      // 29, just below: decile 4 [20, 30): 4 + (29 - 20) / (30 - 20) = 4.9
      expect(scoreMeasure(s, { value: 29 }).points).toBeCloseTo(4.9, 10);
    });

    it('a rate above the last start gets the last decile whole', () => {
      // 85 > 70 (decile 10's start): 10
      expect(scoreMeasure(s, { value: 85 }).points).toBe(10);
    });

    it('without interpolation and with a cap', () => {
      expect(
        scoreMeasure(spec({ kind: 'decile', benchmarks: mid, interpolate: false }), { value: 40 }).points,
      ).toBe(7);
      // 7.5 capped at 7
      expect(
        scoreMeasure(spec({ kind: 'decile', benchmarks: mid, toppedOutCap: 7 }), { value: 40 }).points,
      ).toBe(7);
    });

    it('lower is better with a shared start in the middle', () => {
      // decile 4 is empty: decile 5 runs from 40 down to 30
      const low = spec({
        kind: 'decile',
        direction: 'lower',
        benchmarks: decilesFrom3([50, 40, 40, 30]),
      });
      // 40 is decile 5's start: 5
      expect(scoreMeasure(low, { value: 40 }).points).toBe(5);
      // 35: 5 + (40 - 35) / (40 - 30) = 5.5
      expect(scoreMeasure(low, { value: 35 }).points).toBeCloseTo(5.5, 10);
      // 45 in decile 3 (50 down to 40): 3 + (50 - 45) / (50 - 40) = 3.5
      expect(scoreMeasure(low, { value: 45 }).points).toBeCloseTo(3.5, 10);
      // 10 is beyond the last start (30): 6
      expect(scoreMeasure(low, { value: 10 }).points).toBe(6);
    });
  });

  it('still refuses a start worse than the one before, in either direction', () => {
    // Higher is better (the default): 0.2 after 0.3 goes down; lower is better: 0.4 after 0.3 goes up.
    for (const [direction, starts, message] of [
      [{}, [0.3, 0.3, 0.2], 'at or above'],
      [{ direction: 'lower' }, [0.3, 0.3, 0.4], 'at or below'],
    ] as const) {
      const parsed = ScoringSpecSchema.safeParse({
        kind: 'decile',
        ...direction,
        benchmarks: decilesFrom3([...starts]),
      });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toEqual([
        expect.objectContaining({
          path: ['benchmarks', 2, 'from'],
          message: expect.stringContaining(message),
        }),
      ]);
    }
    // a start that is not a finite number
    expect(
      ScoringSpecSchema.safeParse({
        kind: 'decile',
        benchmarks: [{ decile: 10, from: Number.POSITIVE_INFINITY }],
      }).success,
    ).toBe(false);
  });
});
