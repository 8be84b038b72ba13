import {
  type ExactNumber,
  exactCompare,
  exactCompareQuotient,
  exactMul,
  exactRatio,
  exactToNumber,
  formatExact,
  parseExact,
  smallRatio,
} from '../money/exact-number.ts';
import type { Rational } from '../money/rational.ts';
import type { SmallRational } from '../money/small-rational.ts';
import type { TraceStep } from '../payment/payment.ts';
export type MeasureStatus = 'scored' | 'not-scored' | 'not-applicable';

/** Reporting parts: null = not checked by this measure. */
export interface ReportingParts {
  timely: boolean | null;
  complete: boolean | null;
  accurate: boolean | null;
  /** What failed, e.g. "record 2: field 'zip' is required" (only when explanations are asked for). */
  problems?: string[];
}

export interface StratumGroup {
  group: string;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface StratumResult {
  name: string;
  groups: StratumGroup[];
  /** Best and worst rate over groups with at least the stratum's minimum denominator; gap = best - worst (>= 0). */
  best: string | null;
  worst: string | null;
  gap: number | null;
}

export interface MissedCounts {
  /** Misses by the reason given. */
  byReason: Record<string, number>;
  /** Misses without a reason (a failure when the measure requires one). */
  withoutReason: number;
}

/** numerator / denominator x per, exactly (denominator > 0): a rate's value. */
export function rateValue(numerator: number, denominator: number, per: number): ExactNumber {
  if (per === 1) return exactRatio(numerator, denominator);
  const scaled = numerator * per;
  return Number.isSafeInteger(per) && Number.isSafeInteger(scaled)
    ? exactRatio(scaled, denominator)
    : exactMul(exactRatio(numerator, denominator), per);
}

/**
 * A result's fields other than its keys (entityId, measure, period, weight), in declaration
 * order: what a run stores per payee x measure and reads back.
 */
export const MEASURE_RESULT_VALUE_FIELDS = [
  'status',
  'reason',
  'value',
  'numerator',
  'denominator',
  'baseline',
  'target',
  'floor',
  'met',
  'points',
  'maxPoints',
  'records',
  'reporting',
  'exclusions',
  'missed',
  'strata',
  'milestones',
  'trace',
  'exact',
  'baselineExact',
] as const;

/**
 * The result of one measure for one entity. A class so every result has one shape (fast to make
 * and read in bulk); `scored` is a getter so it is not duplicated in the JSON.
 */
export class MeasureResult {
  status: MeasureStatus = 'scored';
  /** Why the measure is not scored or not applicable. */
  reason: string | null = null;
  value: number | null = null;
  numerator: number | null = null;
  denominator: number | null = null;
  /** Baseline value (improvement targets), when the measure has one. */
  baseline: number | null = null;
  target: number | null = null;
  floor: number | null = null;
  met: boolean | null = null;
  points: number | null = null;
  maxPoints: number | null = null;
  /** Records (after resubmissions are resolved) the result was computed from. */
  records = 0;
  reporting: ReportingParts | undefined = undefined;
  exclusions: Record<string, number> | undefined = undefined;
  missed: MissedCounts | undefined = undefined;
  strata: StratumResult[] | undefined = undefined;
  milestones: { milestone: number; completedOn: string }[] | undefined = undefined;
  trace: TraceStep[] | undefined = undefined;
  /**
   * The exact value, when `value` is not it: `value` is the nearest double, for display and JSON,
   * and stands for its shortest decimal (what `String(value)` and JSON print). When that decimal
   * is the exact value (0.25, 1, 0.3 for 0.1 + 0.2) `exact` is null; otherwise it holds the exact
   * value as text (see formatExact): the decimal when it terminates, else 'n/d' in lowest terms
   * ('1/3' with value 0.3333333333333333). Every comparison with a target reads `exactValue()`.
   * Meaningless (and not stored) while `value` is null.
   */
  exact: string | null = null;
  /** The same for `baseline`. */
  baselineExact: string | null = null;
  /** exactValue()'s cache, valid while `exact` is #exactFrom: the value as a Rational, or as two safe integers. */
  #exactFrom: string | null = null;
  #exactValue: Rational | SmallRational | null = null;

