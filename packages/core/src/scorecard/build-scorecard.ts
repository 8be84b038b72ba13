import { RulebookError } from '../errors.ts';
import { hydrate, type MeasureValueLike } from '../evaluate/evaluate-phased.ts';
import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { SubmissionInput } from '../measures/record-reader.ts';
import type { Payment } from '../payment/payment.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { Counterfactual, type ScorecardPopulation } from './counterfactual.ts';
import { describeMeasure, dueDateOf } from './describe-measure.ts';
import { describeLines, describeNotes } from './describe-payment.ts';
import { formatDollars } from './format-dollars.ts';
import { missingMilestones } from './meet-measure.ts';
import { ReceivedRecords } from './received-records.ts';
import type { Scorecard, ScorecardPayment, ScorecardRest, ScorecardStage } from './scorecard.ts';

export interface ScorecardInput {
  /** The rulebook the results were computed with (a run's pinned one, or the published one for a standing). */
  compiled: CompiledRulebook;
  /** The payee: `{ id, name?, ...fields }`. */
  entity: Entity;
  run: { id: number | null; asOf: string; stage: ScorecardStage };
  /** The payee's scored results, one per measure of the rulebook, in any order (MeasureResults or their JSON). */
  results: readonly MeasureValueLike[];
  /** The payee's payment (null: the run paid it nothing, e.g. an issue left it out). */
  payment: Payment | null;
  /** The submissions the results were computed from (the payee's own suffice; others are passed over). */
  submissions?: SubmissionInput;
  /** Per measure: how many payees' values its population percentiles were taken over. */
  peers?: Readonly<Record<string, number>>;
  /**
   * Every payee's scored results: needed for "what would have earned the rest" when a payment
   * method shares money across payees (pools, shares, a withhold pool); also gives the peer counts.
   */
  population?: ScorecardPopulation;
}

/** Per measure: the payees with a value it took percentiles over (scored, with a value). */
function peerCounts(compiled: CompiledRulebook, population: ScorecardPopulation): Record<string, number> {
  const M = compiled.measures.length;
  const counts: Record<string, number> = {};
  for (let m = 0; m < M; m++) {
    let n = 0;
    for (let k = m; k < population.results.length; k += M) {
      const r = population.results[k];
      if (r && r.status === 'scored' && r.value !== null) n++;
    }
    counts[(compiled.measures[m] as (typeof compiled.measures)[number]).key] = n;
  }
  return counts;
}

/**
 * A payee's scorecard in plain words: every measure (those that do not apply marked so) with what
 * was asked, what was received and when, the value, the target and where it came from, met and
 * why, points and weight; then the payment line by line, its potential and what was forgone, and
 * what meeting each missed measure would have added, computed by paying again with that measure
 * met (core's own payment, never a rule of its own). Pure: the same input gives the same card.
 * The one implementation behind a run's stored scorecards and a payee's live standing.
 */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const { compiled, entity, run } = input;
  const measures = compiled.measures;
  const own = new Array<MeasureResult>(measures.length);
  for (const v of input.results) {
    const m = compiled.measureIndex.get(v.measure);
    if (m !== undefined && v.entityId === entity.id)
      own[m] = hydrate(v, measures[m] as (typeof measures)[number]);
  }
  for (let m = 0; m < measures.length; m++) {
    if (own[m] === undefined) {
      throw new RulebookError(
        'missing-value',
        `no result for payee '${entity.id}' and measure '${(measures[m] as (typeof measures)[number]).key}'`,
      );
    }
  }
  const peers = input.peers ?? (input.population ? peerCounts(compiled, input.population) : {});
  const received = new ReceivedRecords(compiled, entity.id, input.submissions ?? [], run.asOf);
  const counterfactual = new Counterfactual(compiled, entity, own, run.asOf, input.population);
  const baseline = counterfactual.baseline();

  // The measures whose meeting could change the payment: scored and not met, or milestones missing.
  const missing = own.map((r, m) =>
    r.status === 'scored' && (measures[m] as (typeof measures)[number]).compute.kind === 'milestone'
      ? missingMilestones(compiled, entity, r)
      : [],
  );
  const toMeet: number[] = [];
  own.forEach((r, m) => {
    if (r.status !== 'scored') return;
    if ((missing[m] as number[]).length > 0 || r.met === false) toMeet.push(m);
  });
  const added = new Map<number, number>();
  if (baseline !== null) {
    for (const m of toMeet) {
      const total = counterfactual.totalWith([m]);
      if (total !== null && total !== baseline) added.set(m, total - baseline);
    }
  }

  const cardMeasures = own.map((r, m) => {
    const measure = measures[m] as (typeof measures)[number];
    return describeMeasure(compiled, m, r, {
      received: r.status === 'not-applicable' ? [] : received.batches(m, dueDateOf(compiled, measure)),
      peers: peers[measure.key],
      addedCents: added.get(m),
      missingMilestones: missing[m],
    });
  });

  const payment = input.payment ?? { entityId: entity.id, totalCents: 0, lines: [], details: {} };
  const rest: ScorecardRest[] = [];
  for (const m of toMeet) {
    const cents = added.get(m);
    if (cents === undefined) continue;
    const measure = measures[m] as (typeof measures)[number];
    const card = cardMeasures[m];
    const what =
      measure.compute.kind === 'milestone'
        ? `completing the remaining milestones of '${measure.spec.name}' (${(missing[m] as number[]).join(', ')})`
        : `meeting '${measure.spec.name}'${card?.targetText ? ` (target ${card.targetText})` : ''}`;
    rest.push({
      measure: measure.key,
      name: measure.spec.name,
      addedCents: cents,
      text: `${what.charAt(0).toUpperCase()}${what.slice(1)} would have ${cents > 0 ? 'added' : 'taken'} ${formatDollars(
        Math.abs(cents),
      )}${cents > 0 ? '' : ' away'}.`,
    });
  }
  const out: ScorecardPayment = {
    totalCents: payment.totalCents,
    lines: describeLines(compiled, payment),
    rest,
    notes: describeNotes(compiled, payment),
    explanation: '',
  };
  const sentences = [
    payment.totalCents < 0
      ? `The payee owes ${formatDollars(-payment.totalCents)}.`
      : `The payment is ${formatDollars(payment.totalCents)}.`,
  ];
  const potential =
    baseline === null ? null : toMeet.length === 0 ? baseline : counterfactual.totalWith(toMeet);
  if (baseline !== null && potential !== null) {
    out.potentialCents = potential + (payment.totalCents - baseline);
    out.forgoneCents = potential - baseline;
    sentences.push(
      out.forgoneCents === 0
        ? 'Nothing was forgone: meeting the measures not met would not change it.'
        : `With every measure that applies met it would have been ${formatDollars(out.potentialCents)}: ${formatDollars(
            out.forgoneCents,
          )} was forgone.`,
    );
  } else {
    sentences.push(
      'What meeting more measures would have paid depends on every payee of the run and is not shown.',
    );
  }
  out.explanation = sentences.join(' ');
  return {
    entityId: entity.id,
    name: typeof entity.name === 'string' && entity.name !== '' ? entity.name : entity.id,
    run: { id: run.id, asOf: run.asOf, stage: run.stage },
    measures: cardMeasures,
    payment: out,
  };
}
