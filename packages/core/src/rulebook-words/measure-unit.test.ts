import { describe, expect, it } from 'vitest';
import {
  describeTarget,
  formatMeasureValue,
  fromTyped,
  measureUnit,
  ordinal,
  toTyped,
  typedTargetWarning,
} from './measure-unit.ts';

const rate = { compute: { kind: 'rate-counts', numeratorField: 'a', denominatorField: 'b' } };
const per1000 = { compute: { kind: 'rate-records', numerator: 'x', per: 1000 } };
const value = { compute: { kind: 'value', field: 'x' } };

describe('measure units', () => {
  it('shows a rate as a percent, a rate per N per N, and a value as a number', () => {
    expect(measureUnit(rate)).toEqual({ kind: 'percent' });
    expect(measureUnit(per1000)).toEqual({ kind: 'per', per: 1000 });
    expect(measureUnit(value)).toEqual({ kind: 'number' });
    expect(formatMeasureValue(0.6, measureUnit(rate))).toBe('60%');
    expect(formatMeasureValue(12.5, measureUnit(per1000))).toBe('12.5 per 1,000');
    expect(formatMeasureValue(1234, measureUnit(value))).toBe('1,234');
  });

  it('types a rate target as a percent and stores the fraction, without float noise', () => {
    const unit = measureUnit(rate);
    expect(fromTyped(60, unit)).toBe(0.6);
    expect(fromTyped(7, unit)).toBe(0.07);
    expect(toTyped(0.07, unit)).toBe(7);
    expect(toTyped(0.575, unit)).toBe(57.5);
    expect(fromTyped(12, measureUnit(per1000))).toBe(12);
  });

  it('warns when a typed percent looks like a fraction, or is beyond 100%', () => {
    const unit = measureUnit(rate);
    expect(typedTargetWarning(0.6, unit)).toBe('0.6 means 0.6%; type the percent itself (60 for 60%)');
    expect(typedTargetWarning(6000, unit)).toBe('6,000% is above 100%: no rate can reach it');
    expect(typedTargetWarning(60, unit)).toBeNull();
    expect(typedTargetWarning(0.6, measureUnit(value))).toBeNull();
  });

  it('says targets in words in the unit of the measure', () => {
    const unit = measureUnit(rate);
    expect(describeTarget({ kind: 'absolute', value: 0.6 }, unit)).toBe('at least 60%');
    expect(describeTarget({ kind: 'absolute', value: 0.1, direction: 'lower' }, unit)).toBe('at most 10%');
    expect(describeTarget({ kind: 'peer-percentile', percentile: 75 }, unit)).toBe(
      '75th percentile of peers',
    );
    expect(describeTarget({ kind: 'improvement', goal: 0.8 }, unit)).toBe(
      'close 10% of the gap between its baseline and 80%',
    );
    expect(describeTarget(undefined, unit)).toBe('no target');
    expect([1, 2, 3, 11, 12, 13, 21, 22, 50].map(ordinal).join(' ')).toBe(
      '1st 2nd 3rd 11th 12th 13th 21st 22nd 50th',
    );
  });
});
