import { isIsoDate } from '../rulebook/iso-date.ts';
import type { ComputeKind } from './measure-context.ts';

/**
 * Completed milestones (EPT: `{"milestone": 3, "completedOn": "2026-09-30"}`): a record counts
 * when its milestone is a whole number >= 1 and it was completed on a real day no later than the
 * measure's `by` date and the evaluation date. value = milestones counted; met = at least
 * minCompleted. The list (by milestone number) feeds milestone payments.
 */
export const computeMilestones: ComputeKind<'milestone'> = (_measure, compute, slice, ctx, result) => {
  const { reader, order, start, end } = slice;
  const until = compute.by !== null && compute.by < ctx.asOf ? compute.by : ctx.asOf;
  const done: { milestone: number; completedOn: string }[] = [];
  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    const milestone = reader.field(compute.milestoneField, i);
    const completedOn = reader.field(compute.dateField, i);
    if (typeof milestone !== 'number' || !Number.isInteger(milestone) || milestone < 1) continue;
    if (!isIsoDate(completedOn) || completedOn > until) continue;
    done.push({ milestone, completedOn });
  }
  done.sort((a, b) => a.milestone - b.milestone);
  result.records = end - start;
  result.milestones = done;
  result.value = done.length;
  result.met = done.length >= compute.minCompleted;
};
