import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal.ts';
import { type RoundingMode, roundRational } from './rounding-mode.ts';

const r = (s: string, mode: RoundingMode) => roundRational(parseDecimal(s), mode);

describe('roundRational', () => {
  it('rounds ties by each mode', () => {
    // 2.5 lies exactly between 2 and 3; -2.5 between -3 and -2.
    expect(r('2.5', 'half-up')).toBe(3n);
    expect(r('-2.5', 'half-up')).toBe(-3n);
    expect(r('2.5', 'half-even')).toBe(2n);
    expect(r('3.5', 'half-even')).toBe(4n);
    expect(r('-2.5', 'half-even')).toBe(-2n);
    expect(r('2.5', 'down')).toBe(2n);
    expect(r('2.5', 'up')).toBe(3n);
  });

  it('rounds non-ties by each mode', () => {
    expect(r('2.4', 'half-up')).toBe(2n);
    expect(r('2.6', 'half-even')).toBe(3n);
    expect(r('2.9', 'down')).toBe(2n);
    expect(r('-2.9', 'down')).toBe(-2n);
    expect(r('2.1', 'up')).toBe(3n);
    expect(r('-2.1', 'up')).toBe(-3n);
    expect(r('-2.1', 'floor')).toBe(-3n);
    expect(r('2.9', 'floor')).toBe(2n);
    expect(r('-2.9', 'ceiling')).toBe(-2n);
    expect(r('2.1', 'ceiling')).toBe(3n);
  });

  it('leaves integers alone in every mode', () => {
    for (const m of ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'] as const) {
      expect(r('-7', m)).toBe(-7n);
      expect(r('305.00', m)).toBe(305n);
    }
  });
});
