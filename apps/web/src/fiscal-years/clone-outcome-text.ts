import type { components } from '../api/openapi-types.gen.ts';

type CloneOutcome = components['schemas']['CloneOutcome'];

const REASONS: Record<CloneOutcome['skipped'][number]['reason'], (o: CloneOutcome) => string> = {
  'already-has-rulebook': (o) => `already has a rulebook in ${o.fiscalYear}`,
  'no-published-rulebook': (o) => `has no published rulebook in ${o.source}`,
};

/**
 * What a clone did, in words, with the reason for every program it skipped: "Cloned 0 rulebooks
 * into 2027-28: dds-qip already has a rulebook in 2027-28; dhcs-ept has no published rulebook in 2026-27."
 */
export function cloneOutcomeText(outcome: CloneOutcome): string {
  const n = outcome.cloned.length;
  const head = `Cloned ${n} rulebook${n === 1 ? '' : 's'} into ${outcome.fiscalYear}${n > 0 ? ' as drafts' : ''}`;
  if (outcome.skipped.length === 0)
    return n > 0 ? `${head}.` : `${head}: no program of ${outcome.source} has a rulebook to clone.`;
  const why = outcome.skipped.map((s) => `${s.program} ${REASONS[s.reason](outcome)}`).join('; ');
  return `${head}${n > 0 ? '; skipped' : ''}: ${why}.`;
}
