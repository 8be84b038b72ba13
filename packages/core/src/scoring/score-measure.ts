import { toRational } from '../money/decimal.ts';
import { add, div, mul, rational, sub } from '../money/rational.ts';
import { roundRational } from '../money/rounding-mode.ts';
import type { ScoringSpec } from './scoring-spec.ts';

/** What scoring needs from one entity's measure result. */
export interface ScoreInput {
  /** The measure value; null = not scored. */
  value: number | null;
  /** Whether the target was met (met-not-met scoring); null = not scored. */
  met?: boolean | null;
  /** The entity's baseline value (linear improvement points). */
  baseline?: number | null;
}

export interface ScoreResult {
  /** Points earned, or null when the measure is not scored for the entity. */
  points: number | null;
  maxPoints: number;
  /** Which rule gave the points. */
  basis: 'not-scored' | 'met' | 'not-met' | 'achievement' | 'improvement' | 'decile' | 'below-deciles';
  /** Only when explain. */
  formula?: string;
  inputs?: Record<string, unknown>;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(x, hi));

/** Scores one measure value by its spec; explain adds formula and inputs. */
export function scoreMeasure(spec: ScoringSpec, input: ScoreInput, explain = false): ScoreResult {
  switch (spec.kind) {
    case 'met-not-met': {
      const met = input.met ?? null;
      if (met === null) return { points: null, maxPoints: spec.points, basis: 'not-scored' };
      const r: ScoreResult = {
        points: met ? spec.points : 0,
        maxPoints: spec.points,
        basis: met ? 'met' : 'not-met',
      };
      if (explain) {
        r.formula = 'met ? points : 0';
        r.inputs = { met, points: spec.points };
      }
      return r;
    }
    case 'linear':
    case 'decile': {
      const value = input.value;
      if (value === null || !Number.isFinite(value))
        return { points: null, maxPoints: spec.maxPoints, basis: 'not-scored' };
      // Negating every value turns lower-is-better into higher-is-better.
      const s = spec.direction === 'lower' ? -1 : 1;
      return spec.kind === 'linear'
        ? scoreLinear(spec, value, s, input.baseline, explain)
        : scoreDecile(spec, value, s, explain);
    }
  }
}

type Linear = Extract<ScoringSpec, { kind: 'linear' }>;
type Decile = Extract<ScoringSpec, { kind: 'decile' }>;

/** A finite value on the line; `s` -1 when lower is better (every value negated), else 1. */
function scoreLinear(
  spec: Linear,
  value: number,
  s: number,
  baseline: number | null | undefined,
  explain: boolean,
): ScoreResult {
  const M = spec.maxPoints;
  const r = s * value;
  const t = s * spec.threshold;
  const b = s * spec.benchmark;
  // k * (x - from) / (to - from) + offset; exact when rounding to whole points, where a float
  // error (9 * (0.7 - 0.6) / 0.3 + 0.5 = 3.4999...) would cost a whole point.
  const line = (k: number, x: number, from: number, to: number, offset: number) =>
    spec.wholePoints ? wholeLine(k, x, from, to, offset) : (k * (x - from)) / (to - from) + offset;
  let achievement: number;
  if (r >= b) achievement = M;
  else if (r < t) achievement = 0;
  else achievement = clamp(line(M - 1, r, t, b, 0.5), 1, M);
  let improvement: number | null = null;
  if (spec.improvement && baseline !== null && baseline !== undefined && Number.isFinite(baseline)) {
    const base = s * baseline;
    // Improvement points only for a rate better than the baseline, from a baseline worse than the
    // benchmark (42 CFR 412.165(a)(3): "exceeds the improvement threshold but is less than the
    // benchmark"). A baseline at or beyond the benchmark earns none, never a division by zero or
    // a negative denominator; its rate, if better still, is beyond the benchmark: achievement M.
    improvement = base < b && r > base ? clamp(line(M, r, base, b, -0.5), 0, M - 1) : 0;
  }
  const useImprovement = improvement !== null && improvement > achievement;
  const res: ScoreResult = {
    points: useImprovement ? (improvement as number) : achievement,
    maxPoints: M,
    basis: useImprovement ? 'improvement' : 'achievement',
  };
  if (explain) {
    res.formula =
      'max(achievement = (M-1)*(rate-threshold)/(benchmark-threshold)+0.5 in [1,M], ' +
      'improvement = M*(rate-baseline)/(benchmark-baseline)-0.5 in [0,M-1])';
    res.inputs = {
      rate: value,
      threshold: spec.threshold,
      benchmark: spec.benchmark,
      baseline: baseline ?? null,
      M,
      direction: spec.direction,
      achievement,
      improvement,
    };
  }
  return res;
}

/** k * (x - from) / (to - from) + offset computed exactly (numbers read as written), rounded half up. */
function wholeLine(k: number, x: number, from: number, to: number, offset: number): number {
  const f = toRational(from);
  const raw = add(
    div(mul(rational(BigInt(k)), sub(toRational(x), f)), sub(toRational(to), f)),
    toRational(offset),
  );
  return Number(roundRational(raw, 'half-up'));
}

/** A finite value placed in its decile; `s` -1 when lower is better (every value negated), else 1. */
function scoreDecile(spec: Decile, value: number, s: number, explain: boolean): ScoreResult {
  const M = spec.maxPoints;
  const v = s * value;
  const bs = spec.benchmarks;
  // The value's decile is the highest whose start it reaches. Deciles sharing a start are empty
  // but the highest of them (CMS: a decile runs from its start up to, not including, the next
  // decile's start), so a value on a shared start lands in the highest.
  let i = -1;
  for (let j = bs.length - 1; j >= 0; j--) {
    if (v >= s * (bs[j] as { from: number }).from) {
      i = j;
      break;
    }
  }
  let points: number;
  let fraction = 0;
  let next: { decile: number; from: number } | undefined;
  if (i < 0) points = spec.belowPoints;
  else {
    const cur = bs[i] as { decile: number; from: number };
    next = bs[i + 1];
    // next starts beyond v (else it would be v's decile), so its width from cur is never zero;
    // the guard only keeps a degenerate table from dividing by zero.
    const width = next ? s * next.from - s * cur.from : 0;
    if (next && spec.interpolate && width > 0) fraction = (v - s * cur.from) / width;
    points = cur.decile + fraction;
  }
  const uncapped = points;
  if (spec.toppedOutCap !== null && points > spec.toppedOutCap) points = spec.toppedOutCap;
  const res: ScoreResult = { points, maxPoints: M, basis: i < 0 ? 'below-deciles' : 'decile' };
  if (explain) {
    res.formula =
      'decile + (value - decileStart) / (nextDecileStart - decileStart), the highest decile whose start ' +
      'the value reaches (equal starts are empty deciles), capped when topped out';
    res.inputs = {
      value,
      decile: i < 0 ? null : (bs[i] as { decile: number }).decile,
      decileStart: i < 0 ? null : (bs[i] as { from: number }).from,
      nextDecileStart: next ? next.from : null,
      fraction,
      uncapped,
      toppedOutCap: spec.toppedOutCap,
    };
  }
  return res;
}
