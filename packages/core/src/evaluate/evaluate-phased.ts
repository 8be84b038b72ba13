import { RulebookError } from '../errors.ts';
import type { Entity } from '../measures/applies-to.ts';
import { computeMeasure } from '../measures/compute-measure.ts';
import type { MeasureContext, RecordSlice } from '../measures/measure-context.ts';
import { MEASURE_RESULT_VALUE_FIELDS, MeasureResult } from '../measures/measure-result.ts';
import { recordReader, type SubmissionInput } from '../measures/record-reader.ts';
import type { Payment } from '../payment/payment.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { isIsoDate } from '../rulebook/iso-date.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';
import { groupSubmissions, type SubmissionGroups } from './group-submissions.ts';
import { indexEntities } from './index-entities.ts';
import { payEntities } from './pay-entities.ts';
import { reportIgnored } from './report-ignored.ts';
import { scoreResults } from './score-results.ts';

/**
 * evaluateProgram split in two, for runs that compute values in chunks of payees (each chunk needs
 * only its own submissions) and then score and pay the whole population at once (percentile
 * targets and pooled payments need everyone). `scoreAndPay(evaluateMeasureValues(x))` gives what
 * `evaluateProgram(x)` gives: a test holds the two paths equal.
 */
export interface MeasureValuesInput {
  entities: readonly Entity[];
  submissions: SubmissionInput;
  asOf: string;
  explain?: boolean;
}

export interface MeasureValues {
  /** Entity-major: entity e's measure m at e * M + m; targets, met and points still unset. */
  values: MeasureResult[];
  /** The payees evaluated: the input less those without an id or listed twice (each an issue). */
  entities: readonly Entity[];
  /** Payees left out, submissions not read (unknown measure or payee, after asOf, ...). */
  issues: EvaluationIssue[];
}

/** Phase 1: every entity's value per measure, from its own submissions alone. */
export function evaluateMeasureValues(compiled: CompiledRulebook, input: MeasureValuesInput): MeasureValues {
  checkAsOf(input.asOf);
  const explain = input.explain === true;
  const issues: EvaluationIssue[] = [];
  const { entities, entityIndex } = indexEntities(input.entities, issues);
  const reader = recordReader(input.submissions);
  const groups = groupSubmissions(compiled, reader, entityIndex, entities.length, input.asOf);
  reportIgnored(groups, issues);
  const measures = compiled.measures;
  const M = measures.length;
  const E = entities.length;
  const D = groups.datasetCount;
  const values = new Array<MeasureResult>(E * M);
  const ctx: MeasureContext = { asOf: input.asOf, explain };
  const baselineCtx: MeasureContext = { asOf: input.asOf, explain: false };
  const slice: RecordSlice = {
    reader,
    order: groups.order,
    start: 0,
    end: 0,
    flagged: 0,
    standing: groups.standing,
    checker: null,
  };
  for (let m = 0; m < M; m++) {
    const measure = measures[m] as (typeof measures)[number];
    const d = compiled.measureDataset[m] as number;
    const bd = compiled.baselineDataset[m] as number;
    const baselineSpec = measure.spec.baseline;
    const baselineField = baselineSpec && 'payeeField' in baselineSpec ? baselineSpec.payeeField : null;
    let dataNotApplicable = 0;
    // Only pay-for-reporting reads records with findings: it scores them; a rate never counts them.
    const readsFlagged = measure.compute.kind === 'reporting';
    slice.checker = (compiled.datasets[d] as (typeof compiled.datasets)[number]).checker;
    for (let e = 0; e < E; e++) {
      const entity = entities[e] as Entity;
      const r = new MeasureResult(entity.id, measure.key, measure.period, measure.weight);
      values[e * M + m] = r;
      const b = e * D + d;
      if (measure.applies !== null && !measure.applies.test(entity)) {
        r.status = 'not-applicable';
        r.reason = 'the measure does not apply to this payee';
        if ((groups.end[b] as number) > (groups.start[b] as number)) dataNotApplicable++;
        continue;
      }
      setSlice(slice, groups, b, readsFlagged);
      computeMeasure(measure, slice, ctx, r);
      if (bd >= 0) {
        setSlice(slice, groups, e * D + bd, readsFlagged);
        const base = new MeasureResult(entity.id, measure.key, '', 1);
        computeMeasure(measure, slice, baselineCtx, base);
        r.setBaseline(base.status === 'scored' ? base.exactValue() : null);
      } else if (baselineField !== null) {
        const v = entity[baselineField];
        r.baseline = typeof v === 'number' && Number.isFinite(v) ? v : null;
      }
    }
    if (dataNotApplicable > 0) {
      issues.push({
        code: 'data-for-not-applicable-measure',
        message: `${dataNotApplicable} payee(s) the measure does not apply to submitted data for it; ignored`,
        measure: measure.key,
        count: dataNotApplicable,
      });
    }
  }
  return { values, entities, issues };
}

