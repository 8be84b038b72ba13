import {
  compositeScore,
  type EntityOutcome,
  type MeasureOutcome,
  meetsTarget,
  prepareTarget,
  type Rulebook,
  type ScoreResult,
  scoreMeasure,
} from '@quip/core';
import { PaymentCache } from './payment-cache.ts';
import { type HistogramBin, rateHistogram } from './rate-histogram.ts';
import { NOT_APPLICABLE, SCORED, type WhatIfBasis } from './what-if-basis.ts';

export interface MeasureSummary {
  measure: string;
  /** Payees the measure applies to. */
  applicable: number;
  scored: number;
  met: number;
  /** The target when it is the same for every payee (absolute, percentile), else null. */
  target: number | null;
  /** The basis computed this measure differently (edited expression): its values are stale. */
  stale: boolean;
}

export interface WhatIfSummary {
  payees: number;
  totalCents: number;
  /** Payees paid more than zero. */
  paidPayees: number;
  measures: MeasureSummary[];
  /** The focused measure's values, binned, with its shared target. */
  histogram: { measure: string; bins: HistogramBin[]; target: number | null } | null;
  /** Non-fatal payment problems (first few), e.g. a member count outside the class table. */
  issues: string[];
  issueCount: number;
  /** Milliseconds spent re-scoring the measures and paying the payees. */
  phaseMs: { score: number; pay: number };
}

const NO_BASELINE = { baseline: null };

/**
 * The outcome objects of one basis, made once and overwritten on every recompute: a recompute
 * over 100k payees x 12 measures would otherwise allocate 1.2M objects per keystroke, and the
 * garbage collector, not the arithmetic, would set the pace. Rebuilt when the measure set changes.
 */
interface Scratch {
  keys: string;
  /** Per measure key, per payee: its outcome object, or undefined where the measure does not apply. */
  byMeasure: Map<string, (MeasureOutcome | undefined)[]>;
  /** Per payee, pointing at the same outcome objects. */
  entityOutcomes: EntityOutcome[];
  /** Last payments and which payees' outcomes changed since. */
  payments: PaymentCache;
  /** Per measure key: the spec it was last scored with, and its summary then. */
  scored: Map<string, { spec: string; summary: MeasureSummary }>;
}
const scratchOf = new WeakMap<WhatIfBasis, Scratch>();

function scratchFor(basis: WhatIfBasis, rulebook: Rulebook): Scratch {
  const keys = rulebook.measures.map((m) => m.key).join('\n');
  let scratch = scratchOf.get(basis);
  if (scratch && scratch.keys === keys) return scratch;
  const E = basis.entities.length;
  const own: Record<string, MeasureOutcome>[] = Array.from({ length: E }, () => ({}));
  const byMeasure = new Map<string, (MeasureOutcome | undefined)[]>();
  for (const spec of rulebook.measures) {
    const m = basis.measures.indexOf(spec.key);
    if (m < 0) continue;
    const status = basis.status[m] as Uint8Array;
    // Applicability is part of the basis (appliesTo was evaluated with it), so it is fixed here.
    const objects = Array.from({ length: E }, (_, e) => {
      if (status[e] === NOT_APPLICABLE) return undefined;
      const o: MeasureOutcome = {
        scored: false,
        met: null,
        value: null,
        points: null,
        maxPoints: null,
        weight: 1,
      };
      (own[e] as Record<string, MeasureOutcome>)[spec.key] = o;
      return o;
    });
    byMeasure.set(spec.key, objects);
  }
  const entityOutcomes = basis.entities.map((entity, e): EntityOutcome => {
    const outcome: EntityOutcome = {
      entityId: entity.id,
      attributes: entity as Record<string, unknown>,
      measures: own[e] as Record<string, MeasureOutcome>,
      composite: null,
    };
    const done = basis.milestones[e];
    if (done) outcome.completedMilestones = done;
    return outcome;
  });
  scratch = {
    keys,
    byMeasure,
    entityOutcomes,
    payments: new PaymentCache(entityOutcomes),
    scored: new Map(),
  };
  scratchOf.set(basis, scratch);
  return scratch;
}

