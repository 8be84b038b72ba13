import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import { computePayments, type EntityOutcome, type Payment } from '../payment/index.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { compositeScore } from '../scoring/index.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';

/**
 * Per entity: the measures that apply (results passed as they are: a MeasureResult is a
 * MeasureOutcome), the composite score over the scored ones, the completed milestones; then the
 * rulebook's payment method over the whole population at once. `results` is entity-major
 * (entity e's measure m at e * M + m).
 */
export function payEntities(
  compiled: CompiledRulebook,
  entities: readonly Entity[],
  results: readonly MeasureResult[],
  asOf: string,
  explain: boolean,
  issues: EvaluationIssue[],
): Payment[] {
  const measures = compiled.measures;
  const M = measures.length;
  const withScoring = compiled.scoring.some((s) => s !== null);
  const inComposite = compiled.compositeMeasures;
  const outcomes = new Array<EntityOutcome>(entities.length);
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e] as Entity;
    const own: Record<string, MeasureResult> = {};
    const forComposite: Record<string, MeasureResult> | null = inComposite ? {} : null;
    let milestones: { milestone: number; completedOn: string }[] | undefined;
    for (let m = 0; m < M; m++) {
      const r = results[e * M + m] as MeasureResult;
      if (r.status === 'not-applicable') continue;
      own[r.measure] = r;
      if (forComposite && inComposite?.has(r.measure)) forComposite[r.measure] = r;
      if (r.milestones) milestones = milestones ? milestones.concat(r.milestones) : r.milestones;
    }
    const outcome: EntityOutcome = {
      entityId: entity.id,
      attributes: entity,
      measures: own,
      composite: withScoring ? compositeScore(forComposite ?? own).score : null,
    };
    if (milestones) outcome.completedMilestones = milestones;
    outcomes[e] = outcome;
  }
  const run = computePayments(compiled.rulebook.payment, outcomes, { explain, asOf });
  for (const issue of run.issues) {
    if (issue.entityId === '*') issues.push({ code: issue.code, message: issue.message });
    else issues.push({ code: issue.code, message: issue.message, entityId: issue.entityId });
  }
  return run.payments;
}
