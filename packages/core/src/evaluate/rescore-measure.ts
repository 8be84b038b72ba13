import {
  MEASURE_RESULT_VALUE_FIELDS,
  MeasureResult,
  type MeasureStatus,
} from '../measures/measure-result.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { scoreValues } from './evaluate-phased.ts';

/**
 * The fields phase 2 (scoreValues) sets on a phase-1 result: target, floor, met, points and, when
 * a target does not resolve, not-scored with its reason. Re-scoring puts these back as phase 1
 * left them and scores again; every other field (records, strata, milestones, ...) is phase 1's
 * alone. A test holds scoreValues to this list.
 */
export const SCORED_FIELDS = [
  'status',
  'reason',
  'value',
  'met',
  'target',
  'floor',
  'points',
  'maxPoints',
  'trace',
] as const satisfies readonly (typeof MEASURE_RESULT_VALUE_FIELDS)[number][];

/** One measure's answer in a what-if: how many payees it applies to, are scored, meet it. */
export interface WhatIfMeasure {
  measure: string;
  /** Payees the measure applies to. */
  applicable: number;
  scored: number;
  met: number;
  /** The target when every scored payee has the same one (absolute, percentile), else null. */
  target: number | null;
}

const STATUS: readonly MeasureStatus[] = ['scored', 'not-scored', 'not-applicable'];
const STATUS_CODE: Record<MeasureStatus, number> = { scored: 0, 'not-scored': 1, 'not-applicable': 2 };

/** A column of one field: null when every payee has null there; numbers packed, NaN for null. */
type Column = Float64Array | unknown[] | null;

function columnOf(results: readonly MeasureResult[], m: number, M: number, field: string): Column {
  const E = results.length / M;
  let numbers = true;
  let any = false;
  for (let e = 0; e < E; e++) {
    const v = (results[e * M + m] as unknown as Record<string, unknown>)[field];
    if (v === null || v === undefined) continue;
    any = true;
    if (typeof v !== 'number' || Number.isNaN(v)) numbers = false;
  }
  if (!any) return null;
  if (numbers) {
    const out = new Float64Array(E).fill(Number.NaN);
    for (let e = 0; e < E; e++) {
      const v = (results[e * M + m] as unknown as Record<string, unknown>)[field];
      if (typeof v === 'number') out[e] = v;
    }
    return out;
  }
  return Array.from(
    { length: E },
    (_, e) => (results[e * M + m] as unknown as Record<string, unknown>)[field],
  );
}

function read(column: Column, e: number): unknown {
  if (column === null) return null;
  if (column instanceof Float64Array) {
    const v = column[e] as number;
    return Number.isNaN(v) ? null : v;
  }
  return column[e] ?? null;
}

/**
 * One measure's SCORED_FIELDS as phase 1 left them, per payee, kept column-wise (a few numbers a
 * payee rather than a copy of every result): what each re-scoring starts again from.
 */
export class PhaseOneColumns {
  readonly status: Uint8Array;
  readonly met: Int8Array;
  /** The phase-1 value (NaN where none): for histograms, and to score again from. */
  readonly values: Float64Array;
  private readonly others: Record<'reason' | 'target' | 'floor' | 'points' | 'maxPoints', Column>;
  private readonly rawValues: Column;

  constructor(results: readonly MeasureResult[], m: number, M: number) {
    const E = results.length / M;
    this.status = new Uint8Array(E);
    this.met = new Int8Array(E);
    for (let e = 0; e < E; e++) {
      const r = results[e * M + m] as MeasureResult;
      this.status[e] = STATUS_CODE[r.status];
      this.met[e] = r.met === null ? -1 : r.met ? 1 : 0;
    }
    this.rawValues = columnOf(results, m, M, 'value');
    this.values =
      this.rawValues instanceof Float64Array ? this.rawValues : new Float64Array(E).fill(Number.NaN);
    this.others = {
      reason: columnOf(results, m, M, 'reason'),
      target: columnOf(results, m, M, 'target'),
      floor: columnOf(results, m, M, 'floor'),
      points: columnOf(results, m, M, 'points'),
      maxPoints: columnOf(results, m, M, 'maxPoints'),
    };
  }

  /** Puts payee e's SCORED_FIELDS back as phase 1 left them. */
  reset(r: MeasureResult, e: number): void {
    const o = this.others;
    r.status = STATUS[this.status[e] as number] as MeasureStatus;
    r.reason = read(o.reason, e) as string | null;
    r.value = read(this.rawValues, e) as number | null;
    const met = this.met[e] as number;
    r.met = met === -1 ? null : met === 1;
    r.target = read(o.target, e) as number | null;
    r.floor = read(o.floor, e) as number | null;
    r.points = read(o.points, e) as number | null;
    r.maxPoints = read(o.maxPoints, e) as number | null;
    r.trace = undefined;
  }
}

