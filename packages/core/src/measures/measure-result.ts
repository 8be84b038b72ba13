import type { TraceStep } from '../payment/index.ts';
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
    this.met = null;
  }
}
