import { RulebookError } from '../errors.ts';
import type { Entity } from '../measures/applies-to.ts';
import { computeMeasure } from '../measures/compute-measure.ts';
import type { MeasureContext, RecordSlice } from '../measures/measure-context.ts';
import { MeasureResult } from '../measures/measure-result.ts';
import { recordReader, type SubmissionInput } from '../measures/record-reader.ts';
import type { Payment } from '../payment/index.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { isIsoDate } from '../rulebook/iso-date.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';
import { groupSubmissions, type SubmissionGroups } from './group-submissions.ts';
import { payEntities } from './pay-entities.ts';
import { scoreResults } from './score-results.ts';

export interface EvaluateInput {
  /** The payees: `{ id, ...fields }` (service code, assigned members, milestone count, rate, ...). */
  entities: readonly Entity[];
  /** Submissions as rows (CONTRACT.md objects) or as columns. */
  submissions: SubmissionInput;
  /** The evaluation date 'YYYY-MM-DD': later submissions are left out; undated ones count as made on it. */
  asOf: string;
  /** Attach an explanation trace to every result and payment (slower; for previews and one payee). */
  explain?: boolean;
}

export interface ProgramEvaluation {
  /** One per entity x measure, entity by entity in input order, measures in rulebook order. */
  results: MeasureResult[];
  payments: Payment[];
  issues: EvaluationIssue[];
}

/**
 * Evaluates a compiled rulebook over payees and their submissions, in phases:
 * 1. group submissions by entity x measure x period (resubmissions resolved);
 * 2. per measure, each entity's value (applicability, records, rates, reporting parts);
 * 3. per measure, the population: peer percentiles once, then each entity's target, met, points;
 * 4. per entity, the composite score and the payment.
 * Pure: the same rulebook, input and asOf give the same output.
 */
export function evaluateProgram(compiled: CompiledRulebook, input: EvaluateInput): ProgramEvaluation {
  if (!isIsoDate(input.asOf)) {
    throw new RulebookError(
      'as-of-invalid',
      `asOf must be a day written YYYY-MM-DD, got ${String(input.asOf)}`,
    );
  }
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
  const results = new Array<MeasureResult>(E * M);
  const ctx: MeasureContext = { asOf: input.asOf, explain };
  const slice: RecordSlice = { reader, order: groups.order, start: 0, end: 0 };
  const baselineCtx: MeasureContext = { asOf: input.asOf, explain: false };

  for (let m = 0; m < M; m++) {
    const measure = measures[m] as (typeof measures)[number];
    const d = compiled.measureDataset[m] as number;
    const bd = compiled.baselineDataset[m] as number;
    const baselineSpec = measure.spec.baseline;
    const baselineField = baselineSpec && 'payeeField' in baselineSpec ? baselineSpec.payeeField : null;
    let dataNotApplicable = 0;
    for (let e = 0; e < E; e++) {
      const entity = entities[e] as Entity;
      const r = new MeasureResult(entity.id, measure.key, measure.period, measure.weight);
      results[e * M + m] = r;
      const b = e * D + d;
      if (measure.applies !== null && !measure.applies.test(entity)) {
        r.status = 'not-applicable';
        r.reason = 'the measure does not apply to this payee';
        if ((groups.end[b] as number) > (groups.start[b] as number)) dataNotApplicable++;
        continue;
      }
      slice.start = groups.start[b] as number;
      slice.end = groups.end[b] as number;
      computeMeasure(measure, slice, ctx, r);
      if (bd >= 0) {
        const bb = e * D + bd;
        slice.start = groups.start[bb] as number;
        slice.end = groups.end[bb] as number;
        const base = new MeasureResult(entity.id, measure.key, '', 1);
        computeMeasure(measure, slice, baselineCtx, base);
        r.baseline = base.status === 'scored' ? base.value : null;
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

  const payments = payEntities(compiled, entities, results, input.asOf, explain, issues);
  return { results, payments, issues };
}

/** Entity id -> position, in one pass; a payee without an id or with a repeated id is an issue and left out. */
function indexEntities(
  input: readonly Entity[],
  issues: EvaluationIssue[],
): { entities: readonly Entity[]; entityIndex: Map<string, number> } {
  const entityIndex = new Map<string, number>();
  let kept: Entity[] | null = null;
  for (let e = 0; e < input.length; e++) {
    const entity = input[e] as Entity;
    if (typeof entity?.id !== 'string' || entity.id === '') {
      issues.push({ code: 'invalid-entity', message: `payee #${e + 1} has no id; left out` });
      kept ??= input.slice(0, e);
      continue;
    }
    if (entityIndex.has(entity.id)) {
      issues.push({
        code: 'duplicate-entity',
        message: `payee '${entity.id}' is listed twice; the first is used`,
        entityId: entity.id,
      });
      kept ??= input.slice(0, e);
      continue;
    }
    entityIndex.set(entity.id, kept ? kept.length : e);
    kept?.push(entity);
  }
  return { entities: kept ?? input, entityIndex };
}

function reportIgnored(groups: SubmissionGroups, issues: EvaluationIssue[]): void {
  const ignored = groups.ignored;
  for (const [measure, count] of ignored.unknownMeasure) {
    issues.push({
      code: 'unknown-measure',
      message: `${count} submission(s) for a measure the rulebook does not have`,
      measure,
      count,
    });
  }
  for (const [measure, count] of ignored.otherPeriod) {
    issues.push({
      code: 'other-period',
      message: `${count} submission(s) for a period the measure does not read`,
      measure,
      count,
    });
  }
  if (ignored.unknownEntity > 0) {
    issues.push({
      code: 'unknown-entity',
      message: `${ignored.unknownEntity} submission(s) from payees not in the evaluation (e.g. ${ignored.unknownEntityIds.join(', ')})`,
      count: ignored.unknownEntity,
    });
  }
  if (ignored.invalidData > 0) {
    issues.push({
      code: 'invalid-data',
      message: `${ignored.invalidData} submission(s) whose data is not an object; left out`,
      count: ignored.invalidData,
    });
  }
  if (ignored.afterAsOf > 0) {
    issues.push({
      code: 'after-as-of',
      message: `${ignored.afterAsOf} submission(s) dated after asOf; left out`,
      count: ignored.afterAsOf,
    });
  }
}
