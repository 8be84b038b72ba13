import { parseDecimal } from '../money/decimal.ts';
import { type ExactNumber, exactOf, exactToNumber, formatExact, rationalOf } from '../money/exact-number.ts';
import { add, div, mul, type Rational, sub } from '../money/rational.ts';
import { meetsTarget } from './meets-target.ts';
import { percentileIncExact } from './percentile-inc.ts';
import type { Direction, TargetSpec } from './target-spec.ts';

/** What a target may depend on: the population (once per measure) and the entity (its own baseline). */
export interface TargetPopulation {
  /** This year's values of the measure for every scored peer entity. */
  peerValues?: ArrayLike<number>;
  /** The exact value of peerValues[i] where it differs from the double (see MeasureResult.exact); undefined: the number is exact. */
  peerExact?: (i: number) => ExactNumber | undefined;
  /** The peers' baseline-year values (for baseline-percentile without a written distribution). */
  baselineValues?: ArrayLike<number>;
  /** The exact value of baselineValues[i], likewise. */
  baselineExact?: (i: number) => ExactNumber | undefined;
}
export interface TargetEntity {
  /** The entity's own baseline value (for improvement targets), the nearest double. */
  baseline?: number | null;
  /** The exact baseline, when `baseline` may not hold it exactly (a MeasureResult's exactBaseline). */
  exactBaseline?: () => ExactNumber | null;
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
      /** The nearest double of `exact`, for display. */
      value: number;
      /** The target exactly: what a value is compared with. */
      exact: ExactNumber;
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

const HUNDRED: Rational = { n: 100n, d: 1n };

/** The PERCENTILE.INC argument for a human percentile counted in the better direction, exactly. */
function incArg(percentile: number, direction: Direction): Rational {
  const p = rationalOf(percentile);
  return div(direction === 'lower' ? sub(HUNDRED, p) : p, HUNDRED);
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
          ? { ok: true, kind, value, exact: value, direction, formula: 'fixed value', inputs: { value } }
          : { ok: true, kind, value, exact: value, direction };
    }
    case 'peer-percentile':
    case 'baseline-percentile': {
      const peers = spec.kind === 'peer-percentile';
      const source = peers ? population.peerValues : (spec.distribution ?? population.baselineValues);
      const exacts = peers ? population.peerExact : spec.distribution ? undefined : population.baselineExact;
      const p = incArg(spec.percentile, direction);
      const exact = source ? percentileIncExact(source, p, exacts) : null;
      if (exact === null) {
        return peers
          ? fail('no-peer-values', 'no peer values to take a percentile of')
          : fail('no-baseline-values', 'no baseline distribution to take a percentile of');
      }
      const value = exactToNumber(exact);
      const name = peers ? 'peers' : spec.distribution ? 'distribution' : 'baselinePeers';
      return (_e, explain) =>
        explain
          ? {
              ok: true,
              kind,
              value,
              exact,
              direction,
              formula: `PERCENTILE.INC(${name}, ${formatExact(exactOf(p))})`,
              inputs: {
                percentile: spec.percentile,
                count: source?.length ?? 0,
                ...(typeof exact === 'number' ? {} : { exact: formatExact(exact) }),
              },
            }
          : { ok: true, kind, value, exact, direction };
    }
    case 'improvement': {
      let goal: ExactNumber;
      if (typeof spec.goal === 'number') goal = spec.goal;
      else {
        const g = population.peerValues
          ? percentileIncExact(
              population.peerValues,
              incArg(spec.goal.peerPercentile, direction),
              population.peerExact,
            )
          : null;
        if (g === null) return fail('no-peer-values', 'no peer values for the improvement goal percentile');
        goal = g;
      }
      const gap = parseDecimal(spec.gapClosed);
      const goalQ = rationalOf(goal);
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
        // Exact: baseline + gapClosed * (goal - baseline), from the exact baseline.
        const exactBaseline = entity.exactBaseline?.() ?? baseline;
        const atGoal = meetsTarget(exactBaseline, goal, direction);
        const b = rationalOf(exactBaseline);
        const exact = atGoal ? goal : exactOf(add(b, mul(gap, sub(goalQ, b))));
        const value = exactToNumber(exact);
        if (!explain) return { ok: true, kind, value, exact, direction };
        return {
          ok: true,
          kind,
          value,
          exact,
          direction,
          formula: atGoal
            ? 'baseline already meets goal: target = goal'
            : 'baseline + gapClosed * (goal - baseline)',
          inputs: { baseline, goal: exactToNumber(goal), gapClosed: spec.gapClosed },
        };
      };
    }
  }
}

/** Resolves one target for one entity (see prepareTarget for bulk use). */
export function resolveTarget(spec: TargetSpec, ctx: TargetContext): ResolvedTarget {
  return prepareTarget(spec, ctx)(ctx, ctx.explain ?? false);
}
