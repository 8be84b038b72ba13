import { RulebookError } from '../errors.ts';
import type { CheckedExpression } from './check-expression.ts';
import type { BinaryOp, ExprNode } from './expression-ast.ts';
import { FUNCTION_TABLE } from './expression-functions.ts';
import type { CompiledExpression, ExprType, FieldTypes } from './expression-types.ts';
import { fieldNameProblem } from './field-names.ts';
import { checkedOrThrow, evaluateChecked } from './interpret-expression.ts';

/** A piece of generated JavaScript: its text, whether it may be null, whether it is cheap to repeat. */
interface Code {
  js: string;
  nullable: boolean;
  simple: boolean;
}

/** Loops over a list field with ===, the language's equality (no method call on host data). */
function listIncludes(list: readonly unknown[] | null, value: unknown): boolean {
  if (list === null) return false;
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

/** Everything generated code can reach: the function table plus two internal helpers. */
const RUNTIME: Readonly<Record<string, unknown>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, unknown>, FUNCTION_TABLE, {
    $in: listIncludes,
    $isArray: Array.isArray,
  }),
);

const TYPEOF: Record<Exclude<ExprType, 'list'>, string> = {
  number: 'number',
  string: 'string',
  date: 'string',
  boolean: 'boolean',
};

const ARITHMETIC = new Set<BinaryOp>(['+', '-', '*', '/', '%']);
const ORDERING = new Set<BinaryOp>(['<', '<=', '>', '>=']);

/**
 * Generates the body of a function over normalised locals v0..vn, one per field. User text reaches
 * the generated source only as JSON string literals, numbers printed by String(number), and field
 * names that passed fieldNameProblem(); every other identifier is one this generator writes.
 */
function generate(checked: CheckedExpression): { body: string; temps: number; helpers: Set<string> } {
  const locals = new Map(checked.fields.map((name, i) => [name, `v${i}`]));
  const helpers = new Set<string>();
  let temps = 0;
  const temp = () => `t${temps++}`;

  /** Makes `code` safe to mention twice: evaluates it once into a temp when it is not simple. */
  const once = (code: Code): { setup: string; ref: string } => {
    if (code.simple) return { setup: '', ref: code.js };
    const t = temp();
    return { setup: `(${t} = ${code.js}), `, ref: t };
  };

  /** A JavaScript boolean that is true exactly when the language value is true. */
  const truth = (node: ExprNode): string => {
    const code = gen(node);
    return code.nullable ? `(${code.js} === true)` : code.js;
  };

  const call = (node: Extract<ExprNode, { kind: 'call' }>): Code => {
    const args = node.args.map(gen);
    switch (node.name) {
      case 'if':
        return {
          js: `(${truth(node.args[0]!)} ? ${args[1]!.js} : ${args[2]!.js})`,
          nullable: args[1]!.nullable || args[2]!.nullable,
          simple: false,
        };
      case 'coalesce': {
        let js = args[args.length - 1]!.js;
        for (let i = args.length - 2; i >= 0; i--) {
          const a = args[i]!;
          if (!a.nullable) js = a.js;
          else if (a.simple) js = `(${a.js} !== null ? ${a.js} : ${js})`;
          else {
            const t = temp();
            js = `((${t} = ${a.js}) !== null ? ${t} : ${js})`;
          }
        }
        return { js, nullable: args.every((a) => a.nullable), simple: false };
      }
      case 'isNull':
        return { js: `(${args[0]!.js} === null)`, nullable: false, simple: false };
      case 'date': {
        const arg = node.args[0]!;
        // A literal was checked to be a real date: fold it to its string.
        if (arg.kind === 'literal' && typeof arg.value === 'string')
          return { js: JSON.stringify(arg.value), nullable: false, simple: true };
        break;
      }
    }
    helpers.add(node.name);
    const neverNull = node.name === 'present';
    return { js: `f_${node.name}(${args.map((a) => a.js).join(', ')})`, nullable: !neverNull, simple: false };
  };

  /** Code for `a op b` on non-null operands, null when either is null (or on division by zero). */
  const strict = (node: Extract<ExprNode, { kind: 'binary' }>, onNull: 'null' | 'false'): Code => {
    const a = gen(node.left);
    const b = gen(node.right);
    const divides = node.op === '/' || node.op === '%';
    const left = a.nullable ? once(a) : { setup: '', ref: a.js };
    const right = b.nullable || (divides && !b.simple) ? once(b) : { setup: '', ref: b.js };
    const guards: string[] = [];
    if (a.nullable) guards.push(`${left.ref} !== null`);
    if (b.nullable) guards.push(`${right.ref} !== null`);
    if (divides) guards.push(`${right.ref} !== 0`);
    const op = node.op;
    const value = `${left.ref} ${op} ${right.ref}`;
    const setup = left.setup + right.setup;
    if (guards.length === 0) return { js: `(${value})`, nullable: false, simple: false };
    const test = guards.join(' && ');
    const js = onNull === 'false' ? `(${setup}${test} && ${value})` : `(${setup}${test} ? ${value} : null)`;
    return { js, nullable: onNull === 'null', simple: false };
  };

  const membership = (node: Extract<ExprNode, { kind: 'binary' }>): Code => {
    let found: string;
    if (node.right.kind === 'list') {
      const x = once(gen(node.left));
      const items = node.right.items.map((item) => `${x.ref} === ${gen(item).js}`);
      found = items.length === 0 ? 'false' : `(${x.setup}${items.join(' || ')})`;
    } else {
      helpers.add('$in');
      found = `f_$in(${gen(node.right).js}, ${gen(node.left).js})`;
    }
    return { js: node.op === 'in' ? found : `!${found}`, nullable: false, simple: false };
  };

  function gen(node: ExprNode): Code {
    switch (node.kind) {
      case 'literal':
        return {
          js: typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value),
          nullable: node.value === null,
          simple: true,
        };
      case 'field':
        return { js: locals.get(node.name)!, nullable: true, simple: true };
      case 'list':
        throw new RulebookError('expression-invalid', 'a list literal outside in'); // rejected by the checker
      case 'unary': {
        if (node.op === 'not') return { js: `!${truth(node.operand)}`, nullable: false, simple: false };
        const x = gen(node.operand);
        if (!x.nullable) return { js: `(-(${x.js}))`, nullable: false, simple: false };
        const { setup, ref } = once(x);
        return { js: `(${setup}${ref} === null ? null : -${ref})`, nullable: true, simple: false };
      }
      case 'call':
        return call(node);
      case 'binary':
        break;
    }
    const { op } = node;
    if (op === 'and' || op === 'or') {
      return {
        js: `(${truth(node.left)} ${op === 'and' ? '&&' : '||'} ${truth(node.right)})`,
        nullable: false,
        simple: false,
      };
    }
    if (op === '==' || op === '!=') {
      return { js: `(${gen(node.left).js} ${op}= ${gen(node.right).js})`, nullable: false, simple: false };
    }
    if (op === 'in' || op === 'not in') return membership(node);
    if (ORDERING.has(op)) return strict(node, 'false');
    if (ARITHMETIC.has(op)) return strict(node, 'null');
    throw new RulebookError('expression-invalid', `unknown operator ${op}`);
  }

  const root = gen(checked.root);
  const body = checked.type === 'boolean' && root.nullable ? `${root.js} === true` : root.js;
  return { body, temps, helpers };
}

