import { RulebookError, type RuleIssue } from '../errors.ts';
import { parseDecimal } from '../money/decimal.ts';
import { rationalOf } from '../money/exact-number.ts';
import { closestName } from './closest-name.ts';
import { splitIsoDate } from './date-arithmetic.ts';
import type { ExprNode } from './expression-ast.ts';
import { FUNCTIONS_BY_NAME, type FunctionSpec } from './expression-functions.ts';
import type { CheckedType, ExprType, FieldTypes } from './expression-types.ts';
import { fieldNameProblem, LANGUAGE_NAMES, languageNameProblem } from './field-names.ts';
import { parseExpression } from './parse-expression.ts';
import { compilePattern, type Pattern } from './regular-expression.ts';

const EXPR_TYPES: ReadonlySet<string> = new Set(['number', 'string', 'boolean', 'date', 'list']);
const ORDERED: ReadonlySet<CheckedType> = new Set(['number', 'string', 'date']);

/** What the compiler and interpreter need from a successful check. */
export interface CheckedExpression {
  root: ExprNode;
  type: CheckedType;
  /** Type of every node. */
  types: Map<ExprNode, CheckedType>;
  /** Fields read, in order of first appearance (never `receivedOn` or `it`, which are not fields). */
  fields: string[];
  /** The compiled pattern of each `matches` call, keyed by the call node. */
  patterns: Map<ExprNode, Pattern>;
}

export interface ExpressionAnalysis {
  checked: CheckedExpression | undefined;
  issues: RuleIssue[];
}

const fits = (actual: CheckedType, wanted: CheckedType) =>
  actual === wanted || actual === 'null' || actual === 'error' || wanted === 'error';

