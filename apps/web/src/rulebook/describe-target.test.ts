import { describe, expect, it } from 'vitest';
import { describeAppliesTo } from './describe-target.ts';

describe('describeAppliesTo', () => {
  it('names who a measure applies to', () => {
    expect(describeAppliesTo(undefined)).toBe('all payees');
    expect(describeAppliesTo({ serviceCode: ['950', '952'] })).toBe('serviceCode in 950, 952');
  });
});
