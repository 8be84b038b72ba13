import { describe, expect, it } from 'vitest';
import { describeRunInputs } from './run-inputs.ts';

const inputs = {
  asOf: { from: '2027-07-31', to: '2027-06-30' },
  rulebookVersion: { from: 2, to: 2 },
  rulebookContent: { from: 'abc', to: 'abc' },
  snapshot: { from: 1841, to: 1841 },
};

describe('describeRunInputs', () => {
  it('names the date as changed when only the date differs, never saying "the same" for it', () => {
    expect(describeRunInputs({ inputs, changedInputs: ['asOf'] })).toEqual([
      { input: 'asOf', changed: true, text: 'As-of date changed: 2027-07-31 → 2027-06-30' },
      { input: 'rulebook', changed: false, text: 'Rulebook the same: version 2' },
      { input: 'snapshot', changed: false, text: 'Data the same: submissions up to #1841' },
    ]);
  });

  it('names a new rulebook version and new data', () => {
    const lines = describeRunInputs({
      inputs: { ...inputs, rulebookVersion: { from: 1, to: 2 }, snapshot: { from: 1841, to: 1902 } },
      changedInputs: ['rulebookVersion', 'rulebookContent', 'snapshot'],
    });
    expect(lines.map((l) => [l.input, l.changed, l.text])).toEqual([
      ['asOf', false, 'As-of date the same: 2027-06-30'],
      ['rulebook', true, 'Rulebook changed: version 1 → 2'],
      ['snapshot', true, 'Data changed: submissions up to #1841 → up to #1902'],
    ]);
  });

  it('names changed rulebook content under the same version number', () => {
    const [, rulebook] = describeRunInputs({ inputs, changedInputs: ['rulebookContent'] });
    expect(rulebook).toEqual({
      input: 'rulebook',
      changed: true,
      text: 'Rulebook content changed (both version 2)',
    });
  });
});
