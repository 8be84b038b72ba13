import type { ComputeKind } from './measure-context.ts';
import { type StratumCounts, stratumGroupOf, stratumResult } from './strata.ts';

/**
 * A rate over person-level records. For each record: not eligible (denominator false) -> skipped;
 * eligible and an exclusion holds -> counted under the first matching exclusion's reason;
 * otherwise in the denominator, and in the numerator when the numerator holds; a miss is counted
 * by the reason its missed-reason field gives, or as a miss without a reason.
 * value = numerator / denominator x per; a denominator below minDenominator (or 0) is not scored.
 */
export const computeRateRecords: ComputeKind<'rate-records'> = (measure, compute, slice, _ctx, result) => {
  const { reader, order, start, end } = slice;
  const exclusions = compute.exclusions;
  const excluded: Record<string, number> | undefined = exclusions.length > 0 ? {} : undefined;
  if (excluded) for (const e of exclusions) excluded[e.reason] = 0;
  const byReason: Record<string, number> = {};
  let withoutReason = 0;
  const strata = measure.strata;
  const counts: StratumCounts[] | null = strata.length > 0 ? strata.map(() => new Map()) : null;

  let numerator = 0;
  let denominator = 0;
  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    if (compute.denominator !== null && reader.evaluate(compute.denominator, i) !== true) continue;
    let reason: string | null = null;
    for (let x = 0; x < exclusions.length; x++) {
      const exclusion = exclusions[x] as (typeof exclusions)[number];
      if (reader.evaluate(exclusion.when, i) === true) {
        reason = exclusion.reason;
        break;
      }
    }
    if (reason !== null) {
      (excluded as Record<string, number>)[reason] = ((excluded as Record<string, number>)[reason] ?? 0) + 1;
      continue;
    }
    denominator++;
    const hit = reader.evaluate(compute.numerator, i) === true;
    if (hit) numerator++;
    else if (compute.missedReasonField !== null) {
      const why = reader.field(compute.missedReasonField, i);
      if (why === undefined || why === null || why === '') withoutReason++;
      else {
        const key = String(why);
        byReason[key] = (byReason[key] ?? 0) + 1;
      }
    }
    if (counts) {
      for (let s = 0; s < counts.length; s++) {
        const group = stratumGroupOf(strata[s] as (typeof strata)[number], reader, i);
        const map = counts[s] as StratumCounts;
        const c = map.get(group);
        if (c) {
          c[0] += hit ? 1 : 0;
          c[1]++;
        } else map.set(group, [hit ? 1 : 0, 1]);
      }
    }
  }

  result.records = end - start;
  result.numerator = numerator;
  result.denominator = denominator;
  result.exclusions = excluded;
  if (compute.missedReasonField !== null) result.missed = { byReason, withoutReason };
  if (counts) {
    result.strata = strata.map((s, n) =>
      stratumResult(s, counts[n] as StratumCounts, compute.per, measure.direction),
    );
  }
  if (denominator === 0) result.notScored('no eligible records (denominator 0)');
  else if (denominator < measure.minDenominator) {
    result.notScored(`denominator ${denominator} is below the minimum of ${measure.minDenominator}`);
  } else result.setRate(numerator, denominator, compute.per);
};
