import { type CompiledRulebook, compileRulebook, defaultAsOf } from '@quip/core';

/**
 * The day a what-if evaluates on: a run's default day for the same rulebook (core's
 * `defaultAsOf`: the fiscal year's last day or the rulebook's last due date, whichever is later),
 * so the what-if, a preview and a default run of one rulebook count the same submissions. Takes
 * the compiled rulebook or its JSON (compiled here; a rulebook that does not compile throws).
 */
export function whatIfAsOf(rulebook: CompiledRulebook | unknown): string;
/**
 * @deprecated The latest of today and the newest submission date: the what-if's old day, which
 * differs from a run's. Pass the rulebook instead; kept only until every caller does.
 */
export function whatIfAsOf(submissions: readonly { submittedOn?: string | null }[], today: string): string;
export function whatIfAsOf(first: unknown, today?: string): string {
  if (today !== undefined) {
    let latest = today;
    for (const s of first as readonly { submittedOn?: string | null }[])
      if (s.submittedOn && s.submittedOn > latest) latest = s.submittedOn;
    return latest;
  }
  return defaultAsOf(isCompiled(first) ? first : compileRulebook(first));
}

function isCompiled(rulebook: unknown): rulebook is CompiledRulebook {
  return (
    typeof rulebook === 'object' && rulebook !== null && 'measureIndex' in rulebook && 'hash' in rulebook
  );
}
