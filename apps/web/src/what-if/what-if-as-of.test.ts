import { describe, expect, it } from 'vitest';
import { whatIfAsOf } from './what-if-as-of.ts';

describe('whatIfAsOf', () => {
  it('takes the newest submission date when it is after today', () => {
    expect(whatIfAsOf([{ submittedOn: '2027-02-01' }, { submittedOn: '2027-07-15' }, {}], '2026-11-23')).toBe(
      '2027-07-15',
    );
  });
  it('keeps today when every submission is older', () => {
    expect(whatIfAsOf([{ submittedOn: '2026-01-01' }, { submittedOn: null }], '2026-11-23')).toBe(
      '2026-11-23',
    );
  });
});
