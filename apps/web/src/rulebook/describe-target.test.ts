import { describe, expect, it } from 'vitest';
import { describeAppliesTo, describeTarget } from './describe-target.ts';

describe('describeTarget', () => {
  it('names each kind of target', () => {
    expect(describeTarget({ kind: 'absolute', value: 0.8 })).toBe('≥ 0.8');
    expect(describeTarget({ kind: 'peer-percentile', percentile: 50, direction: 'lower' })).toBe(
      '≤ 50th pct of peers',
    );
    expect(describeTarget(undefined)).toBe('—');
  });
  it('names who a measure applies to', () => {
    expect(describeAppliesTo(undefined)).toBe('all payees');
    expect(describeAppliesTo({ serviceCode: ['950', '952'] })).toBe('serviceCode in 950, 952');
  });
});
