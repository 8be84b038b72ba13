import { decimalScale } from '../money/exact-number.ts';
import type { CheckedExpression } from './check-expression.ts';
import type { ExprNode } from './expression-ast.ts';
import { FUNCTIONS_BY_NAME } from './expression-functions.ts';
import type { ExprType } from './expression-types.ts';

/**
 * A piece of generated JavaScript. With a `guard`, the language value is null exactly when the
 * guard is false, and `value` (evaluated only after the guard) is the non-null value; without one,
 * `value` is the language value itself, possibly null when `nullable`. Keeping guard and value apart
 * lets `a / b >= 0.75` become one chain of tests with no null ever materialised.
 */
interface Code {
  value: string;
  guard?: string;
  nullable: boolean;
  /** Cheap and pure to evaluate twice (a literal, a local, a field read). */
  simple: boolean;
}

type Binary = Extract<ExprNode, { kind: 'binary' }>;

const TYPEOF: Record<Exclude<ExprType, 'list'>, string> = {
  number: 'number',
  string: 'string',
  date: 'string',
  boolean: 'boolean',
};

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%']);
const ARITHMETIC_HELPERS: Readonly<Record<string, string>> = {
  '+': '$add',
  '-': '$sub',
  '*': '$mul',
  '/': '$div',
  '%': '$rem',
};
/** Functions that pass an exact value through (or make one from it). */
const EXACT_AWARE: ReadonlySet<string> = new Set([
  'min',
  'max',
  'abs',
  'floor',
  'ceil',
  'round',
  'coalesce',
  'if',
]);

const and = (...tests: (string | undefined)[]) => tests.filter((t) => t !== undefined).join(' && ');

/** The parameter of generated code that holds the day the record was received. */
export const RECEIVED_ON_PARAM = 'd';

export interface GeneratedBody {
  /**
   * A JavaScript expression over `r` (row) or `c`, `i` (columnar), `d` (receivedOn), temps t0..tn,
   * helpers f_<name>, compiled patterns p_<k> (k: the pattern's index in `checked.patterns`) and,
   * inside predicates, the items x0..xn of the enclosing all/any calls.
   */
  body: string;
  temps: number;
  helpers: Set<string>;
  /** The body reads `d`: only then does the generated function take the parameter. */
  readsReceivedOn: boolean;
}

/**
 * Generates the JavaScript for a checked expression. `access(name)` is the raw read of a field.
 * User text reaches the output only as JSON string literals, numbers printed by String(number), and
 * (through `access`) field names already vetted; every identifier is one written here.
 */
