import type { TargetSpec } from '../targets/target-spec.ts';
import { formatCount } from './format-dollars.ts';
import { formatValue, type MeasureUnit, shortDecimal } from './measure-unit.ts';

/** 1 -> '1st', 2 -> '2nd', 11 -> '11th', 50 -> '50th', 22.5 -> '22.5th'. */
export function ordinal(n: number): string {
  if (!Number.isInteger(n)) return `${shortDecimal(n)}th`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export interface TargetFacts {
  /** How many payees' values the population percentile was taken over, when known. */
  peers?: number | undefined;
  /** The payee's own baseline (improvement targets). */
  baseline?: number | null | undefined;
}

/**
 * Where a target (or a floor) came from, in plain words, ending with its value:
 * 'fixed at 80%', '50th percentile of 31 peers = 62.5%', 'your baseline 40% plus 10% of
 * the gap to the goal 60% = 42%'.
 */
export function describeTarget(
  spec: TargetSpec,
  value: number,
  unit: MeasureUnit,
  facts: TargetFacts,
): string {
  const shown = formatValue(unit, value);
  switch (spec.kind) {
    case 'absolute':
      return `fixed at ${shown}`;
    case 'peer-percentile': {
      const of =
        facts.peers === undefined
          ? 'peers'
          : `${formatCount(facts.peers)} peer${facts.peers === 1 ? '' : 's'}`;
      return `${ordinal(spec.percentile)} percentile of ${of} = ${shown}`;
    }
    case 'baseline-percentile': {
      const of = spec.distribution
        ? `the published distribution (${formatCount(spec.distribution.length)} values)`
        : "the peers' baseline values";
      return `${ordinal(spec.percentile)} percentile of ${of} = ${shown}`;
    }
    case 'improvement': {
      const gap = `${shortDecimal(Number(spec.gapClosed) * 100)}%`;
      const goal =
        typeof spec.goal === 'number'
          ? `the goal ${formatValue(unit, spec.goal)}`
          : `the goal (${ordinal(spec.goal.peerPercentile)} percentile of ${
              facts.peers === undefined ? 'peers' : `${formatCount(facts.peers)} peers`
            })`;
      const baseline = facts.baseline;
      if (baseline === null || baseline === undefined) return `${gap} of the gap to ${goal} = ${shown}`;
      if (typeof spec.goal === 'number' && value === spec.goal)
        return `your baseline ${formatValue(unit, baseline)} already meets ${goal}, so the target is the goal, ${shown}`;
      return `your baseline ${formatValue(unit, baseline)} plus ${gap} of the gap to ${goal} = ${shown}`;
    }
  }
}
