import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { PaymentParams } from '../payment/payment-params.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { scoreMeasure } from '../scoring/score-measure.ts';

/**
 * The milestones the payment methods know for a payee: 1..its milestone count (class table) and
 * the milestones of a fixed schedule. Empty when no method pays milestones.
 */
function knownMilestones(compiled: CompiledRulebook, entity: Entity): number[] {
  const all = new Set<number>();
  const params: PaymentParams[] = [compiled.rulebook.payment, ...compiled.paymentParts.map((p) => p.params)];
  for (const p of params) {
    if (p.method === 'class-table-milestones') {
      const count = entity[p.milestoneCountAttribute];
      if (typeof count === 'number' && Number.isSafeInteger(count))
        for (let n = 1; n <= count; n++) all.add(n);
    } else if (p.method === 'fixed-milestone-schedule') {
      for (const s of p.schedule) all.add(s.milestone);
    }
  }
  return [...all].sort((a, b) => a - b);
}

/** The milestones of `r` not yet completed, of those the payment methods know for the payee. */
export function missingMilestones(compiled: CompiledRulebook, entity: Entity, r: MeasureResult): number[] {
  const done = new Set((r.milestones ?? []).map((c) => c.milestone));
  return knownMilestones(compiled, entity).filter((n) => !done.has(n));
}

/**
 * Turns a copy of measure m's result into the same result met, for a counterfactual payment: a
 * milestone measure with every known milestone completed (those missing on `asOf`); any other
 * measure scored and met, its value moved to its target and floor when it falls short of them (a
 * reporting measure: every part passed), its points scored again by the rulebook's own scoring.
 * The payment is then computed by the engine from this result, never by a rule of its own.
 */
export function meetMeasure(
  compiled: CompiledRulebook,
  m: number,
  r: MeasureResult,
  entity: Entity,
  asOf: string,
): void {
  const measure = compiled.measures[m];
  if (!measure) return;
  r.status = 'scored';
  r.reason = null;
  r.met = true;
  if (measure.compute.kind === 'milestone') {
    const completed = [...(r.milestones ?? [])];
    for (const n of missingMilestones(compiled, entity, r))
      completed.push({ milestone: n, completedOn: asOf });
    completed.sort((a, b) => a.milestone - b.milestone);
    r.milestones = completed;
    r.value = completed.length;
    r.exact = null;
    return;
  }
  if (measure.compute.kind === 'reporting') {
    r.value = 1;
    r.exact = null;
  } else {
    const lower =
      (measure.spec.target?.direction ?? measure.spec.floor?.direction ?? measure.direction) === 'lower';
    let v = r.value;
    for (const bound of [r.target, r.floor]) {
      if (bound === null) continue;
      if (v === null || (lower ? bound < v : bound > v)) v = bound;
    }
    if (v !== r.value) {
      r.value = v;
      r.exact = null;
    }
  }
  const scoring = compiled.scoring[m];
  if (scoring) {
    const s = scoreMeasure(scoring, r);
    r.points = s.points;
    r.maxPoints = s.maxPoints;
  }
}
