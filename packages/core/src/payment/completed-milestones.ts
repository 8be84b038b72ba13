import type { ComputeOptions, EntityOutcome, PaymentIssue } from './payment.ts';

/**
 * An entity's completed milestones that count: numbered 1..count (others are an issue), completed
 * on or before opts.asOf when given, each once (a repeat is an issue; the earliest completion
 * counts). Sorted by milestone number.
 */
export function completedMilestones(
  entity: EntityOutcome,
  isKnown: (milestone: number) => boolean,
  opts: ComputeOptions,
  issues: PaymentIssue[],
): { milestone: number; completedOn: string }[] {
  const list = entity.completedMilestones;
  if (!list || list.length === 0) return [];
  const kept: { milestone: number; completedOn: string }[] = [];
  for (const c of list) {
    if (!Number.isInteger(c.milestone) || !isKnown(c.milestone)) {
      issues.push({
        entityId: entity.entityId,
        code: 'milestone-unknown',
        message: `milestone ${c.milestone} is not one of this entity's milestones; not paid`,
      });
      continue;
    }
    if (opts.asOf !== undefined && c.completedOn > opts.asOf) continue;
    kept.push(c);
  }
  // By number, earliest completion first, so the first of a repeated milestone is the one kept.
  kept.sort(
    (a, b) =>
      a.milestone - b.milestone ||
      (a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0),
  );
  const out: { milestone: number; completedOn: string }[] = [];
  for (const c of kept) {
    const last = out[out.length - 1];
    if (last && last.milestone === c.milestone) {
      issues.push({
        entityId: entity.entityId,
        code: 'milestone-duplicate',
        message: `milestone ${c.milestone} was reported complete more than once; paid once`,
      });
      continue;
    }
    out.push({ milestone: c.milestone, completedOn: c.completedOn });
  }
  return out;
}
