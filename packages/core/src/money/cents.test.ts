import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { applyRate, centsFromBigint, dollarsToCents, formatCents } from './cents.ts';

describe('cents', () => {
  it('dollarsToCents', () => {
    expect(dollarsToCents('305.00')).toBe(30_500);
    expect(dollarsToCents('61.50')).toBe(6_150);
    expect(dollarsToCents('0.125')).toBe(13); // 12.5 cents, half-up -> 13
    expect(dollarsToCents('0.125', 'half-even')).toBe(12); // tie to even -> 12
    expect(dollarsToCents('-0.125', 'half-up')).toBe(-13);
  });

  it('applyRate rounds once', () => {
    // QWI: 0.5% of $1,000,000.00 capitation = $5,000.00
    expect(applyRate(100_000_000, '0.005', 'half-up')).toBe(500_000);
    // 0.5% of 12,345 cents = 61.725 cents -> 62 half-up, 61 down
    expect(applyRate(12_345, '0.005', 'half-up')).toBe(62);
    expect(applyRate(12_345, '0.005', 'down')).toBe(61);
    // 1.05 x 10,001 = 10,501.05 -> 10,501
    expect(applyRate(10_001, '1.05', 'half-even')).toBe(10_501);
  });

  it('formats and guards the safe range', () => {
    expect(formatCents(28_060_000)).toBe('280600.00');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
    expect(() => centsFromBigint(2n ** 60n)).toThrow(RulebookError);
  });
});
