import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { DecimalStringSchema, multiplyDecimal, parseDecimal, toRational } from './decimal.ts';

describe('parseDecimal', () => {
  it('parses exactly into lowest terms', () => {
    expect(parseDecimal('0.005')).toEqual({ n: 1n, d: 200n }); // 5/1000 = 1/200
    expect(parseDecimal('305.00')).toEqual({ n: 305n, d: 1n });
    expect(parseDecimal('-12.50')).toEqual({ n: -25n, d: 2n });
    expect(parseDecimal('1e-7')).toEqual({ n: 1n, d: 10_000_000n });
    expect(parseDecimal('2.5E3')).toEqual({ n: 2500n, d: 1n });
  });

  it('rejects what is not a decimal', () => {
    for (const bad of ['', 'abc', '1,000', '1.', '.5', '0x10', 'NaN']) {
      expect(() => parseDecimal(bad)).toThrow(RulebookError);
    }
  });

  it('reads JS numbers as written, not as their binary value', () => {
    // 0.1 as a double is 0.1000000000000000055...; as written it is 1/10.
    expect(toRational(0.1)).toEqual({ n: 1n, d: 10n });
    expect(toRational(42)).toEqual({ n: 42n, d: 1n });
    expect(() => toRational(Number.NaN)).toThrow(RulebookError);
  });

  it('multiplies exactly', () => {
    // 920 members x $305.00 = 280600 dollars
    expect(multiplyDecimal(920, '305.00')).toEqual({ n: 280_600n, d: 1n });
    // 0.1 x 0.2 = 0.02 exactly (floating point gives 0.020000000000000004)
    expect(multiplyDecimal('0.1', 0.2)).toEqual({ n: 1n, d: 50n });
  });

  it('DecimalStringSchema accepts plain decimals only', () => {
    expect(DecimalStringSchema.safeParse('0.005').success).toBe(true);
    expect(DecimalStringSchema.safeParse('-3').success).toBe(true);
    expect(DecimalStringSchema.safeParse('1e3').success).toBe(false);
    expect(DecimalStringSchema.safeParse('$5').success).toBe(false);
  });
});
