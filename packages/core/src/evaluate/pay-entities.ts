import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import { computePayments } from '../payment/compute-payments.ts';
import type { EntityOutcome, Payment, PaymentIssue } from '../payment/payment.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { compositeScore } from '../scoring/composite-score.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';
import { mergePaymentParts, type PartPayments } from './merge-payment-parts.ts';

/**
 * Per entity: the measures that apply (results passed as they are: a MeasureResult is a
 * MeasureOutcome), the composite score over the scored ones, the completed milestones; then the
 * rulebook's payment method over the whole population at once, and each of its additionalPayments
 * parts over the payees it applies to (with its own composite when it names one), merged into
 * one payment per payee. `results` is entity-major (entity e's measure m at e * M + m).
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
  const opts = { explain, asOf };
  const run = computePayments(compiled.rulebook.payment, outcomes, opts);
  report(run.issues, undefined, issues);
  if (compiled.paymentParts.length === 0) return run.payments;

  const parts: PartPayments[] = compiled.paymentParts.map((part) => {
    const selected: EntityOutcome[] = [];
    for (let e = 0; e < entities.length; e++) {
      const outcome = outcomes[e] as EntityOutcome;
      if (part.applies && !part.applies.test(entities[e] as Entity)) continue;
      const keys = part.compositeMeasures;
      if (!keys) selected.push(outcome);
      else {
        const forPart: Record<string, EntityOutcome['measures'][string]> = {};
        for (const key of keys) {
          const r = outcome.measures[key];
          if (r) forPart[key] = r;
        }
        selected.push({ ...outcome, composite: withScoring ? compositeScore(forPart).score : null });
      }
    }
    const partRun = computePayments(part.params, selected, opts);
    report(partRun.issues, part.key, issues);
    return { key: part.key, payments: partRun.payments };
  });
  return mergePaymentParts(
    entities.map((e) => e.id),
    run.payments,
    parts,
  );
}

function report(from: readonly PaymentIssue[], part: string | undefined, issues: EvaluationIssue[]): void {
  for (const issue of from) {
    const out: EvaluationIssue = { code: issue.code, message: issue.message };
    if (issue.entityId !== '*') out.entityId = issue.entityId;
    if (part !== undefined) out.part = part;
    issues.push(out);
  }
}
