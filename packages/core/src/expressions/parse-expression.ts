import { RulebookError } from '../errors.ts';
import type { BinaryOp, ExprNode } from './expression-ast.ts';
import { type Token, tokenize } from './tokenize.ts';

/**
 * Binding powers, lowest first: or < and < not (prefix) < comparisons and in < + - < * / % < unary minus.
 * Comparisons do not chain: `a < b < c` is a syntax error rather than a surprise.
 */
const INFIX: Record<string, number> = {
  or: 10,
  and: 20,
  '==': 40,
  '!=': 40,
  '<': 40,
  '<=': 40,
  '>': 40,
  '>=': 40,
  in: 40,
  'not in': 40,
  '+': 50,
  '-': 50,
  '*': 60,
  '/': 60,
  '%': 60,
};
const NOT_BP = 30;
const COMPARISON_BP = 40;
const NEGATE_BP = 70;
/** Deep enough for any real formula, shallow enough to never exhaust the stack. */
const MAX_DEPTH = 100;

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);

function syntaxError(message: string, position: number): RulebookError {
  return new RulebookError('expression-invalid', message, [
    { path: [], code: 'expression-syntax', message, position },
  ]);
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the expression';
  if (token.kind === 'string') return 'a string';
  return `'${token.text}'`;
}

/**
 * Parses an expression into an AST (Pratt parser). Throws a RulebookError carrying one
 * `expression-syntax` issue with the position of the first syntax error.
 */
export function parseExpression(source: string): ExprNode {
  const tokens = tokenize(source);
  let index = 0;
  let depth = 0;
  const peek = (): Token => tokens[index] ?? tokens[tokens.length - 1]!;
  const next = (): Token => {
    const token = peek();
    if (index < tokens.length - 1) index++;
    return token;
  };
  const expectOp = (text: string, what: string): Token => {
    const token = peek();
    if (token.kind !== 'op' || token.text !== text) {
      throw syntaxError(`expected ${what} but found ${describe(token)}`, token.pos);
    }
    return next();
  };

  /** The infix operator at the cursor, if any (two tokens for `not in`). */
  const infixAt = (): BinaryOp | undefined => {
    const token = peek();
    if (token.kind === 'op' && token.text in INFIX) return token.text as BinaryOp;
    if (token.kind !== 'name') return undefined;
    if (token.text === 'and' || token.text === 'or' || token.text === 'in') return token.text;
    const after = tokens[index + 1];
    if (token.text === 'not' && after?.kind === 'name' && after.text === 'in') return 'not in';
    return undefined;
  };

  /** Expressions separated by commas, up to (not taking) `closing`; none when `closing` comes first. */
  const parseSeparated = (closing: string): ExprNode[] => {
    const items: ExprNode[] = [];
    if (peek().kind === 'op' && peek().text === closing) return items;
    for (;;) {
      items.push(parse(0));
      if (!(peek().kind === 'op' && peek().text === ',')) return items;
      next();
    }
  };

  const parseList = (open: Token): ExprNode => {
    const items = parseSeparated(']');
    const close = expectOp(']', "',' or ']'");
    return { kind: 'list', items, pos: open.pos, end: close.end };
  };

  const parseCall = (name: Token): ExprNode => {
    next(); // '('
    const args = parseSeparated(')');
    const close = expectOp(')', "',' or ')'");
    return { kind: 'call', name: name.text, args, pos: name.pos, end: close.end };
  };

  const parsePrefix = (): ExprNode => {
    const token = next();
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: Number(token.text), pos: token.pos, end: token.end };
      case 'string':
        return { kind: 'literal', value: token.text, pos: token.pos, end: token.end };
      case 'name': {
        if (token.text === 'true' || token.text === 'false') {
          return { kind: 'literal', value: token.text === 'true', pos: token.pos, end: token.end };
        }
        if (token.text === 'null') return { kind: 'literal', value: null, pos: token.pos, end: token.end };
        if (token.text === 'not') {
          const operand = parse(NOT_BP);
          return { kind: 'unary', op: 'not', operand, pos: token.pos, end: operand.end };
        }
        if (KEYWORDS.has(token.text)) throw syntaxError(`unexpected '${token.text}'`, token.pos);
        const after = peek();
        if (after.kind === 'op' && after.text === '(') return parseCall(token);
        return { kind: 'field', name: token.text, pos: token.pos, end: token.end };
      }
      case 'op':
        if (token.text === '(') {
          const inner = parse(0);
          expectOp(')', "')'");
          return inner;
        }
        if (token.text === '[') return parseList(token);
        if (token.text === '-') {
          const operand = parse(NEGATE_BP);
          return { kind: 'unary', op: '-', operand, pos: token.pos, end: operand.end };
        }
        throw syntaxError(`unexpected ${describe(token)}`, token.pos);
      default:
        throw syntaxError(`unexpected ${describe(token)}`, token.pos);
    }
  };

  function parse(minBp: number): ExprNode {
    if (++depth > MAX_DEPTH)
      throw syntaxError(`expression is nested more than ${MAX_DEPTH} levels deep`, peek().pos);
    let left = parsePrefix();
    for (;;) {
      const op = infixAt();
      if (op === undefined) break;
      const bp = INFIX[op]!;
      if (bp <= minBp) {
        if (bp === COMPARISON_BP && minBp === COMPARISON_BP) {
          throw syntaxError("comparisons cannot be chained; combine them with 'and'", peek().pos);
        }
        break;
      }
      const opToken = next();
      if (op === 'not in') next();
      // Left-associative: the right operand binds strictly tighter; comparisons use the same rule, which
      // lets the check above see a second comparison and reject the chain.
      const right = parse(bp);
      left = { kind: 'binary', op, opPos: opToken.pos, left, right, pos: left.pos, end: right.end };
    }
    depth--;
    return left;
  }

  const root = parse(0);
  const rest = peek();
  if (rest.kind !== 'eof') throw syntaxError(`unexpected ${describe(rest)}`, rest.pos);
  return root;
}
