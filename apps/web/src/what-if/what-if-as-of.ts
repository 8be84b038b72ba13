import { type CompiledRulebook, compileRulebook, defaultAsOf } from '@quip/core';

/**
 * The day a what-if evaluates on: a run's default day for the same rulebook (core's
 * `defaultAsOf`: the fiscal year's last day or the rulebook's last due date, whichever is later),
 * so the what-if, a preview and a default run of one rulebook count the same submissions. Takes
 * the compiled rulebook or its JSON (compiled here; a rulebook that does not compile throws).
 */
export function whatIfAsOf(rulebook: CompiledRulebook | unknown): string {
  return defaultAsOf(isCompiled(rulebook) ? rulebook : compileRulebook(rulebook));
}

function isCompiled(rulebook: unknown): rulebook is CompiledRulebook {
  return (
    typeof rulebook === 'object' && rulebook !== null && 'measureIndex' in rulebook && 'hash' in rulebook
  );
}