/** The compiled rulebook seen as if measure m were its only measure, for scoreValues over one column. */
function oneMeasure(compiled: CompiledRulebook, m: number): CompiledRulebook {
  const measure = compiled.measures[m] as CompiledRulebook['measures'][number];
  return {
    ...compiled,
    measures: [measure],
    measureIndex: new Map([[measure.key, 0]]),
    measureDataset: compiled.measureDataset.subarray(m, m + 1),
    baselineDataset: compiled.baselineDataset.subarray(m, m + 1),
    scoring: [compiled.scoring[m] ?? null],
  };
}

/** A result with another weight (weight is fixed at construction): every field copied. */
function withWeight(r: MeasureResult, weight: number): MeasureResult {
  const copy = new MeasureResult(r.entityId, r.measure, r.period, weight);
  const from = r as unknown as Record<string, unknown>;
  const to = copy as unknown as Record<string, unknown>;
  for (const key of MEASURE_RESULT_VALUE_FIELDS) to[key] = from[key];
  return copy;
}

const nullToNaN = (v: number | null) => (v === null ? Number.NaN : v);
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Scores measure m of the entity-major `results` again under `compiled` (its target, floor,
 * scoring, weight), from the values phase 1 made (`phaseOne`), with core's scoreValues. Marks in
 * `dirty` every payee whose outcome as payments see it (MeasureOutcome: scored, met, value,
 * floor, points, maxPoints, weight) changed; a new target alone pays nobody differently. Results whose weight changed are replaced in `results`.
 */
export function rescoreMeasure(
  compiled: CompiledRulebook,
  m: number,
  results: MeasureResult[],
  phaseOne: PhaseOneColumns,
  dirty: Uint8Array,
): WhatIfMeasure {
  const M = compiled.measures.length;
  const E = results.length / M;
  const measure = compiled.measures[m] as CompiledRulebook['measures'][number];
  const applicable: number[] = [];
  for (let e = 0; e < E; e++) if (phaseOne.status[e] !== STATUS_CODE['not-applicable']) applicable.push(e);
  const A = applicable.length;
  // The outcomes before: what the comparison after scoring needs.
  const wasScored = new Uint8Array(A);
  const wasMet = new Int8Array(A);
  const was = new Float64Array(A * 4);
  let weightChanged = false;
  const column = new Array<MeasureResult>(E);
  for (let e = 0; e < E; e++) column[e] = results[e * M + m] as MeasureResult;
  if ((column[0]?.weight ?? measure.weight) !== measure.weight) weightChanged = true;
  for (let i = 0; i < A; i++) {
    const e = applicable[i] as number;
    let r = column[e] as MeasureResult;
    wasScored[i] = r.status === 'scored' ? 1 : 0;
    wasMet[i] = r.met === null ? -1 : r.met ? 1 : 0;
    was[i * 4] = nullToNaN(r.value);
    was[i * 4 + 1] = nullToNaN(r.floor);
    was[i * 4 + 2] = nullToNaN(r.points);
    was[i * 4 + 3] = nullToNaN(r.maxPoints);
    if (weightChanged) {
      r = withWeight(r, measure.weight);
      column[e] = r;
      results[e * M + m] = r;
    }
    phaseOne.reset(r, e);
  }
  // Payees the measure does not apply to carry the weight too, as a fresh evaluation gives them.
  if (weightChanged) {
    for (let e = 0; e < E; e++) {
      const r = column[e] as MeasureResult;
      if (r.weight === measure.weight) continue;
      column[e] = withWeight(r, measure.weight);
      results[e * M + m] = column[e] as MeasureResult;
    }
  }
  scoreValues(oneMeasure(compiled, m), column, false);

  const summary: WhatIfMeasure = { measure: measure.key, applicable: A, scored: 0, met: 0, target: null };
  let target: number | null | undefined;
  for (let i = 0; i < A; i++) {
    const e = applicable[i] as number;
    const r = column[e] as MeasureResult;
    const scored = r.status === 'scored';
    if (scored) {
      summary.scored++;
      if (r.target !== null) {
        if (target === undefined) target = r.target;
        else if (target !== r.target) target = null;
      }
    }
    if (r.met === true) summary.met++;
    if (
      weightChanged ||
      wasScored[i] !== (scored ? 1 : 0) ||
      wasMet[i] !== (r.met === null ? -1 : r.met ? 1 : 0) ||
      !same(was[i * 4] as number, nullToNaN(r.value)) ||
      !same(was[i * 4 + 1] as number, nullToNaN(r.floor)) ||
      !same(was[i * 4 + 2] as number, nullToNaN(r.points)) ||
      !same(was[i * 4 + 3] as number, nullToNaN(r.maxPoints))
    )
      dirty[e] = 1;
  }
  summary.target = target ?? null;
  return summary;
}