  constructor(
    readonly entityId: string,
    readonly measure: string,
    readonly period: string,
    readonly weight: number,
  ) {}

  get scored(): boolean {
    return this.status === 'scored';
  }

  addTrace(step: TraceStep): void {
    if (this.trace) this.trace.push(step);
    else this.trace = [step];
  }

  /** Marks the result not scored (value null, never zero), keeping counts for the explanation. */
  notScored(reason: string): void {
    this.status = 'not-scored';
    this.reason = reason;
    this.value = null;
    // `exact` is left as it was (it means nothing while value is null): a what-if that puts the
    // phase-1 value back (PhaseOneColumns.reset) finds its exact form still there.
    this.met = null;
  }

  /** Sets the value from its exact form: `value` the nearest double, `exact` its text when needed. */
  setValue(x: ExactNumber): void {
    if (typeof x === 'number') {
      this.value = x;
      this.exact = null;
      return;
    }
    this.value = exactToNumber(x);
    const text = formatExact(x);
    this.exact = text;
    this.#exactFrom = text;
    this.#exactValue = x;
  }

  /**
   * Sets a rate's value, numerator / denominator x per (denominator > 0), exactly; without bigints
   * when the counts are safe integers (the usual case).
   */
  setRate(numerator: number, denominator: number, per: number): void {
    const scaled = numerator * per;
    const q =
      Number.isSafeInteger(scaled) && Number.isSafeInteger(denominator) && Number.isSafeInteger(per)
        ? smallRatio(scaled, denominator)
        : undefined;
    if (typeof q === 'number') {
      this.value = q;
      this.exact = null;
    } else if (q === undefined) this.setValue(rateValue(numerator, denominator, per));
    else {
      // No decimal holds it (2/3): the division of two safe integers is the nearest double.
      this.value = q.n / q.d;
      const text = `${q.n}/${q.d}`;
      this.exact = text;
      this.#exactFrom = text;
      this.#exactValue = q;
    }
  }

  /** The exact value (null when there is none): what targets and ties compare. */
  exactValue(): ExactNumber | null {
    if (this.value === null) return null;
    const text = this.exact;
    if (text === null) return this.value;
    const q = this.#exactFrom === text ? this.#exactValue : null;
    if (q !== null && typeof q.n === 'bigint') return q as Rational;
    const exact = q !== null ? exactRatio(q.n as number, q.d as number) : parseExact(text);
    if (typeof exact !== 'number') {
      this.#exactFrom = text;
      this.#exactValue = exact;
    }
    return exact;
  }

  /** -1, 0 or 1 as the exact value is below, at or above `target` (the value must not be null). */
  compareValue(target: ExactNumber): -1 | 0 | 1 {
    const value = this.value as number;
    if (this.exact === null) return exactCompare(value, target);
    const q = this.#exactFrom === this.exact ? this.#exactValue : null;
    // A rate's fraction against a number: compared on safe integers, no bigints.
    if (q !== null && typeof q.n === 'number' && typeof target === 'number') {
      return exactCompareQuotient(q.n, q.d as number, target);
    }
    return exactCompare(this.exactValue() as ExactNumber, target);
  }

  /** Sets the baseline from its exact form (null: none). */
  setBaseline(x: ExactNumber | null): void {
    this.baseline = x === null ? null : exactToNumber(x);
    this.baselineExact = x === null || typeof x === 'number' ? null : formatExact(x);
  }

  /** The exact baseline, or null. */
  exactBaseline(): ExactNumber | null {
    if (this.baseline === null) return null;
    return this.baselineExact === null ? this.baseline : parseExact(this.baselineExact);
  }
}
