import { describe, expect, it } from 'vitest';
import { formatCount, formatDollars } from './format-dollars.ts';

describe('formatDollars', () => {
  it('writes dollars with cents and thousands separators', () => {
    expect(formatDollars(1122400)).toBe('$11,224.00');
    expect(formatDollars(20005555556)).toBe('$200,055,555.56');
    expect(formatDollars(0)).toBe('$0.00');
    expect(formatDollars(5)).toBe('$0.05');
    expect(formatDollars(99999)).toBe('$999.99');
    expect(formatDollars(100000)).toBe('$1,000.00');
  });
  it('puts the sign before the dollar sign', () => {
    expect(formatDollars(-5000000)).toBe('-$50,000.00');
    expect(formatDollars(-5)).toBe('-$0.05');
  });
});

describe('formatCount', () => {
  it('groups whole numbers by thousands', () => {
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(-1234567)).toBe('-1,234,567');
    expect(formatCount(2.5)).toBe('2.5');
  });
});
