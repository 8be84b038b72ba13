import { describe, expect, it } from 'vitest';
import { type ExpressionLiteral, mapExpressionLiterals } from './map-expression-literals.ts';

describe('mapExpressionLiterals', () => {
  it('shows each literal with its place and rewrites only those given a new value', () => {
    const seen: ExpressionLiteral[] = [];
    const source = `a >= date('2026-07-01') and n == 2026 and  b == "x"`;
    const out = mapExpressionLiterals(source, (literal) => {
      seen.push(literal);
      return literal.text === '2026-07-01' ? '2027-07-01' : undefined;
    });
    // every other character, the double space included, is as written
    expect(out).toBe(`a >= date('2027-07-01') and n == 2026 and  b == "x"`);
    expect(seen).toEqual([
      // "a >= date(" is 10 characters: the quote at 10, the text at 11, the closing quote at 21
      { kind: 'string', text: '2026-07-01', pos: 10, end: 22, textPos: 11 },
      // "a >= date('2026-07-01') and n == " is 33 characters
      { kind: 'number', text: '2026', pos: 33, end: 37, textPos: 33 },
      { kind: 'string', text: 'x', pos: 48, end: 51, textPos: 49 },
    ]);
  });

  it('writes a new string with the literal own quote and escapes, and has no text position after an escape', () => {
    const source = `contains(s, 'it\\'s') or contains(s, "say \\"hi\\"")`;
    const seen: (number | null)[] = [];
    const out = mapExpressionLiterals(source, (literal) => {
      seen.push(literal.textPos);
      return literal.kind === 'string' ? `${literal.text}\n'"\\` : undefined;
    });
    expect(out).toBe(`contains(s, 'it\\'s\\n\\'"\\\\') or contains(s, "say \\"hi\\"\\n'\\"\\\\")`);
    expect(seen).toEqual([null, null]);
  });

  it('rewrites numbers only with digits, and refuses what does not tokenize', () => {
    expect(mapExpressionLiterals('n == 2026', () => '2027')).toBe('n == 2027');
    expect(() => mapExpressionLiterals('n == 2026', () => '-1')).toThrow('not a number literal: -1');
    expect(() => mapExpressionLiterals('a && b', () => undefined)).toThrow("use 'and' instead of '&&'");
  });
});
