import type { RunDiff } from '../api/resources.ts';

/** One input of a comparison: what it is, whether it differs, and a sentence saying so. */
export interface InputLine {
  input: 'asOf' | 'rulebook' | 'snapshot';
  changed: boolean;
  text: string;
}

/**
 * The inputs of two compared runs in words, every one named whether it changed or not: the
 * as-of date, the rulebook (version, and content when only that differs), the data snapshot.
 */
export function describeRunInputs(diff: Pick<RunDiff, 'inputs' | 'changedInputs'>): InputLine[] {
  const { asOf, rulebookVersion, snapshot } = diff.inputs;
  const changed = new Set(diff.changedInputs);
  const rulebook: InputLine = changed.has('rulebookVersion')
    ? {
        input: 'rulebook',
        changed: true,
        text: `Rulebook changed: version ${rulebookVersion.from} → ${rulebookVersion.to}`,
      }
    : changed.has('rulebookContent')
      ? {
          input: 'rulebook',
          changed: true,
          text: `Rulebook content changed (both version ${rulebookVersion.to})`,
        }
      : { input: 'rulebook', changed: false, text: `Rulebook the same: version ${rulebookVersion.to}` };
  return [
    changed.has('asOf')
      ? { input: 'asOf', changed: true, text: `As-of date changed: ${asOf.from} → ${asOf.to}` }
      : { input: 'asOf', changed: false, text: `As-of date the same: ${asOf.to}` },
    rulebook,
    changed.has('snapshot')
      ? {
          input: 'snapshot',
          changed: true,
          text: `Data changed: submissions up to #${snapshot.from} → up to #${snapshot.to}`,
        }
      : { input: 'snapshot', changed: false, text: `Data the same: submissions up to #${snapshot.to}` },
  ];
}