/**
 * Re-scores the basis under a (validated) rulebook and pays every payee: targets from the edited
 * specs over the basis values, met, points, weights, composite, then the payment method. Measures
 * the basis does not know are left out (they need a preview). Pure; about one pass per measure.
 */
export function recomputeWhatIf(
  basis: WhatIfBasis,
  rulebook: Rulebook,
  focus?: string,
  /** Called with the measures and histogram as soon as re-scoring is done, before paying. */
  onScored?: (scored: Pick<WhatIfSummary, 'measures' | 'histogram'>) => void,
  /**
   * For the bench: `exactArithmetic` pays with core's bigint path only; `full` re-scores every
   * measure and pays every payee, as the first what-if of a basis does, rather than only the
   * measures whose spec changed and the payees whose outcome changed (the answer is the same).
   */
  options: { exactArithmetic?: boolean; full?: boolean } = {},
): WhatIfSummary {
  const started = performance.now();
  const E = basis.entities.length;
  const index = new Map(basis.measures.map((key, m) => [key, m]));
  const scratch = scratchFor(basis, rulebook);
  const { byMeasure, entityOutcomes, payments } = scratch;
  const dirty = payments.dirty;
  const summaries: MeasureSummary[] = [];
  let histogram: WhatIfSummary['histogram'] = null;

  for (const spec of rulebook.measures) {
    const m = index.get(spec.key);
    if (m === undefined) continue;
    const status = basis.status[m] as Uint8Array;
    const value = basis.value[m] as Float64Array;
    const baseline = basis.baseline[m] as Float64Array;
    const computedMet = basis.computedMet[m] as Int8Array;
    const missingReason = basis.missingReason[m] as Uint8Array;
    const weight = spec.weight ?? 1;
    const scoring = spec.scoring ?? (spec.target ? rulebook.scoring : undefined) ?? null;
    // A measure whose spec (and so target, scoring, weight) is as last time scores as last time:
    // a keystroke edits one measure, and the other measures' outcomes stay as they are.
    const specKey = JSON.stringify([spec, scoring]);
    const kept = scratch.scored.get(spec.key);
    if (kept && kept.spec === specKey && !options.full) {
      summaries.push({ ...kept.summary });
      if (spec.key === (focus ?? summaries[0]?.measure))
        histogram = { measure: spec.key, bins: rateHistogram(value), target: kept.summary.target };
      continue;
    }
    // Forgotten until this measure is scored through: a throw half-way leaves no stale entry.
    scratch.scored.delete(spec.key);

    let peerValues: Float64Array | undefined;
    let baselineValues: Float64Array | undefined;
    if (spec.target || spec.floor) {
      peerValues = new Float64Array(E);
      baselineValues = new Float64Array(E);
      let peers = 0;
      let bases = 0;
      for (let e = 0; e < E; e++) {
        if (status[e] !== SCORED) continue;
        const v = value[e] as number;
        if (!Number.isNaN(v)) peerValues[peers++] = v;
        const b = baseline[e] as number;
        if (!Number.isNaN(b)) baselineValues[bases++] = b;
      }
      peerValues = peerValues.subarray(0, peers);
      baselineValues = baselineValues.subarray(0, bases);
    }
    const population = { peerValues, baselineValues };
    const target = spec.target ? prepareTarget(spec.target, population) : null;
    const floor = spec.floor ? prepareTarget(spec.floor, population) : null;
    const shared = target && spec.target?.kind !== 'improvement' ? target(NO_BASELINE) : null;
    const sharedFloor = floor && spec.floor?.kind !== 'improvement' ? floor(NO_BASELINE) : null;
    const metScores: [ScoreResult, ScoreResult, ScoreResult] | null =
      scoring?.kind === 'met-not-met'
        ? [
            scoreMeasure(scoring, { value: null, met: null }),
            scoreMeasure(scoring, { value: 1, met: true }),
            scoreMeasure(scoring, { value: 0, met: false }),
          ]
        : null;

    const summary: MeasureSummary = {
      measure: spec.key,
      applicable: 0,
      scored: 0,
      met: 0,
      target: shared?.ok ? shared.value : null,
      stale: basis.computeJson[m] !== JSON.stringify(spec.compute),
    };
    const objects = byMeasure.get(spec.key) as (MeasureOutcome | undefined)[];
    for (let e = 0; e < E; e++) {
      const o = objects[e];
      if (!o) continue;
      const s = status[e] as number;
      summary.applicable++;
      const wasScored = o.scored;
      const wasMet = o.met;
      const wasValue = o.value;
      const wasPoints = o.points;
      const wasMax = o.maxPoints;
      const wasWeight = o.weight;
      const wasFloor = o.floor;
      const v = value[e] as number;
      o.scored = s === SCORED;
      o.met = computedMet[e] === -1 ? null : computedMet[e] === 1;
      o.value = Number.isNaN(v) ? null : v;
      o.points = null;
      o.maxPoints = null;
      o.weight = weight;
      if (floor) {
        const b = baseline[e] as number;
        const f = sharedFloor ?? floor({ baseline: Number.isNaN(b) ? null : b });
        o.floor = f.ok ? f.value : null;
      } else if (o.floor !== undefined) delete o.floor;
      if (o.scored && target) {
        const b = baseline[e] as number;
        const t = shared ?? target({ baseline: Number.isNaN(b) ? null : b });
        if (!t.ok) {
          o.scored = false;
          o.value = null;
        } else if (o.value !== null) o.met = meetsTarget(o.value, t.value, t.direction);
      }
      if (o.scored && missingReason[e] === 1) o.met = false;
      if (o.scored && scoring) {
        const r = metScores ? metScores[o.met === null ? 0 : o.met ? 1 : 2] : scoreMeasure(scoring, o);
        o.points = r.points === null && o.met === false ? 0 : r.points;
        o.maxPoints = r.maxPoints;
      }
      if (o.scored) summary.scored++;
      if (o.met === true) summary.met++;
      // A payee whose outcome is unchanged keeps its last payment (see PaymentCache).
      if (
        o.scored !== wasScored ||
        o.met !== wasMet ||
        o.value !== wasValue ||
        o.points !== wasPoints ||
        o.maxPoints !== wasMax ||
        o.weight !== wasWeight ||
        o.floor !== wasFloor
      )
        dirty[e] = 1;
    }
    summaries.push(summary);
    scratch.scored.set(spec.key, { spec: specKey, summary: { ...summary } });
    if (spec.key === (focus ?? summaries[0]?.measure)) {
      histogram = { measure: spec.key, bins: rateHistogram(value), target: summary.target };
    }
  }

  const withScoring = rulebook.measures.some((m) => m.scoring ?? (m.target ? rulebook.scoring : undefined));
  const composite = rulebook.composite?.measures ? new Set(rulebook.composite.measures) : null;
  for (let e = 0; e < E; e++) {
    const outcome = entityOutcomes[e] as EntityOutcome;
    if (!withScoring) {
      if (outcome.composite !== null) dirty[e] = 1;
      outcome.composite = null;
      continue;
    }
    const own = outcome.measures;
    let forComposite = own;
    if (composite) {
      const picked: Record<string, MeasureOutcome> = {};
      for (const key of composite) if (own[key]) picked[key] = own[key];
      forComposite = picked;
    }
    const score = compositeScore(forComposite).score;
    if (score !== outcome.composite) dirty[e] = 1;
    outcome.composite = score;
  }
  const scored = performance.now();
  onScored?.({ measures: summaries, histogram });
  const paidSummary = payments.pay(rulebook.payment, entityOutcomes, {
    explain: false,
    asOf: basis.asOf,
    ...(options.exactArithmetic ? { exactArithmetic: true } : {}),
    ...(options.full ? { repayAll: true } : {}),
  });
  const paid = performance.now();
  return {
    payees: E,
    totalCents: paidSummary.totalCents,
    paidPayees: paidSummary.paidPayees,
    measures: summaries,
    histogram,
    issues: paidSummary.issues.map((i) => (i.entityId === '*' ? i.message : `${i.entityId}: ${i.message}`)),
    issueCount: paidSummary.issueCount,
    phaseMs: { score: scored - started, pay: paid - scored },
  };
}
