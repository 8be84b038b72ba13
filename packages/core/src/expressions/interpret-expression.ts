import { RulebookError } from '../errors.ts';
import {
  type ExactNumber,
  exactEquals,
  exactNeg,
  exactOf,
  exactRem,
  rationalOf,
} from '../money/exact-number.ts';
import { add, compare, div, mul, sub } from '../money/rational.ts';
import { analyzeExpression, type CheckedExpression } from './check-expression.ts';
import type { ExprNode } from './expression-ast.ts';
import { FUNCTIONS_BY_NAME } from './expression-functions.ts';
import type { ExprType, FieldTypes } from './expression-types.ts';
import { readFieldValue } from './read-field-value.ts';

type Value = unknown;

/** Throws the coded error for an expression with issues; returns the checked tree otherwise. */
export function checkedOrThrow(source: string, fields: FieldTypes, expect?: ExprType): CheckedExpression {
  const { checked, issues } = analyzeExpression(source, fields, expect);
  if (checked === undefined) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new RulebookError(
      'expression-invalid',
      `invalid expression: ${issues[0]?.message ?? 'unknown problem'}${more}`,
      issues,
    );
  }
  return checked;
}

/** The exact (bigint) path of the arithmetic: the reference the compiled code's fast paths must match. */
function arithmetic(op: string, a: ExactNumber, b: ExactNumber): ExactNumber | null {
  const x = rationalOf(a);
  const y = rationalOf(b);
  switch (op) {
    case '+':
      return exactOf(add(x, y));
    case '-':
      return exactOf(sub(x, y));
    case '*':
      return exactOf(mul(x, y));
    case '/':
      return y.n === 0n ? null : exactOf(div(x, y));
    default:
      return y.n === 0n ? null : exactRem(x, y);
  }
}

function ordered(op: string, a: ExactNumber | string, b: ExactNumber | string): boolean {
  const c =
    typeof a === 'string' || typeof b === 'string'
      ? a < b
        ? -1
        : a > b
          ? 1
          : 0
      : compare(rationalOf(a), rationalOf(b));
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/** == on language values: numbers by their exact value, everything else by identity. */
function same(a: unknown, b: unknown): boolean {
  if (a !== null && b !== null && (typeof a === 'object' || typeof b === 'object')) {
    const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'object' && !Array.isArray(v));
    return numeric(a) && numeric(b) && exactEquals(a as ExactNumber, b as ExactNumber);
  }
  return a === b;
}

/** Why an evaluation gave null, when the reason is a mistake in the data rather than a missing value. */
export type NullCause = 'division-by-zero';

/**
 * Walks a checked tree. This is the reference semantics (see README.md) that the compiled code must match;
 * `read` supplies the raw value of a field, `receivedOn` the raw receipt day, both normalised here.
 */
export function evaluateChecked(
  checked: CheckedExpression,
  read: (field: string) => unknown,
  receivedOn?: unknown,
  onNull?: (cause: NullCause, node: ExprNode) => void,
): Value {
  const { types } = checked;
  /** Items of the enclosing all/any predicates, innermost last: `it` is the last one. */
  const items: unknown[] = [];
  const name = (node: Extract<ExprNode, { kind: 'field' }>): unknown => {
    if (node.name === 'receivedOn') return receivedOn;
    // The checker allows `it` only inside a predicate, and no field is named `it` or `receivedOn`.
    if (node.name === 'it') return items[items.length - 1];
    return read(node.name);
  };
  const argument = (call: Extract<ExprNode, { kind: 'call' }>, arg: ExprNode, i: number): Value => {
    const spec = FUNCTIONS_BY_NAME.get(call.name)!;
    if (i === 1 && spec.pattern) return checked.patterns.get(call);
    if (i === 1 && spec.predicate)
      return (item: unknown): boolean => {
        items.push(item);
        try {
          return walk(arg) === true;
        } finally {
          items.pop();
        }
      };
    return walk(arg);
  };
  const walk = (node: ExprNode): Value => {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'field':
        return readFieldValue(name(node), types.get(node) as ExprType);
      case 'list':
        return node.items.map(walk);
      case 'unary': {
        const v = walk(node.operand);
        if (node.op === 'not') return v !== true;
        return v === null ? null : exactNeg(v as ExactNumber);
      }
      case 'call': {
        // if and coalesce read only the arguments they need (the others could only add a null cause).
        if (node.name === 'if')
          return walk(node.args[0]!) === true ? walk(node.args[1]!) : walk(node.args[2]!);
        if (node.name === 'coalesce') {
          for (const arg of node.args) {
            const v = walk(arg);
            if (v !== null) return v;
          }
          return null;
        }
        const args = node.args.map((arg, i) => argument(node, arg, i));
        return (FUNCTIONS_BY_NAME.get(node.name)!.impl as (...a: Value[]) => Value)(...args);
      }
      case 'binary':
        break;
    }
    const { op } = node;
    if (op === 'and') return walk(node.left) === true && walk(node.right) === true;
    if (op === 'or') return walk(node.left) === true || walk(node.right) === true;
    const a = walk(node.left);
    const b = walk(node.right);
    switch (op) {
      case '==':
        return same(a, b);
      case '!=':
        return !same(a, b);
      case 'in':
      case 'not in': {
        const found = Array.isArray(b) && b.some((item) => same(item, a));
        return op === 'in' ? found : !found;
      }
      case '<':
      case '<=':
      case '>':
      case '>=':
        return a !== null && b !== null && ordered(op, a as ExactNumber, b as ExactNumber);
      default: {
        if (a === null || b === null) return null;
        const v = arithmetic(op, a as ExactNumber, b as ExactNumber);
        if (v === null) onNull?.('division-by-zero', node);
        return v;
      }
    }
  };
  const result = walk(checked.root);
  // A boolean expression answers true or false: null (unknown) counts as false.
  return checked.type === 'boolean' ? result === true : result;
}

/**
 * Checks `source` and evaluates it over one record by walking the tree (the reference for the
 * compiler); `receivedOn` is the day the record was received, as for CompiledExpression.evaluate.
 */
export function interpretExpression(
  source: string,
  fields: FieldTypes,
  record: Readonly<Record<string, unknown>>,
  expect?: ExprType,
  receivedOn?: string | null,
): unknown {
  const checked = checkedOrThrow(source, fields, expect);
  return evaluateChecked(checked, (name) => record[name], receivedOn);
}
