import { RulebookError } from '../errors.ts';
import {
  type ExactNumber,
  exactAdd,
  exactCompare,
  exactCompareQuotient,
  exactCompareQuotientScaled,
  exactDiv,
  exactEquals,
  exactMul,
  exactNeg,
  exactRem,
  exactSub,
} from '../money/exact-number.ts';
import type { CheckedExpression } from './check-expression.ts';
import { FUNCTION_TABLE } from './expression-functions.ts';
import type { CompiledExpression, ExprType, FieldTypes } from './expression-types.ts';
import { fieldNameProblem } from './field-names.ts';
import { RECEIVED_ON_PARAM as d, generateCode } from './generate-code.ts';
import { checkedOrThrow, evaluateChecked, type NullCause } from './interpret-expression.ts';

/** == on numbers that may be exact values: by value (null equals only null). */
function equalValues(a: ExactNumber | null, b: ExactNumber | null): boolean {
  return a === null || b === null ? a === b : exactEquals(a, b);
}

/** Loops over a list field with ===, the language's equality (no method call on host data). */
function listIncludes(list: readonly unknown[] | null, value: unknown): boolean {
  if (list === null) return false;
  if (typeof value === 'object' && value !== null) {
    // An exact value (1/3) equals no item: items are numbers, read as their decimals, or others.
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item === 'number' && item - item === 0 && exactEquals(item, value as ExactNumber))
        return true;
    }
    return false;
  }
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

/** Everything generated code can reach: the function table plus two internal helpers. */
const RUNTIME: Readonly<Record<string, unknown>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, unknown>, FUNCTION_TABLE, {
    $in: listIncludes,
    $isArray: Array.isArray,
    $add: exactAdd,
    $sub: exactSub,
    $mul: exactMul,
    $div: exactDiv,
    $rem: exactRem,
    $neg: exactNeg,
    $cmp: exactCompare,
    $cmpq: exactCompareQuotient,
    $cmpqs: exactCompareQuotientScaled,
    $eq: equalValues,
  }),
);

type Entry = [CompiledExpression['evaluate'], CompiledExpression['evaluateAt']];

/** Builds the two entry points with new Function, or walks the tree where code generation is not allowed (CSP). */
function build(checked: CheckedExpression): Entry {
  for (const name of checked.fields) {
    // The checker already refuses these; checked again because the name is written into generated code.
    const problem = fieldNameProblem(name);
    if (problem !== undefined) throw new RulebookError('expression-invalid', problem);
  }
  const row = generateCode(checked, (name) => `r[${JSON.stringify(name)}]`);
  // A missing column reads as null for every row.
  const columnar = generateCode(checked, (name) => `c[${JSON.stringify(name)}]?.[i]`);
  const helpers = new Set([...row.helpers, ...columnar.helpers]);
  const prelude = [
    ...[...helpers].map((h) => `const f_${h} = h[${JSON.stringify(h)}];`),
    // Patterns were compiled by the checker; generated code refers to them by index.
    ...[...checked.patterns.keys()].map((_, k) => `const p_${k} = p[${k}];`),
  ].join('\n');
  const lets = (temps: number) =>
    temps > 0 ? `let ${Array.from({ length: temps }, (_, i) => `t${i}`).join(', ')}; ` : '';
  // The receipt day is a parameter only of expressions that read it: the others keep the exact
  // shape (and speed) they had before receivedOn existed.
  const day = row.readsReceivedOn ? `, ${d}` : '';
  const source = `"use strict";
${prelude}
function evaluate(r${day}) { ${lets(row.temps)}return ${row.body}; }
function evaluateAt(c, i${day}) { ${lets(columnar.temps)}return ${columnar.body}; }
return [evaluate, evaluateAt];`;
  try {
    return new Function('h', 'p', source)(RUNTIME, Object.freeze([...checked.patterns.values()])) as Entry;
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    return [
      (record, receivedOn) => evaluateChecked(checked, (name) => record[name], receivedOn),
      (columns, index, receivedOn) => evaluateChecked(checked, (name) => columns[name]?.[index], receivedOn),
    ];
  }
}

/**
 * Checks and compiles an expression to JavaScript once, for fast repeated evaluation.
 * Throws RulebookError('expression-invalid') carrying every issue when the expression is not valid.
 */
export function compileExpression(source: string, fields: FieldTypes, expect?: ExprType): CompiledExpression {
  const checked = checkedOrThrow(source, fields, expect);
  const [evaluate, evaluateAt] = build(checked);
  return Object.freeze({
    source,
    type: checked.type as ExprType,
    fields: [...checked.fields],
    evaluate,
    evaluateAt,
    nullCause(read: (field: string) => unknown, receivedOn?: string | null) {
      let cause: NullCause | null = null;
      const v = evaluateChecked(checked, read, receivedOn, (c) => {
        cause ??= c;
      });
      return v === null ? cause : null;
    },
  });
}
