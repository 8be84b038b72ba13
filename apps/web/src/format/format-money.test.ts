import { describe, expect, it } from 'vitest';
import { formatChange, formatDollars, formatUsd } from './format-money.ts';

describe('formatDollars', () => {
  it('rounds cents to whole dollars with separators', () => {
    // 29,000,000 c = $290,000; 19,889,750 c = $198,897.50 -> $198,898 (half away from zero).
    expect(formatDollars(29_000_000)).toBe('$290,000');
    expect(formatDollars(19_889_750)).toBe('$198,898');
    expect(formatDollars(-500)).toBe('-$5');
  });

  it('signs a change', () => {
    expect(formatChange(1_200_000)).toBe('+$12,000');
    expect(formatChange(-500)).toBe('-$5');
    expect(formatChange(0)).toBe('no change');
    // 3,108,694 c -> 1,554,347 c: -1,554,347 c = -$15,543.47 exactly.
    expect(formatChange(1_554_347 - 3_108_694, true)).toBe('-$15,543.47');
  });
});

describe('formatUsd', () => {
  it('writes exact cents', () => {
    // 19,889,700 c = $198,897.00; 1,234,567 c = $12,345.67; -5 c = -$0.05.
    expect(formatUsd(19_889_700)).toBe('$198,897.00');
    expect(formatUsd(1_234_567)).toBe('$12,345.67');
    expect(formatUsd(-5)).toBe('-$0.05');
  });
});