/** Parses and type-checks; collects every type problem rather than stopping at the first. */
export function analyzeExpression(source: string, fields: FieldTypes, expect?: ExprType): ExpressionAnalysis {
  let root: ExprNode;
  try {
    root = parseExpression(source);
  } catch (error) {
    if (error instanceof RulebookError) return { checked: undefined, issues: error.issues };
    throw error;
  }
  const issues: RuleIssue[] = [];
  const types = new Map<ExprNode, CheckedType>();
  const read: string[] = [];
  const patterns = new Map<ExprNode, Pattern>();
  /** How many all/any predicates enclose the node being checked: `it` is defined when > 0. */
  let predicates = 0;
  const issue = (code: string, message: string, position: number): 'error' => {
    issues.push({ path: [], code, message, position });
    return 'error';
  };

  /** `receivedOn` (a date) and `it` (the current item, read as a string): names of the language, not fields. */
  const checkLanguageName = (name: string, pos: number): CheckedType => {
    if (Object.hasOwn(fields, name))
      return issue('expression-reserved-name', languageNameProblem(name) as string, pos);
    if (name === 'receivedOn') return 'date';
    if (predicates === 0)
      return issue(
        'expression-unknown-field',
        "'it' is the current item and means something only inside all(list, ...) or any(list, ...)",
        pos,
      );
    return 'string';
  };

  const checkField = (node: Extract<ExprNode, { kind: 'field' }>): CheckedType => {
    const { name, pos } = node;
    if (LANGUAGE_NAMES.has(name)) return checkLanguageName(name, pos);
    if (!Object.hasOwn(fields, name)) {
      if (FUNCTIONS_BY_NAME.has(name))
        return issue('expression-syntax', `'${name}' is a function; call it as ${name}(...)`, pos);
      const guess = closestName(name, Object.keys(fields));
      return issue(
        'expression-unknown-field',
        `unknown field '${name}'${guess ? `; did you mean '${guess}'?` : ''}`,
        pos,
      );
    }
    const problem = fieldNameProblem(name);
    if (problem !== undefined) return issue('expression-reserved-name', problem, pos);
    const type = fields[name];
    if (type === undefined || !EXPR_TYPES.has(type)) {
      return issue('expression-type', `field '${name}' has unknown type '${String(type)}'`, pos);
    }
    if (!read.includes(name)) read.push(name);
    return type;
  };

  const checkCall = (node: Extract<ExprNode, { kind: 'call' }>): CheckedType => {
    const spec = FUNCTIONS_BY_NAME.get(node.name);
    const argTypes = node.args.map((arg, i) => {
      if (i !== 1 || !spec?.predicate) return check(arg);
      predicates++;
      const type = check(arg);
      predicates--;
      return type;
    });
    if (spec === undefined) {
      const guess = closestName(node.name, FUNCTIONS_BY_NAME.keys());
      return issue(
        'expression-unknown-function',
        `unknown function '${node.name}'${guess ? `; did you mean '${guess}'?` : ''}`,
        node.pos,
      );
    }
    const n = node.args.length;
    const max = spec.variadic ? Number.POSITIVE_INFINITY : spec.params.length;
    if (n < spec.required || n > max) {
      const wanted = spec.variadic
        ? `at least ${spec.required}`
        : spec.required === max
          ? `${max}`
          : `${spec.required} to ${max}`;
      issue(
        'expression-arity',
        `${spec.name} takes ${wanted} argument${max === 1 ? '' : 's'} but got ${n} (${spec.signature})`,
        node.pos,
      );
    }
    const generic = checkArguments(spec, node, argTypes);
    if (spec.name === 'date') checkDateLiteral(node);
    if (spec.pattern) checkPattern(node);
    // Even after an arity problem the result type is known, so the parents are still checked.
    return spec.returns === 'T' ? generic : spec.returns;
  };

  /** Checks each argument against its parameter; returns what `T` resolved to. */
  const checkArguments = (
    spec: FunctionSpec,
    node: Extract<ExprNode, { kind: 'call' }>,
    argTypes: CheckedType[],
  ) => {
    let generic: CheckedType = 'null';
    argTypes.forEach((actual, i) => {
      const param = spec.params[Math.min(i, spec.params.length - 1)]!;
      const arg = node.args[i]!;
      const where = `argument ${i + 1} of ${spec.name}`;
      if (i >= spec.params.length && !spec.variadic) return; // already reported as an arity problem
      if (param === 'any' || actual === 'error' || actual === 'null') return;
      if (param === 'T') {
        if (spec.generic && !spec.generic.includes(actual as ExprType)) {
          issue('expression-type', `${where} must be ${spec.generic.join(', ')} but is ${actual}`, arg.pos);
          generic = 'error';
        } else if (generic === 'null') {
          generic = actual;
        } else if (generic !== 'error' && actual !== generic) {
          issue(
            'expression-type',
            `${where} must be ${generic} like the one before it but is ${actual}`,
            arg.pos,
          );
          generic = 'error';
        }
        return;
      }
      if (!fits(actual, param)) {
        const hint =
          param === 'date' && actual === 'string'
            ? "; write a date as date('YYYY-MM-DD')"
            : spec.name === 'length' && actual === 'list'
              ? '; count(list) gives the number of items'
              : '';
        issue('expression-type', `${where} must be ${param} but is ${actual}${hint}`, arg.pos);
      }
    });
    return generic;
  };

  const checkDateLiteral = (node: Extract<ExprNode, { kind: 'call' }>) => {
    const arg = node.args[0];
    if (arg?.kind === 'literal' && typeof arg.value === 'string' && splitIsoDate(arg.value) === null) {
      issue('expression-type', `'${arg.value}' is not a real date in the form YYYY-MM-DD`, arg.pos);
    }
  };

  /** A pattern is a literal, so it is compiled (and any mistake in it reported) once, here. */
  const checkPattern = (node: Extract<ExprNode, { kind: 'call' }>) => {
    const arg = node.args[1];
    if (arg === undefined) return; // an arity problem, already reported
    if (arg.kind !== 'literal' || typeof arg.value !== 'string') {
      // A value of another type was already reported as an argument of the wrong type.
      const type = types.get(arg);
      if (type === 'string' || type === 'null')
        issue(
          'expression-type',
          `the pattern of ${node.name} must be a string literal like '^[0-9]{5}$', so it can be checked before use`,
          arg.pos,
        );
      return;
    }
    const compiled = compilePattern(arg.value);
    if ('problem' in compiled)
      issue('expression-type', `invalid regular expression: ${compiled.problem}`, arg.pos);
    else patterns.set(node, compiled.pattern);
  };

  const checkIn = (node: Extract<ExprNode, { kind: 'binary' }>, left: CheckedType): CheckedType => {
    const { right } = node;
    if (left === 'list')
      issue(
        'expression-type',
        `the left side of '${node.op}' must be a single value, not a list`,
        node.left.pos,
      );
    if (right.kind === 'list') {
      let element: CheckedType = left;
      for (const item of right.items) {
        const t = check(item);
        if (element === 'null' || element === 'error' || element === 'list') element = t;
        else if (!fits(t, element))
          issue('expression-type', `list item must be ${element} but is ${t}`, item.pos);
      }
      types.set(right, 'list');
      return 'boolean';
    }
    const r = check(right);
    if (!fits(r, 'list'))
      issue(
        'expression-type',
        `the right side of '${node.op}' must be a list like [a, b] but is ${r}`,
        right.pos,
      );
    return 'boolean';
  };

  const checkBinary = (node: Extract<ExprNode, { kind: 'binary' }>): CheckedType => {
    const { op, opPos } = node;
    const left = check(node.left);
    if (op === 'in' || op === 'not in') return checkIn(node, left);
    const right = check(node.right);
    const broken = left === 'error' || right === 'error';
    if (op === 'and' || op === 'or') {
      if (!fits(left, 'boolean'))
        issue(
          'expression-type',
          `'${op}' needs true/false values but its left side is ${left}`,
          node.left.pos,
        );
      if (!fits(right, 'boolean'))
        issue(
          'expression-type',
          `'${op}' needs true/false values but its right side is ${right}`,
          node.right.pos,
        );
      return 'boolean';
    }
    if (op === '==' || op === '!=') {
      if (left === 'list' || right === 'list')
        issue('expression-type', `'${op}' cannot compare lists; use 'in'`, opPos);
      else if (!broken && left !== right && left !== 'null' && right !== 'null') {
        issue('expression-type', `'${op}' compares ${left} with ${right}${dateHint(left, right)}`, opPos);
      }
      return 'boolean';
    }
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
      if (left === 'null' || right === 'null') {
        issue('expression-type', `'${op}' with null is always false; use isNull(x) or present(x)`, opPos);
      } else if (!broken && (left !== right || !ORDERED.has(left))) {
        const what =
          left === right ? `${left} values cannot be ordered` : `'${op}' compares ${left} with ${right}`;
        issue('expression-type', `${what}${dateHint(left, right)}`, opPos);
      }
      return 'boolean';
    }
    // Arithmetic.
    if (!broken && (!fits(left, 'number') || !fits(right, 'number'))) {
      const dateUsed = left === 'date' || right === 'date';
      const hint = dateUsed ? '; use addDays, addMonths, daysBetween or yearsBetween for dates' : '';
      issue('expression-type', `'${op}' needs numbers but got ${left} and ${right}${hint}`, opPos);
    }
    return 'number';
  };

  function check(node: ExprNode): CheckedType {
    let type: CheckedType;
    switch (node.kind) {
      case 'literal':
        type = node.value === null ? 'null' : (typeof node.value as 'number' | 'string' | 'boolean');
        // Too many digits parse to Infinity, which has no literal form in the generated code.
        if (typeof node.value === 'number' && !Number.isFinite(node.value))
          type = issue('expression-type', 'number is too large', node.pos);
        else if (
          typeof node.value === 'number' &&
          !literalIsExact(node.value, source.slice(node.pos, node.end))
        )
          type = issue(
            'expression-type',
            `${source.slice(node.pos, node.end)} has more significant digits than a number keeps (15); write it as a fraction (a / b)`,
            node.pos,
          );
        break;
      case 'field':
        type = checkField(node);
        break;
      case 'list':
        node.items.forEach(check);
        type = issue('expression-type', "a list [...] can only follow 'in' or 'not in'", node.pos);
        break;
      case 'unary': {
        const operand = check(node.operand);
        const wanted = node.op === 'not' ? 'boolean' : 'number';
        if (!fits(operand, wanted))
          issue(
            'expression-type',
            `'${node.op}' needs ${wanted === 'boolean' ? 'a true/false value' : 'a number'} but got ${operand}`,
            node.pos,
          );
        type = wanted;
        break;
      }
      case 'binary':
        type = checkBinary(node);
        break;
      case 'call':
        type = checkCall(node);
        break;
    }
    types.set(node, type);
    return type;
  }

  const type = check(root);
  if (expect !== undefined && !fits(type, expect)) {
    issue('expression-type', `expression must give ${expect} but gives ${type}`, root.pos);
  } else if (type === 'null' && expect === undefined) {
    issue('expression-type', 'expression is always null', root.pos);
  }
  issues.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  // An always-null expression takes the expected type (its value is that type's null).
  const resultType = type === 'null' && expect !== undefined ? expect : type;
  return {
    checked: issues.length === 0 ? { root, type: resultType, types, fields: read, patterns } : undefined,
    issues,
  };
}

/** A number literal means the decimal written: refused when the number it parses to is another. */
function literalIsExact(value: number, text: string): boolean {
  const written = parseDecimal(text);
  const kept = rationalOf(value);
  return written.n === kept.n && written.d === kept.d;
}

function dateHint(left: CheckedType, right: CheckedType): string {
  const mixed = (left === 'date' && right === 'string') || (left === 'string' && right === 'date');
  return mixed ? "; write a date as date('YYYY-MM-DD')" : '';
}

/** Every problem in an expression (syntax: the first one only), each with its character position; [] when it is valid. */
export function checkExpression(source: string, fields: FieldTypes, expect?: ExprType): RuleIssue[] {
  return analyzeExpression(source, fields, expect).issues;
}
