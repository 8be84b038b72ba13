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
  const byNumber = new Map<number, string>();
  for (const c of entity.completedMilestones ?? []) {
    if (!Number.isInteger(c.milestone) || !isKnown(c.milestone)) {
      issues.push({
        entityId: entity.entityId,
        code: 'milestone-unknown',
        message: `milestone ${c.milestone} is not one of this entity's milestones; not paid`,
      });
      continue;
    }
    if (opts.asOf !== undefined && c.completedOn > opts.asOf) continue;
    const prev = byNumber.get(c.milestone);
    if (prev !== undefined) {
      issues.push({
        entityId: entity.entityId,
        code: 'milestone-duplicate',
        message: `milestone ${c.milestone} was reported complete more than once; paid once`,
      });
      if (c.completedOn >= prev) continue;
    }
    byNumber.set(c.milestone, c.completedOn);
  }
  return [...byNumber.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([milestone, completedOn]) => ({ milestone, completedOn }));
}