function setSlice(slice: RecordSlice, groups: SubmissionGroups, b: number, readsFlagged: boolean): void {
  slice.start = groups.start[b] as number;
  const end = groups.end[b] as number;
  const clean = groups.clean[b] as number;
  slice.end = readsFlagged ? end : clean;
  slice.flagged = readsFlagged ? 0 : end - clean;
}

export interface ScoreAndPayInput {
  entities: readonly Entity[];
  /** Phase-1 values of every entity x measure, as made or as read back from JSON, in any order. */
  values: readonly MeasureValueLike[];
  asOf: string;
  explain?: boolean;
}

/** A MeasureResult as plain data (JSON.parse(JSON.stringify(result))). */
export type MeasureValueLike = Pick<MeasureResult, 'entityId' | 'measure'> & Partial<MeasureResult>;

export interface ScoredProgram {
  results: MeasureResult[];
  payments: Payment[];
  issues: EvaluationIssue[];
}

/** Phase 2: targets over the population, met, points, composite scores and payments. */
export function scoreAndPay(compiled: CompiledRulebook, input: ScoreAndPayInput): ScoredProgram {
  checkAsOf(input.asOf);
  const explain = input.explain === true;
  const measures = compiled.measures;
  const M = measures.length;
  const measureIndex = new Map<string, number>();
  for (let m = 0; m < M; m++) measureIndex.set((measures[m] as (typeof measures)[number]).key, m);
  const entityIndex = new Map<string, number>();
  for (let e = 0; e < input.entities.length; e++) entityIndex.set((input.entities[e] as Entity).id, e);
  const results = new Array<MeasureResult>(input.entities.length * M);
  for (const v of input.values) {
    const e = entityIndex.get(v.entityId);
    const m = measureIndex.get(v.measure);
    if (e === undefined || m === undefined) continue;
    results[e * M + m] =
      v instanceof MeasureResult ? v : hydrate(v, measures[m] as (typeof measures)[number]);
  }
  for (let k = 0; k < results.length; k++) {
    if (results[k] === undefined) {
      const e = input.entities[Math.floor(k / M)] as Entity;
      const measure = measures[k % M] as (typeof measures)[number];
      throw new RulebookError(
        'missing-value',
        `no value for payee '${e.id}' and measure '${measure.key}': phase 1 did not cover every payee`,
      );
    }
  }
  return scoreOrderedValues(compiled, input.entities, results, input.asOf, explain);
}

/**
 * Phase 2 over values already in entity-major order (e * M + m): targets and scores per measure
 * across the population, then composite scores and payments per payee.
 */
export function scoreOrderedValues(
  compiled: CompiledRulebook,
  entities: readonly Entity[],
  results: MeasureResult[],
  asOf: string,
  explain: boolean,
): ScoredProgram {
  scoreValues(compiled, results, explain);
  const { payments, issues } = payScoredValues(compiled, entities, results, asOf, explain);
  return { results, payments, issues };
}

/**
 * Phase 2a, in place: each measure's targets over the population (entity-major results), then
 * met and points. The results are final after this: a run can store them while it pays.
 */
export function scoreValues(compiled: CompiledRulebook, results: MeasureResult[], explain: boolean): void {
  const measures = compiled.measures;
  const M = measures.length;
  for (let m = 0; m < M; m++) {
    scoreResults(
      measures[m] as (typeof measures)[number],
      compiled.scoring[m] ?? null,
      results,
      m,
      M,
      explain,
    );
  }
}

/** Phase 2b: composite scores and payments of values scoreValues has scored. */
export function payScoredValues(
  compiled: CompiledRulebook,
  entities: readonly Entity[],
  results: readonly MeasureResult[],
  asOf: string,
  explain: boolean,
): { payments: Payment[]; issues: EvaluationIssue[] } {
  checkAsOf(asOf);
  const issues: EvaluationIssue[] = [];
  const payments = payEntities(compiled, entities, results, asOf, explain, issues);
  return { payments, issues };
}

/** Plain data back into a MeasureResult; absent fields keep the class defaults (null, 'scored', 0). */
export function hydrate(
  v: MeasureValueLike,
  measure: { key: string; period: string; weight: number },
): MeasureResult {
  const r = new MeasureResult(
    v.entityId,
    measure.key,
    v.period ?? measure.period,
    v.weight ?? measure.weight,
  );
  const from = v as unknown as Record<string, unknown>;
  const to = r as unknown as Record<string, unknown>;
  for (const key of MEASURE_RESULT_VALUE_FIELDS) {
    const value = from[key];
    if (value !== undefined) to[key] = value;
  }
  return r;
}

function checkAsOf(asOf: string): void {
  if (!isIsoDate(asOf)) {
    throw new RulebookError('as-of-invalid', `asOf must be a day written YYYY-MM-DD, got ${String(asOf)}`);
  }
}
