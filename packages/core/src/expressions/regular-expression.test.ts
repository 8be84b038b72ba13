import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile-expression.ts';
import { interpretExpression } from './interpret-expression.ts';
import { compilePattern } from './regular-expression.ts';

const compiled = (source: string) => {
  const result = compilePattern(source);
  if ('problem' in result) throw new Error(result.problem);
  return result.pattern;
};

describe('compilePattern', () => {
  it('compiles RE2 syntax and finds a match anywhere in the input', () => {
    expect(compiled('^[0-9]{5}$').test('94107')).toBe(true);
    expect(compiled('^[0-9]{5}$').test('941070')).toBe(false);
    expect(compiled('@').test('a@b')).toBe(true);
  });

  it('says why a pattern is refused instead of throwing', () => {
    expect(compilePattern('(')).toEqual({ problem: 'error parsing regexp: missing closing ): `(`' });
    // Repeats are bounded (1000), so a pattern cannot ask for a huge program.
    expect(compilePattern('a{1001}')).toEqual({
      problem: 'error parsing regexp: invalid repeat count: `{1001}`',
    });
  });

  it('matches catastrophic-backtracking patterns in linear time', () => {
    // A backtracking engine takes about 2^n steps for (a+)+$ on n a's followed by a mismatch;
    // n = 100,000 would never finish. RE2 scans the input once.
    const input = `${'a'.repeat(100_000)}!`;
    for (const source of ['(a+)+$', '^(a|a)*$', '(a*)*b', '^(a|aa)+$']) {
      const started = performance.now();
      expect(compiled(source).test(input)).toBe(false);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('keeps the whole expression prompt on a pathological pattern, compiled and interpreted', () => {
    const fields = { s: 'string' } as const;
    const source = "matches(s, '^(a+)+$')";
    const record = { s: `${'a'.repeat(50_000)}b` };
    const started = performance.now();
    expect(compileExpression(source, fields).evaluate(record)).toBe(false);
    expect(interpretExpression(source, fields, record)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
