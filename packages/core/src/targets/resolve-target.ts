import { parseDecimal, toRational } from '../money/decimal.ts';
import { add, mul, sub, toNumber } from '../money/rational.ts';
import { meetsTarget } from './meets-target.ts';
import { percentileInc } from './percentile-inc.ts';
import type { Direction, TargetSpec } from './target-spec.ts';

/** What a target may depend on: the population (once per measure) and the entity (its own baseline). */
export interface TargetPopulation {
  /** This year's values of the measure for every scored peer entity. */
  peerValues?: ArrayLike<number>;
  /** The peers' baseline-year values (for baseline-percentile without a written distribution). */
  baselineValues?: ArrayLike<number>;
}
export interface TargetEntity {
  /** The entity's own baseline value (for improvement targets). */
  baseline?: number | null;
}
export interface TargetContext extends TargetPopulation, TargetEntity {
  /** Build `formula` and `inputs` for the explanation trace (skip in bulk runs). */
  explain?: boolean;
}

export type TargetUnresolvedReason = 'no-peer-values' | 'no-baseline-values' | 'no-baseline';

export type ResolvedTarget =
  | {
      ok: true;
      kind: TargetSpec['kind'];
      value: number;
      direction: Direction;
      /** Only when explain: how the value was found, e.g. 'PERCENTILE.INC(peers, 0.5)'. */
      formula?: string;
      inputs?: Record<string, unknown>;
    }
  | {
      ok: false;
      kind: TargetSpec['kind'];
      direction: Direction;
      reason: TargetUnresolvedReason;
      message: string;
    };

/** The PERCENTILE.INC argument for a human percentile counted in the better direction. */
function incArg(percentile: number, direction: Direction): number {
  // (100 - p) / 100 rather than 1 - p / 100: 1 - 0.9 is 0.09999999999999998 in floating point.
  return direction === 'lower' ? (100 - percentile) / 100 : percentile / 100;
}

/**
 * Prepares a target once per measure: the population part (a peer or baseline percentile, computed
 * once by selection) is resolved here, and the returned function only adds the entity's part
 * (its baseline, for improvement). Use this in bulk runs; resolveTarget is the one-off form.
 */
export function prepareTarget(
  spec: TargetSpec,
  population: TargetPopulation,
): (entity: TargetEntity, explain?: boolean) => ResolvedTarget {
  const { kind, direction } = spec;
  const fail = (reason: TargetUnresolvedReason, message: string) => {
    const r: ResolvedTarget = { ok: false, kind, direction, reason, message };
    return () => r;
  };
  switch (spec.kind) {
    case 'absolute': {
      const value = spec.value;
      return (_e, explain) =>
        explain
          ? { ok: true, kind, value, direction, formula: 'fixed value', inputs: { value } }
          : { ok: true, kind, value, direction };
    }
    case 'peer-percentile':
    case 'baseline-percentile': {
      const source =
        spec.kind === 'peer-percentile'
          ? population.peerValues
          : (spec.distribution ?? population.baselineValues);
      const p = incArg(spec.percentile, direction);
      const value = source ? percentileInc(source, p) : null;
      if (value === null) {
        return spec.kind === 'peer-percentile'
          ? fail('no-peer-values', 'no peer values to take a percentile of')
          : fail('no-baseline-values', 'no baseline distribution to take a percentile of');
      }
      const name =
        spec.kind === 'peer-percentile' ? 'peers' : spec.distribution ? 'distribution' : 'baselinePeers';
      return (_e, explain) =>
        explain
          ? {
              ok: true,
              kind,
              value,
              direction,
              formula: `PERCENTILE.INC(${name}, ${p})`,
              inputs: { percentile: spec.percentile, count: source?.length ?? 0 },
            }
          : { ok: true, kind, value, direction };
    }
    case 'improvement': {
      let goal: number;
      if (typeof spec.goal === 'number') goal = spec.goal;
      else {
        const g = population.peerValues
          ? percentileInc(population.peerValues, incArg(spec.goal.peerPercentile, direction))
          : null;
        if (g === null) return fail('no-peer-values', 'no peer values for the improvement goal percentile');
        goal = g;
      }
      const gap = parseDecimal(spec.gapClosed);
      const goalQ = toRational(goal);
      return (entity, explain) => {
        const baseline = entity.baseline;
        if (baseline === null || baseline === undefined || !Number.isFinite(baseline)) {
          return {
            ok: false,
            kind,
            direction,
            reason: 'no-baseline',
            message: 'no baseline value for an improvement target',
          };
        }
        // Exact: baseline + gapClosed * (goal - baseline), rounded to a double once.
        const atGoal = meetsTarget(baseline, goal, direction);
        const b = toRational(baseline);
        const value = atGoal ? goal : toNumber(add(b, mul(gap, sub(goalQ, b))));
        if (!explain) return { ok: true, kind, value, direction };
        return {
          ok: true,
          kind,
          value,
          direction,
          formula: atGoal
            ? 'baseline already meets goal: target = goal'
            : 'baseline + gapClosed * (goal - baseline)',
          inputs: { baseline, goal, gapClosed: spec.gapClosed },
        };
      };
    }
  }
}

/** Resolves one target for one entity (see prepareTarget for bulk use). */
export function resolveTarget(spec: TargetSpec, ctx: TargetContext): ResolvedTarget {
  return prepareTarget(spec, ctx)(ctx, ctx.explain ?? false);
}
