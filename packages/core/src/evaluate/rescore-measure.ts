import type {
  MEASURE_RESULT_VALUE_FIELDS,
  MeasureResult,
  MeasureStatus,
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
const NOT_APPLICABLE = STATUS_CODE['not-applicable'];

/** A column of one field: null when every payee has null there; numbers packed, NaN for null. */
type Column = Float64Array | unknown[] | null;

function columnOf(results: readonly MeasureResult[], field: string): Column {
  const E = results.length;
  const at = (e: number) => (results[e] as unknown as Record<string, unknown>)[field];
  let numbers = true;
  let any = false;
  for (let e = 0; e < E; e++) {
    const v = at(e);
    if (v === null || v === undefined) continue;
    any = true;
    if (typeof v !== 'number' || Number.isNaN(v)) numbers = false;
  }
  if (!any) return null;
  if (numbers) {
    const out = new Float64Array(E).fill(Number.NaN);
    for (let e = 0; e < E; e++) {
      const v = at(e);
      if (typeof v === 'number') out[e] = v;
    }
    return out;
  }
  return Array.from({ length: E }, (_, e) => at(e));
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
  /** The payees (positions) the measure applies to: phase 1 decides it, scoring never changes it. */
  readonly applicable: Int32Array;
  /** The phase-1 value (NaN where none): for histograms, and to score again from. */
  readonly values: Float64Array;
  private readonly value: Column;
  private readonly reason: Column;
  private readonly target: Column;
  private readonly floor: Column;
  private readonly points: Column;
  private readonly maxPoints: Column;

  /**
   * The measure's result of each payee, the very objects of the entity-major results: re-scoring
   * resets and scores them in place (a new weight included), so they never change identity.
   */
  readonly results: MeasureResult[];

  constructor(results: readonly MeasureResult[], m: number, M: number) {
    const E = results.length / M;
    this.results = new Array<MeasureResult>(E);
    for (let e = 0; e < E; e++) this.results[e] = results[e * M + m] as MeasureResult;
    this.status = new Uint8Array(E);
    this.met = new Int8Array(E);
    let applicable = 0;
    for (let e = 0; e < E; e++) {
      const r = this.results[e] as MeasureResult;
      this.status[e] = STATUS_CODE[r.status];
      this.met[e] = r.met === null ? -1 : r.met ? 1 : 0;
      if (r.status !== 'not-applicable') applicable++;
    }
    this.applicable = new Int32Array(applicable);
    applicable = 0;
    for (let e = 0; e < E; e++) if (this.status[e] !== NOT_APPLICABLE) this.applicable[applicable++] = e;
    this.value = columnOf(this.results, 'value');
    this.values = this.value instanceof Float64Array ? this.value : new Float64Array(E).fill(Number.NaN);
    this.reason = columnOf(this.results, 'reason');
    this.target = columnOf(this.results, 'target');
    this.floor = columnOf(this.results, 'floor');
    this.points = columnOf(this.results, 'points');
    this.maxPoints = columnOf(this.results, 'maxPoints');
  }

  /** Puts payee e's SCORED_FIELDS back as phase 1 left them. */
  reset(r: MeasureResult, e: number): void {
    r.status = STATUS[this.status[e] as number] as MeasureStatus;
    r.reason = this.reason === null ? null : (read(this.reason, e) as string | null);
    r.value = this.value === null ? null : (read(this.value, e) as number | null);
    const met = this.met[e] as number;
    r.met = met === -1 ? null : met === 1;
    r.target = this.target === null ? null : (read(this.target, e) as number | null);
    r.floor = this.floor === null ? null : (read(this.floor, e) as number | null);
    r.points = this.points === null ? null : (read(this.points, e) as number | null);
    r.maxPoints = this.maxPoints === null ? null : (read(this.maxPoints, e) as number | null);
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

/**
 * Gives a result the measure's new weight. MeasureResult's weight is read-only to its readers; the
 * what-if owns these results (its own phase 1 made them) and sets the weight a fresh evaluation
 * would have constructed them with, rather than copying 100k results.
 */
function setWeight(r: MeasureResult, weight: number): void {
  (r as { weight: number }).weight = weight;
}

const nullToNaN = (v: number | null) => (v === null ? Number.NaN : v);
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Scores measure m's results (`phaseOne.results`) again under `compiled` (its target, floor,
 * scoring, weight), from the values phase 1 made (`phaseOne`), with core's scoreValues. Marks in
 * `dirty` every payee whose outcome as payments see it (MeasureOutcome: scored, met, value,
 * floor, points, maxPoints, weight) changed; a new target alone pays nobody differently.
 */
export function rescoreMeasure(
  compiled: CompiledRulebook,
  m: number,
  phaseOne: PhaseOneColumns,
  dirty: Uint8Array,
): WhatIfMeasure {
  const column = phaseOne.results;
  const E = column.length;
  const measure = compiled.measures[m] as CompiledRulebook['measures'][number];
  const applicable = phaseOne.applicable;
  const A = applicable.length;
  // A new weight changes every applicable payee's outcome: nothing to compare then.
  const weightChanged = E > 0 && (column[0] as MeasureResult).weight !== measure.weight;
  // The outcomes before, for the comparison after scoring.
  const wasScored = weightChanged ? null : new Uint8Array(A);
  const wasMet = weightChanged ? null : new Int8Array(A);
  const was = weightChanged ? null : new Float64Array(A * 4);
  for (let i = 0; i < A; i++) {
    const e = applicable[i] as number;
    const r = column[e] as MeasureResult;
    if (wasScored && wasMet && was) {
      wasScored[i] = r.status === 'scored' ? 1 : 0;
      wasMet[i] = r.met === null ? -1 : r.met ? 1 : 0;
      was[i * 4] = nullToNaN(r.value);
      was[i * 4 + 1] = nullToNaN(r.floor);
      was[i * 4 + 2] = nullToNaN(r.points);
      was[i * 4 + 3] = nullToNaN(r.maxPoints);
    }
    phaseOne.reset(r, e);
    if (weightChanged) setWeight(r, measure.weight);
  }
  // Every result of the measure, applicable or not, carries the weight a fresh evaluation gives it.
  if (weightChanged && A < E) {
    for (let e = 0; e < E; e++)
      if (phaseOne.status[e] === NOT_APPLICABLE) setWeight(column[e] as MeasureResult, measure.weight);
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
      !wasScored ||
      !wasMet ||
      !was ||
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
