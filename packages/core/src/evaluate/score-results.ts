import type { CompiledMeasure } from '../measures/compile-measure.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import { formatExact } from '../money/exact-number.ts';
import { type ScoreResult, scoreMeasure } from '../scoring/score-measure.ts';
import type { ScoringSpec } from '../scoring/scoring-spec.ts';
import { prepareTarget, type ResolvedTarget, type TargetEntity } from '../targets/resolve-target.ts';

const NO_BASELINE: TargetEntity = { baseline: null };

/**
 * The population phase of one measure, after every entity's value is known: peer values (for
 * peer-percentile targets and goals) and peer baselines are gathered once, the target and floor
 * prepared once, then each scored result gets its target, met and points.
 * `results` holds this measure's result of entity e at e * stride + offset.
 */
export function scoreResults(
  measure: CompiledMeasure,
  scoring: ScoringSpec | null,
  results: readonly MeasureResult[],
  offset: number,
  stride: number,
  explain: boolean,
): void {
  const spec = measure.spec;
  const n = results.length;
  let peerValues: Float64Array | undefined;
  let baselineValues: Float64Array | undefined;
  // Exact values where the doubles are not exact (MeasureResult.exact), made only when there are some.
  // The results whose values are not exact as doubles, by peer index (exact values made only when asked).
  let peerExact: (MeasureResult | undefined)[] | undefined;
  let baselineExact: (MeasureResult | undefined)[] | undefined;
  // Exact peer values matter only to percentiles (a peer percentile or goal, or the peers' baselines).
  const specs = [spec.target, spec.floor];
  const exactPeers = specs.some(
    (t) => t?.kind === 'peer-percentile' || (t?.kind === 'improvement' && typeof t.goal !== 'number'),
  );
  const exactBaselines = specs.some((t) => t?.kind === 'baseline-percentile' && !t.distribution);
  if (spec.target || spec.floor) {
    let peers = 0;
    let baselines = 0;
    for (let k = offset; k < n; k += stride) {
      const r = results[k] as MeasureResult;
      if (r.status !== 'scored') continue;
      if (r.value !== null) peers++;
      if (r.baseline !== null) baselines++;
    }
    peerValues = new Float64Array(peers);
    baselineValues = new Float64Array(baselines);
    peers = 0;
    baselines = 0;
    for (let k = offset; k < n; k += stride) {
      const r = results[k] as MeasureResult;
      if (r.status !== 'scored') continue;
      if (r.value !== null) {
        if (exactPeers && r.exact !== null) {
          peerExact ??= new Array(peerValues.length);
          peerExact[peers] = r;
        }
        peerValues[peers++] = r.value;
      }
      if (r.baseline !== null) {
        if (exactBaselines && r.baselineExact !== null) {
          baselineExact ??= new Array(baselineValues.length);
          baselineExact[baselines] = r;
        }
        baselineValues[baselines++] = r.baseline;
      }
    }
  }
  const population = {
    peerValues,
    peerExact: peerExact && ((i: number) => peerExact?.[i]?.exactValue() ?? undefined),
    baselineValues,
    baselineExact: baselineExact && ((i: number) => baselineExact?.[i]?.exactBaseline() ?? undefined),
  };
  const target = spec.target ? prepareTarget(spec.target, population) : null;
  const floor = spec.floor ? prepareTarget(spec.floor, population) : null;
  // Only improvement targets depend on the entity; the others are resolved once for all.
  const sharedTarget: ResolvedTarget | null =
    target && spec.target?.kind !== 'improvement' ? target(NO_BASELINE, explain) : null;
  const sharedFloor: ResolvedTarget | null =
    floor && spec.floor?.kind !== 'improvement' ? floor(NO_BASELINE, false) : null;
  // Met / not met points depend on met alone: three possible answers, made once.
  const metScores: [ScoreResult, ScoreResult, ScoreResult] | null =
    scoring?.kind === 'met-not-met' && !explain
      ? [
          scoreMeasure(scoring, { value: null, met: null }),
          scoreMeasure(scoring, { value: 1, met: true }),
          scoreMeasure(scoring, { value: 0, met: false }),
        ]
      : null;
  const compute = measure.compute;
  const reasonRequired = compute.kind === 'rate-records' && compute.missedReasonRequired;
  if (!target && !floor && !scoring && !reasonRequired) return;

  for (let k = offset; k < n; k += stride) {
    const r = results[k] as MeasureResult;
    if (r.status === 'not-applicable') continue;
    // The floor is set on not-scored results too: sanctions may count "not scored" as below it.
    if (floor) {
      const f = sharedFloor ?? floor(r, false);
      if (f.ok) r.floor = f.value;
    }
    if (r.status !== 'scored') continue;
    if (target) {
      const t = sharedTarget ?? target(r, explain);
      if (!t.ok) {
        r.notScored(t.message);
        if (explain) r.addTrace({ rule: 'target', inputs: { kind: t.kind }, value: t.message });
        continue;
      }
      r.target = t.value;
      // Exactly: a value that ties its target meets it, whatever the doubles say.
      // Exactly: a value that ties its target meets it, whatever the doubles say.
      if (r.value !== null) {
        const c = r.compareValue(t.exact);
        r.met = t.direction === 'lower' ? c <= 0 : c >= 0;
      }
      if (explain) {
        r.addTrace({ rule: 'target', inputs: t.inputs, formula: t.formula, value: t.value });
        r.addTrace({
          rule: 'met',
          inputs: {
            value: r.value,
            target: t.value,
            ...(r.exact !== null ? { exactValue: r.exact } : {}),
            ...(typeof t.exact !== 'number' ? { exactTarget: formatExact(t.exact) } : {}),
          },
          formula: t.direction === 'lower' ? 'value <= target' : 'value >= target',
          value: r.met,
        });
      }
    }
    // A miss without its required reason is a reporting failure: the measure is not met.
    if (reasonRequired && r.missed && r.missed.withoutReason > 0) {
      r.met = false;
      if (explain) {
        r.addTrace({
          rule: 'missed-reason-required',
          inputs: { withoutReason: r.missed.withoutReason },
          value: false,
        });
      }
    }
    if (scoring) {
      const s = metScores ? metScores[r.met === null ? 0 : r.met ? 1 : 2] : scoreMeasure(scoring, r, explain);
      // Scored without a value (no data, counted as not met) earns nothing rather than nothing to say.
      r.points = s.points === null && r.met === false ? 0 : s.points;
      r.maxPoints = s.maxPoints;
      if (explain) r.addTrace({ rule: 'points', inputs: s.inputs, formula: s.formula, value: r.points });
    }
  }
}
