import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import type { ExprNode } from './expression-ast.ts';
import { parseExpression } from './parse-expression.ts';

/** Fully parenthesised form of a tree, to see how the parser grouped it. */
function show(node: ExprNode): string {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'string' ? `'${node.value}'` : String(node.value);
    case 'field':
      return node.name;
    case 'list':
      return `[${node.items.map(show).join(', ')}]`;
    case 'unary':
      return `(${node.op === 'not' ? 'not ' : '-'}${show(node.operand)})`;
    case 'binary':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
  }
}

const grouped = (source: string) => show(parseExpression(source));

function syntaxIssue(source: string) {
  try {
    parseExpression(source);
  } catch (error) {
    expect(error).toBeInstanceOf(RulebookError);
    const e = error as RulebookError;
    expect(e.code).toBe('expression-invalid');
    expect(e.issues).toHaveLength(1);
    return e.issues[0]!;
  }
  throw new Error(`expected a syntax error in ${source}`);
}

describe('parseExpression: precedence', () => {
  it('binds * / % tighter than + -, both left-associative', () => {
    expect(grouped('a + b * c')).toBe('(a + (b * c))');
    expect(grouped('a - b - c')).toBe('((a - b) - c)');
    expect(grouped('a / b * c % d')).toBe('(((a / b) * c) % d)');
  });

  it('puts comparisons below arithmetic, not below comparisons, and below or', () => {
    expect(grouped('a + 1 >= b * 2')).toBe('((a + 1) >= (b * 2))');
    expect(grouped('not a == b')).toBe('(not (a == b))');
    expect(grouped('a or b and c')).toBe('(a or (b and c))');
    expect(grouped('not a and b or c')).toBe('(((not a) and b) or c)');
  });

  it('binds unary minus tightest and lets parentheses override', () => {
    expect(grouped('-a * b')).toBe('((-a) * b)');
    expect(grouped('- -a')).toBe('(-(-a))');
    expect(grouped('(a + b) * c')).toBe('((a + b) * c)');
  });

  it('parses in / not in, lists, calls and literals', () => {
    expect(grouped("code in ['950', '952'] and x not in [1, 2]")).toBe(
      "((code in ['950', '952']) and (x not in [1, 2]))",
    );
    expect(grouped('round(a / b, 2) >= max(1, c) or isNull(d) or e == null')).toBe(
      '(((round((a / b), 2) >= max(1, c)) or isNull(d)) or (e == null))',
    );
    expect(grouped("true != false and 'it\\'s' == \"x\" and 1.25 < 10")).toBe(
      "(((true != false) and ('it's' == 'x')) and (1.25 < 10))",
    );
    expect(grouped('f()')).toBe('f()');
  });

  it('keeps source positions on nodes', () => {
    const node = parseExpression('age  >= 45');
    expect(node).toMatchObject({ kind: 'binary', op: '>=', pos: 0, opPos: 5, end: 10 });
    if (node.kind !== 'binary') throw new Error('binary expected');
    expect(node.right).toMatchObject({ kind: 'literal', value: 45, pos: 8, end: 10 });
  });
});

describe('parseExpression: syntax errors carry the position of the first one', () => {
  it.each([
    ['a < b < c', 6, 'chained'],
    ['age >= ', 7, 'end of the expression'],
    ['(a + b', 6, "')'"],
    ["code in ['950' '952']", 15, "',' or ']'"],
    ['a && b', 2, "use 'and'"],
    ['a = 1', 2, "use '=='"],
    ['!a', 0, "use 'not'"],
    ['a.b', 1, 'property access'],
    ["'open", 0, 'not closed'],
    ['1.', 2, 'decimal point'],
    ['a ? b : c', 2, "unexpected character '?'"],
    ['a b', 2, "unexpected 'b'"],
    ['and', 0, "unexpected 'and'"],
    ["'\\x'", 1, 'unknown escape'],
  ])('%s -> position %i', (source, position, words) => {
    const issue = syntaxIssue(source);
    expect(issue.code).toBe('expression-syntax');
    expect(issue.position).toBe(position);
    expect(issue.message).toContain(words);
  });

  it('refuses very deep nesting and very long sources instead of exhausting the stack', () => {
    expect(syntaxIssue(`${'('.repeat(500)}1${')'.repeat(500)}`).message).toContain('nested');
    expect(syntaxIssue('1 + '.repeat(3000) + '1').message).toContain('longer than');
  });
});
