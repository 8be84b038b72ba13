import { describe, expect, it } from 'vitest';
import { cloneOutcomeText } from './clone-outcome-text.ts';

const base = { fiscalYear: '2027-28', source: '2026-27' };
const cloned = {
  program: 'dds-qip',
  revision: 1,
  contentHash: 'x',
  fromVersion: 2,
  shifted: [],
  unshifted: [],
};

describe('cloneOutcomeText', () => {
  it('gives the reason for each program skipped when nothing was cloned', () => {
    expect(
      cloneOutcomeText({
        ...base,
        cloned: [],
        skipped: [
          { program: 'dds-qip', reason: 'already-has-rulebook' },
          { program: 'dhcs-ept', reason: 'no-published-rulebook' },
        ],
      }),
    ).toBe(
      'Cloned 0 rulebooks into 2027-28: dds-qip already has a rulebook in 2027-28; dhcs-ept has no published rulebook in 2026-27.',
    );
  });

  it('says what was cloned and what was skipped, and why nothing could be', () => {
    expect(
      cloneOutcomeText({
        ...base,
        cloned: [cloned],
        skipped: [{ program: 'dhcs-ept', reason: 'no-published-rulebook' }],
      }),
    ).toBe(
      'Cloned 1 rulebook into 2027-28 as drafts; skipped: dhcs-ept has no published rulebook in 2026-27.',
    );
    expect(cloneOutcomeText({ ...base, cloned: [], skipped: [] })).toBe(
      'Cloned 0 rulebooks into 2027-28: no program of 2026-27 has a rulebook to clone.',
    );
  });
});