/** The statement that loads field `name` into `local` from row `r` or column set `c` at `i`, then normalises it. */
function load(local: string, name: string, type: ExprType, columnar: boolean): string {
  const key = JSON.stringify(name);
  const read = columnar
    ? `let ${local} = c[${key}]; ${local} = ${local} == null ? null : ${local}[i];`
    : `let ${local} = r[${key}];`;
  const keep = type === 'list' ? `f_$isArray(${local})` : `typeof ${local} === "${TYPEOF[type]}"`;
  return `${read} if (!(${keep})) ${local} = null;`;
}

type Entry = [CompiledExpression['evaluate'], CompiledExpression['evaluateAt']];

/** Builds the two entry points with new Function, or walks the tree where code generation is not allowed (CSP). */
function build(checked: CheckedExpression, fields: FieldTypes): Entry {
  for (const name of checked.fields) {
    // The checker already refuses these; checked again because the name is written into generated code.
    const problem = fieldNameProblem(name);
    if (problem !== undefined) throw new RulebookError('expression-invalid', problem);
  }
  const { body, temps, helpers } = generate(checked);
  if (checked.fields.some((name) => fields[name] === 'list')) helpers.add('$isArray');
  const prelude = [...helpers].map((h) => `const f_${h} = h[${JSON.stringify(h)}];`).join('\n');
  const lets = temps > 0 ? `let ${Array.from({ length: temps }, (_, i) => `t${i}`).join(', ')};` : '';
  const loads = (columnar: boolean) =>
    checked.fields.map((name, i) => load(`v${i}`, name, fields[name] as ExprType, columnar)).join('\n  ');
  const source = `"use strict";
${prelude}
function evaluate(r) {
  ${loads(false)}
  ${lets}
  return ${body};
}
function evaluateAt(c, i) {
  ${loads(true)}
  ${lets}
  return ${body};
}
return [evaluate, evaluateAt];`;
  try {
    return new Function('h', source)(RUNTIME) as Entry;
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    return [
      (record) => evaluateChecked(checked, (name) => record[name]),
      (columns, index) => evaluateChecked(checked, (name) => columns[name]?.[index]),
    ];
  }
}

/**
 * Checks and compiles an expression to JavaScript once, for fast repeated evaluation.
 * Throws RulebookError('expression-invalid') carrying every issue when the expression is not valid.
 */
export function compileExpression(source: string, fields: FieldTypes, expect?: ExprType): CompiledExpression {
  const checked = checkedOrThrow(source, fields, expect);
  const [evaluate, evaluateAt] = build(checked, fields);
  return Object.freeze({
    source,
    type: checked.type as ExprType,
    fields: [...checked.fields],
    evaluate,
    evaluateAt,
  });
}
