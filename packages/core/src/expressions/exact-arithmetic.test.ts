import { describe, expect, it } from 'vitest';
import { checkExpression } from './check-expression.ts';
import { compileExpression } from './compile-expression.ts';
import type { FieldTypes } from './expression-types.ts';
import { interpretExpression } from './interpret-expression.ts';

const FIELDS: FieldTypes = { a: 'number', b: 'number', n: 'number', d: 'number', on: 'date' };

/** The compiled answer, checked equal to the reference interpreter's. */
function run(source: string, record: Record<string, unknown>, type?: 'number' | 'boolean' | 'date'): unknown {
  const compiled = compileExpression(source, FIELDS, type).evaluate(record);
  expect(compiled).toStrictEqual(interpretExpression(source, FIELDS, record, type));
  return compiled;
}

describe('exact arithmetic in expressions', () => {
  it('0.1 + 0.2 == 0.3 (binary floating point says 0.30000000000000004)', () => {
    expect(run('0.1 + 0.2 == 0.3', {})).toBe(true);
    expect(run('0.1 + 0.2', {}, 'number')).toBe(0.3);
    expect(run('a + b == 0.3', { a: 0.1, b: 0.2 })).toBe(true);
    expect(run('a + b <= 0.3 and a + b >= 0.3', { a: 0.1, b: 0.2 })).toBe(true);
  });

  it('a gap from 4.1 to 3.1 is 1 point, which meets "at least 1" (binary: 0.9999999999999996)', () => {
    expect(run('a - b', { a: 4.1, b: 3.1 }, 'number')).toBe(1);
    expect(run('a - b >= 1', { a: 4.1, b: 3.1 })).toBe(true);
  });

  it('a rate of 1/3 against 0.3333 and against 1/3 written as a fraction', () => {
    const third = { n: 1, d: 3 };
    // No decimal holds 1/3: the value is the fraction, not 0.3333333333333333.
    expect(run('n / d', third, 'number')).toEqual({ n: 1n, d: 3n });
    // 1/3 - 0.3333 = 1/3 - 3333/10000 = (10000 - 9999) / 30000 = 1/30000 > 0
    expect(run('n / d >= 0.3333', third)).toBe(true);
    expect(run('n / d <= 0.3333', third)).toBe(false);
    // The same fraction ties: n / d == 1 / 3, and 3 x 1/3 is exactly 1.
    expect(run('n / d == 1 / 3', third)).toBe(true);
    expect(run('n / d >= 1 / 3 and n / d <= 1 / 3', third)).toBe(true);
    expect(run('n / d * 3 == 1', third)).toBe(true);
    // 2/6 is the same number as 1/3.
    expect(run('n / d == 1 / 3', { n: 2, d: 6 })).toBe(true);
    // 33.333... rounded at 2 decimals = 33.33; max(1/3, 0.3333) is 1/3.
    expect(run('round(n / d * 100, 2)', third, 'number')).toBe(33.33);
    expect(run('max(n / d, 0.3333) == n / d', third)).toBe(true);
    expect(run('n / d in [0.3333, 1 / 3]', third)).toBe(true);
  });

  it('exact values in functions: floor(7/2) = 3, addDays by 7/2 days cuts to 3', () => {
    expect(run('floor(n / d)', { n: 7, d: 2 }, 'number')).toBe(3);
    expect(run('ceil(n / d)', { n: 7, d: 3 }, 'number')).toBe(3);
    expect(run("addDays(date('2026-01-01'), n / d)", { n: 7, d: 2 }, 'date')).toBe('2026-01-04');
    expect(run('abs(0 - n / d)', { n: 1, d: 3 }, 'number')).toEqual({ n: 1n, d: 3n });
    expect(run('-(n / d)', { n: 1, d: 3 }, 'number')).toEqual({ n: -1n, d: 3n });
  });

  it('names a division by zero as the cause of a null, and no other null', () => {
    const formula = compileExpression('if(a >= 150, n / d, null)', FIELDS, 'number');
    const record = { a: 200, n: 5, d: 0 };
    expect(formula.evaluate(record)).toBeNull();
    expect(formula.nullCause((f) => record[f as keyof typeof record])).toBe('division-by-zero');
    // The if chose null: an ordinary null, not a mistake in the data.
    const few = { a: 100, n: 5, d: 0 };
    expect(formula.nullCause((f) => few[f as keyof typeof few])).toBeNull();
    // A missing field is an ordinary null too.
    expect(compileExpression('n / d', FIELDS, 'number').nullCause(() => undefined)).toBeNull();
    // Never Infinity or NaN, even from in-memory input: a non-finite number reads as null.
    expect(run('n / d', { n: Number.POSITIVE_INFINITY, d: 2 }, 'number')).toBeNull();
  });

  it('refuses a literal that a number cannot hold as written', () => {
    expect(checkExpression('a >= 0.12345678901234567', FIELDS)).toEqual([
      expect.objectContaining({ code: 'expression-type', position: 5 }),
    ]);
    expect(checkExpression('a >= 0.123456789012345', FIELDS)).toEqual([]);
  });
});
