import { describe, expect, it } from 'vitest';
import { formatChange, formatWholeDollars } from './format-money.ts';

describe('formatWholeDollars', () => {
  it('rounds cents to whole dollars with separators', () => {
    // 29,000,000 c = $290,000; 19,889,750 c = $198,897.50 -> $198,898 (half away from zero).
    expect(formatWholeDollars(29_000_000)).toBe('$290,000');
    expect(formatWholeDollars(19_889_750)).toBe('$198,898');
    expect(formatWholeDollars(-500)).toBe('-$5');
  });

  it('signs a change', () => {
    expect(formatChange(1_200_000)).toBe('+$12,000');
    expect(formatChange(-500)).toBe('-$5');
    expect(formatChange(0)).toBe('no change');
    // 3,108,694 c -> 1,554,347 c: -1,554,347 c = -$15,543.47 exactly.
    expect(formatChange(1_554_347 - 3_108_694, true)).toBe('-$15,543.47');
  });
});