export function generateCode(checked: CheckedExpression, access: (field: string) => string): GeneratedBody {
  const helpers = new Set<string>();
  let temps = 0;
  const temp = () => `t${temps++}`;
  const typeOf = (node: ExprNode) => checked.types.get(node) as ExprType;
  /**
   * Whether a number-typed node may evaluate to an exact Rational rather than a JS number:
   * arithmetic may (1 / 3), fields and literals never do. Code over values that never do keeps
   * JavaScript's own operators, which are exact on numbers (see money/exact-number.ts).
   */
  const mayBeExact = (node: ExprNode): boolean => {
    switch (node.kind) {
      case 'binary':
        return ARITHMETIC.has(node.op);
      case 'unary':
        return node.op === '-' && mayBeExact(node.operand);
      case 'call':
        return EXACT_AWARE.has(node.name) && node.args.some(mayBeExact);
      default:
        return false;
    }
  };
  const patternIndex = new Map([...checked.patterns.keys()].map((node, k) => [node, k]));
  /** How many all/any predicates enclose the code being generated; the innermost item is x<level - 1>. */
  let level = 0;
  let readsReceivedOn = false;

  /** The raw read of a name: a field, or `receivedOn`, or `it` (the checker allows no field of these names). */
  const read = (node: Extract<ExprNode, { kind: 'field' }>): string => {
    if (node.name === 'receivedOn') {
      readsReceivedOn = true;
      return RECEIVED_ON_PARAM;
    }
    if (node.name === 'it') return `x${level - 1}`;
    return access(node.name);
  };

  const materialize = (code: Code): string =>
    code.guard ? `(${code.guard} ? ${code.value} : null)` : code.value;

  /** Guard and non-null value, introducing a temp when a nullable value must be both tested and used. */
  const split = (code: Code): { guard?: string; value: string } => {
    if (code.guard !== undefined || !code.nullable) return code;
    if (code.simple) return { guard: `${code.value} !== null`, value: code.value };
    const t = temp();
    return { guard: `(${t} = ${code.value}) !== null`, value: t };
  };

  /** Text of `code` that can be mentioned twice: itself when simple, else a temp assigned by `setup`. */
  const once = (js: string, simple: boolean): { setup: string; ref: string } => {
    if (simple) return { setup: '', ref: js };
    const t = temp();
    return { setup: `(${t} = ${js}), `, ref: t };
  };

  /** A JavaScript boolean that is true exactly when the language value is true (null counts as false). */
  const truth = (node: ExprNode): string => {
    if (node.kind === 'field') return `(${read(node)} === true)`; // === true implies a boolean
    const code = gen(node);
    if (code.guard !== undefined) return `(${code.guard} && ${code.value})`;
    return code.nullable ? `(${code.value} === true)` : code.value;
  };

  /** A raw field read compares === to a non-null literal exactly as its normalised value does. */
  const comparable = (node: ExprNode, other: ExprNode): string =>
    node.kind === 'field' && other.kind === 'literal' && other.value !== null
      ? read(node)
      : materialize(gen(node));

  /** A predicate argument becomes a function of the item, x<level>, answering true or false. */
  const predicate = (node: ExprNode): string => {
    const item = `x${level++}`;
    const body = truth(node);
    level--;
    return `((${item}) => ${body})`;
  };

  /** Functions whose second argument is not a value: a predicate, or a pattern compiled when checked. */
  const special = (node: Extract<ExprNode, { kind: 'call' }>): Code | undefined => {
    const spec = FUNCTIONS_BY_NAME.get(node.name);
    if (!spec?.predicate && !spec?.pattern) return undefined;
    const [first, second] = node.args as [ExprNode, ExprNode];
    const arg = spec.predicate ? predicate(second) : `p_${patternIndex.get(node)}`;
    helpers.add(node.name);
    return { value: `f_${node.name}(${materialize(gen(first))}, ${arg})`, nullable: true, simple: false };
  };

  const call = (node: Extract<ExprNode, { kind: 'call' }>): Code => {
    const code = special(node);
    if (code !== undefined) return code;
    const args = node.args.map(gen);
    switch (node.name) {
      case 'if': {
        const [, a, b] = args as [Code, Code, Code];
        const value = `(${truth(node.args[0]!)} ? ${materialize(a)} : ${materialize(b)})`;
        return { value, nullable: a.nullable || b.nullable, simple: false };
      }
      case 'coalesce': {
        let value = materialize(args[args.length - 1]!);
        for (let i = args.length - 2; i >= 0; i--) {
          const { guard, value: v } = split(args[i]!);
          value = guard === undefined ? v : `(${guard} ? ${v} : ${value})`;
        }
        return { value, nullable: args.every((a) => a.nullable), simple: false };
      }
      case 'isNull': {
        const { guard } = split(args[0]!);
        return { value: guard === undefined ? 'false' : `!(${guard})`, nullable: false, simple: false };
      }
      case 'date': {
        const arg = node.args[0]!;
        // A literal was checked to be a real date: fold it to its string.
        if (arg.kind === 'literal' && typeof arg.value === 'string') {
          return { value: JSON.stringify(arg.value), nullable: false, simple: true };
        }
        break;
      }
    }
    helpers.add(node.name);
    return {
      value: `f_${node.name}(${args.map(materialize).join(', ')})`,
      nullable: node.name !== 'present',
      simple: false,
    };
  };

  /** Ordering and arithmetic: the result is null (or false) unless both sides are non-null. */
  const strict = (node: Binary): Code => {
    const ordering = node.op === '<' || node.op === '<=' || node.op === '>' || node.op === '>=';
    // x / y compared with z, all plain numbers: compared without dividing (the rate test).
    const quotient =
      ordering &&
      node.left.kind === 'binary' &&
      node.left.op === '/' &&
      !mayBeExact(node.left.left) &&
      !mayBeExact(node.left.right) &&
      !mayBeExact(node.right);
    const leftNode = quotient ? (node.left as Binary).left : node.left;
    const divisorNode = quotient ? (node.left as Binary).right : node.right;
    const a = split(gen(leftNode));
    const bCode = gen(divisorNode);
    const b = split(bCode);
    let right = b.value;
    let zeroTest: string | undefined;
    if (node.op === '/' || node.op === '%' || quotient) {
      // Division by zero gives null, not Infinity or NaN.
      // b.value is repeatable when the code was simple or when split() already put it in a temp.
      const divisor = once(b.value, bCode.simple || b.value !== bCode.value);
      right = divisor.ref;
      zeroTest = divisor.setup ? `(${divisor.setup}${divisor.ref}) !== 0` : `${divisor.ref} !== 0`;
    }
    if (ordering) {
      let test: string;
      let guard: string;
      if (quotient) {
        const c = split(gen(node.right));
        // A literal's decimal is read once, here: x / y >= 0.75 compares x * 100 with 75 * y.
        const scale =
          node.right.kind === 'literal' && typeof node.right.value === 'number'
            ? decimalScale(node.right.value)
            : undefined;
        if (scale) {
          helpers.add('$cmpqs');
          test = `(f_$cmpqs(${a.value}, ${right}, ${scale.m}, ${scale.p}, ${c.value}) ${node.op} 0)`;
        } else {
          helpers.add('$cmpq');
          test = `(f_$cmpq(${a.value}, ${right}, ${c.value}) ${node.op} 0)`;
        }
        guard = and(a.guard, b.guard, zeroTest, c.guard);
      } else {
        const exact = typeOf(node.left) === 'number' && (mayBeExact(node.left) || mayBeExact(node.right));
        if (exact) helpers.add('$cmp');
        test = exact ? `(f_$cmp(${a.value}, ${right}) ${node.op} 0)` : `(${a.value} ${node.op} ${right})`;
        guard = and(a.guard, b.guard, zeroTest);
      }
      return { value: guard ? `(${guard} && ${test})` : test, nullable: false, simple: false };
    }
    const helper = ARITHMETIC_HELPERS[node.op] as string;
    helpers.add(helper);
    const value = `f_${helper}(${a.value}, ${right})`;
    const guard = and(a.guard, b.guard, zeroTest);
    return guard
      ? { value, guard, nullable: true, simple: false }
      : { value, nullable: false, simple: false };
  };

  /** == and != on numbers that may be exact values (objects): compared by value. */
  const exactEquality = (node: Binary): boolean =>
    (typeOf(node.left) === 'number' || typeOf(node.right) === 'number') &&
    (mayBeExact(node.left) || mayBeExact(node.right));

  const membership = (node: Binary): Code => {
    let found: string;
    if (node.right.kind === 'list') {
      const items = node.right.items;
      const literals = items.every((item) => item.kind === 'literal' && item.value !== null);
      const left = literals && items[0] ? comparable(node.left, items[0]) : materialize(gen(node.left));
      const x = once(left, node.left.kind === 'literal' || (literals && node.left.kind === 'field'));
      const exact = mayBeExact(node.left) || items.some(mayBeExact);
      if (exact) helpers.add('$eq');
      const tests = items.map((item) =>
        exact ? `f_$eq(${x.ref}, ${materialize(gen(item))})` : `${x.ref} === ${materialize(gen(item))}`,
      );
      found = tests.length === 0 ? 'false' : `(${x.setup}${tests.join(' || ')})`;
    } else {
      helpers.add('$in');
      found = `f_$in(${materialize(gen(node.right))}, ${materialize(gen(node.left))})`;
    }
    return { value: node.op === 'in' ? found : `!${found}`, nullable: false, simple: false };
  };

  function gen(node: ExprNode): Code {
    switch (node.kind) {
      case 'literal': {
        const value = typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
        return { value, nullable: node.value === null, simple: true };
      }
      case 'field': {
        const raw = read(node);
        const type = typeOf(node);
        // A number must be finite (x - x is NaN for NaN and the infinities): exact values are finite.
        const guard =
          type === 'list'
            ? `f_$isArray(${raw})`
            : type === 'number'
              ? `typeof ${raw} === "number" && ${raw} - ${raw} === 0`
              : `typeof ${raw} === "${TYPEOF[type]}"`;
        if (type === 'list') helpers.add('$isArray');
        return { value: raw, guard, nullable: true, simple: true };
      }
      case 'list':
        throw new Error('a list literal outside in'); // the checker refuses these
      case 'unary': {
        if (node.op === 'not') return { value: `!${truth(node.operand)}`, nullable: false, simple: false };
        const x = split(gen(node.operand));
        if (mayBeExact(node.operand)) helpers.add('$neg');
        const value = mayBeExact(node.operand) ? `f_$neg(${x.value})` : `(0 - ${x.value})`;
        return { value, guard: x.guard, nullable: x.guard !== undefined, simple: false };
      }
      case 'call':
        return call(node);
      case 'binary':
        break;
    }
    switch (node.op) {
      case 'and':
      case 'or':
        return {
          value: `(${truth(node.left)} ${node.op === 'and' ? '&&' : '||'} ${truth(node.right)})`,
          nullable: false,
          simple: false,
        };
      case '==':
      case '!=':
        if (exactEquality(node)) {
          helpers.add('$eq');
          const test = `f_$eq(${materialize(gen(node.left))}, ${materialize(gen(node.right))})`;
          return { value: node.op === '==' ? test : `!${test}`, nullable: false, simple: false };
        }
        return {
          value: `(${comparable(node.left, node.right)} ${node.op}= ${comparable(node.right, node.left)})`,
          nullable: false,
          simple: false,
        };
      case 'in':
      case 'not in':
        return membership(node);
      default:
        return strict(node);
    }
  }

  const body = checked.type === 'boolean' ? truth(checked.root) : materialize(gen(checked.root));
  return { body, temps, helpers, readsReceivedOn };
}
