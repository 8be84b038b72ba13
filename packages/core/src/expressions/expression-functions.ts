import {
  type ExactNumber,
  exactAbs,
  exactCeil,
  exactCompare,
  exactFloor,
  exactRoundHalfUp,
  exactToNumber,
  exactTrunc,
} from '../money/exact-number.ts';
import {
  addDays,
  addMonths,
  addYears,
  dayOf,
  daysBetween,
  monthOf,
  toIsoDate,
  yearOf,
  yearsBetween,
} from './date-arithmetic.ts';
import type { ExprType } from './expression-types.ts';
import type { Pattern } from './regular-expression.ts';

/** A parameter: a fixed type, `T` (one type shared by every `T` of the call) or `any`. */
type ParamType = ExprType | 'T' | 'any';

export interface FunctionSpec {
  readonly name: string;
  readonly params: readonly ParamType[];
  /** How many of the params are required; the rest are optional. */
  readonly required: number;
  /** The last param may repeat. */
  readonly variadic?: boolean;
  readonly returns: ExprType | 'T';
  /** The types `T` may take; any type when absent. */
  readonly generic?: readonly ExprType[];
  /** True when the result is never null (lets the compiler drop null checks). */
  readonly neverNull?: boolean;
  readonly signature: string;
  readonly doc: string;
  /**
   * Argument 2 is a predicate over the items of argument 1 (a list): it is evaluated once per item
   * with `it` bound to the item, and reaches the implementation as a function item -> boolean.
   */
  readonly predicate?: true;
  /** Argument 2 must be a string literal: a regular expression, compiled when checked (a Pattern at run time). */
  readonly pattern?: true;
  /** Runtime implementation over already-normalised values (the compiler inlines a few of them). */
  readonly impl: (...args: never[]) => unknown;
}

type Num = ExactNumber | null;
type Ord = ExactNumber | string | null;

/** Every function gives null when an argument is null; these four exist to handle null. */
const NULL_AWARE = new Set(['coalesce', 'isNull', 'present', 'if']);

/** a < b: numbers exactly (an exact value is an object), dates and strings as strings. */
function less(a: Ord, b: Ord): boolean {
  if (typeof a === 'object' || typeof b === 'object') {
    return exactCompare(a as ExactNumber, b as ExactNumber) < 0;
  }
  return (a as number | string) < (b as number | string);
}

/** The value `before` puts ahead of every other (the first of equals); null when any value is null. */
function firstOf(values: Ord[], before: (a: Ord, b: Ord) => boolean): Ord {
  let best: Ord = null;
  for (const v of values) {
    if (v === null) return null;
    if (best === null || before(v, best)) best = v;
  }
  return best;
}

const minOf = (...values: Ord[]): Ord => firstOf(values, less);
const maxOf = (...values: Ord[]): Ord => firstOf(values, (a, b) => less(b, a));

const abs = (x: Num): Num => (x === null ? null : exactAbs(x));
const floor = (x: Num): Num => (x === null ? null : exactFloor(x));
const ceil = (x: Num): Num => (x === null ? null : exactCeil(x));

/**
 * Half away from zero at `digits` decimals (like a spreadsheet's ROUND), decided on the exact value
 * (a number is its decimal text), so round(1.005, 2) is 1.01 although 1.005 * 100 is 100.49999...
 * in binary.
 */
function round(x: Num, digits: Num = 0): Num {
  if (x === null || digits === null || typeof digits !== 'number') return null;
  if (!Number.isInteger(digits) || digits < 0 || digits > 12) return null;
  return exactRoundHalfUp(x, digits);
}

/** A count of days, months or years: cut toward zero to a whole number (an exact one first). */
const whole = (n: Num): number | null => (n === null ? null : exactToNumber(exactTrunc(n)));
const addDaysOf = (d: string | null, n: Num) => addDays(d, whole(n));
const addMonthsOf = (d: string | null, n: Num) => addMonths(d, whole(n));
const addYearsOf = (d: string | null, n: Num) => addYears(d, whole(n));

function coalesce(...values: unknown[]): unknown {
  for (const v of values) if (v !== null) return v;
  return null;
}

const isNull = (x: unknown): boolean => x === null;
const present = (x: unknown): boolean =>
  x !== null && !(typeof x === 'string' && x.trim() === '') && !(Array.isArray(x) && x.length === 0);
const choose = (condition: boolean | null, then: unknown, otherwise: unknown): unknown =>
  condition === true ? then : otherwise;

type Str = string | null;

/** Characters are Unicode code points: a letter outside the BMP (an emoji, say) counts once, not twice. */
function length(s: Str): Num {
  if (s === null) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}

// Locale-independent case mapping, so a result never depends on where the engine runs.
const lower = (s: Str): Str => (s === null ? null : s.toLowerCase());
const upper = (s: Str): Str => (s === null ? null : s.toUpperCase());
const trim = (s: Str): Str => (s === null ? null : s.trim());
const startsWith = (s: Str, prefix: Str): boolean | null =>
  s === null || prefix === null ? null : s.startsWith(prefix);
const endsWith = (s: Str, suffix: Str): boolean | null =>
  s === null || suffix === null ? null : s.endsWith(suffix);
const contains = (s: Str, part: Str): boolean | null =>
  s === null || part === null ? null : s.includes(part);
const matches = (s: Str, pattern: Pattern): boolean | null => (s === null ? null : pattern.test(s));

type List = readonly unknown[] | null;
type Predicate = (item: unknown) => boolean;

const count = (list: List): Num => (list === null ? null : list.length);

/** True when the predicate holds for every item (so for an empty list); a null predicate counts as false. */
function all(list: List, predicate: Predicate): boolean | null {
  if (list === null) return null;
  for (let i = 0; i < list.length; i++) if (!predicate(list[i])) return false;
  return true;
}

/** True when the predicate holds for some item (so never for an empty list). */
function any(list: List, predicate: Predicate): boolean | null {
  if (list === null) return null;
  for (let i = 0; i < list.length; i++) if (predicate(list[i])) return true;
  return false;
}

const ORDERED: readonly ExprType[] = ['number', 'date', 'string'];

export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  {
    name: 'min',
    params: ['T', 'T'],
    required: 2,
    variadic: true,
    returns: 'T',
    generic: ORDERED,
    signature: 'min(a, b, ...): T',
    doc: 'Smallest argument; numbers, dates or strings, all of one type.',
    impl: minOf,
  },
  {
    name: 'max',
    params: ['T', 'T'],
    required: 2,
    variadic: true,
    returns: 'T',
    generic: ORDERED,
    signature: 'max(a, b, ...): T',
    doc: 'Largest argument; numbers, dates or strings, all of one type.',
    impl: maxOf,
  },
  {
    name: 'abs',
    params: ['number'],
    required: 1,
    returns: 'number',
    signature: 'abs(x: number): number',
    doc: 'Absolute value.',
    impl: abs,
  },
  {
    name: 'floor',
    params: ['number'],
    required: 1,
    returns: 'number',
    signature: 'floor(x: number): number',
    doc: 'Largest whole number <= x.',
    impl: floor,
  },
  {
    name: 'ceil',
    params: ['number'],
    required: 1,
    returns: 'number',
    signature: 'ceil(x: number): number',
    doc: 'Smallest whole number >= x.',
    impl: ceil,
  },
  {
    name: 'round',
    params: ['number', 'number'],
    required: 1,
    returns: 'number',
    signature: 'round(x: number, digits?: number): number',
    doc: 'Rounds half away from zero to `digits` decimals (0 when omitted; a whole number 0..12, else null).',
    impl: round,
  },
  {
    name: 'coalesce',
    params: ['T', 'T'],
    required: 1,
    variadic: true,
    returns: 'T',
    signature: 'coalesce(a, b, ...): T',
    doc: 'First argument that is not null (null when all are).',
    impl: coalesce,
  },
  {
    name: 'if',
    params: ['boolean', 'T', 'T'],
    required: 3,
    returns: 'T',
    signature: 'if(condition: boolean, then: T, otherwise: T): T',
    doc: '`then` when the condition is true; `otherwise` when it is false or null.',
    impl: choose,
  },
  {
    name: 'isNull',
    params: ['any'],
    required: 1,
    returns: 'boolean',
    neverNull: true,
    signature: 'isNull(x): boolean',
    doc: 'True when x is null (a missing field, or a value not of the field type).',
    impl: isNull,
  },
  {
    name: 'present',
    params: ['any'],
    required: 1,
    returns: 'boolean',
    neverNull: true,
    signature: 'present(x): boolean',
    doc: 'True when x is not null, not a blank string and not an empty list.',
    impl: present,
  },
  {
    name: 'date',
    params: ['string'],
    required: 1,
    returns: 'date',
    signature: 'date(s: string): date',
    doc: "The date written as 'YYYY-MM-DD'; null when it is not a real date. A literal is checked when the expression is.",
    impl: toIsoDate,
  },
  {
    name: 'addDays',
    params: ['date', 'number'],
    required: 2,
    returns: 'date',
    signature: 'addDays(d: date, n: number): date',
    doc: 'Date n days later (earlier when n < 0); n is cut to a whole number.',
    impl: addDaysOf,
  },
  {
    name: 'addMonths',
    params: ['date', 'number'],
    required: 2,
    returns: 'date',
    signature: 'addMonths(d: date, n: number): date',
    doc: 'Same day n calendar months later, clamped to the end of a shorter month (2026-01-31 + 1 = 2026-02-28).',
    impl: addMonthsOf,
  },
  {
    name: 'addYears',
    params: ['date', 'number'],
    required: 2,
    returns: 'date',
    signature: 'addYears(d: date, n: number): date',
    doc: 'Same day n years later; 02-29 becomes 02-28 in a common year.',
    impl: addYearsOf,
  },
  {
    name: 'daysBetween',
    params: ['date', 'date'],
    required: 2,
    returns: 'number',
    signature: 'daysBetween(from: date, to: date): number',
    doc: 'Days from `from` to `to` (negative when `to` is earlier).',
    impl: daysBetween,
  },
  {
    name: 'yearsBetween',
    params: ['date', 'date'],
    required: 2,
    returns: 'number',
    signature: 'yearsBetween(from: date, to: date): number',
    doc: 'Whole years from `from` to `to`, counted like age: yearsBetween(birthDate, asOf).',
    impl: yearsBetween,
  },
  {
    name: 'year',
    params: ['date'],
    required: 1,
    returns: 'number',
    signature: 'year(d: date): number',
    doc: 'Calendar year of d.',
    impl: yearOf,
  },
  {
    name: 'month',
    params: ['date'],
    required: 1,
    returns: 'number',
    signature: 'month(d: date): number',
    doc: 'Month of d, 1..12.',
    impl: monthOf,
  },
  {
    name: 'day',
    params: ['date'],
    required: 1,
    returns: 'number',
    signature: 'day(d: date): number',
    doc: 'Day of the month of d, 1..31.',
    impl: dayOf,
  },
  {
    name: 'length',
    params: ['string'],
    required: 1,
    returns: 'number',
    signature: 'length(s: string): number',
    doc: 'Number of characters (Unicode code points) in s; count(list) counts the items of a list.',
    impl: length,
  },
  {
    name: 'lower',
    params: ['string'],
    required: 1,
    returns: 'string',
    signature: 'lower(s: string): string',
    doc: 's in lower case (the same in every locale).',
    impl: lower,
  },
  {
    name: 'upper',
    params: ['string'],
    required: 1,
    returns: 'string',
    signature: 'upper(s: string): string',
    doc: 's in upper case (the same in every locale).',
    impl: upper,
  },
  {
    name: 'trim',
    params: ['string'],
    required: 1,
    returns: 'string',
    signature: 'trim(s: string): string',
    doc: 's without white space at either end.',
    impl: trim,
  },
  {
    name: 'startsWith',
    params: ['string', 'string'],
    required: 2,
    returns: 'boolean',
    signature: 'startsWith(s: string, prefix: string): boolean',
    doc: 'True when s begins with prefix (case matters; every s starts with the empty string).',
    impl: startsWith,
  },
  {
    name: 'endsWith',
    params: ['string', 'string'],
    required: 2,
    returns: 'boolean',
    signature: 'endsWith(s: string, suffix: string): boolean',
    doc: 'True when s ends with suffix (case matters).',
    impl: endsWith,
  },
  {
    name: 'contains',
    params: ['string', 'string'],
    required: 2,
    returns: 'boolean',
    signature: 'contains(s: string, part: string): boolean',
    doc: 'True when part occurs in s (case matters).',
    impl: contains,
  },
  {
    name: 'matches',
    params: ['string', 'string'],
    required: 2,
    returns: 'boolean',
    pattern: true,
    signature: "matches(s: string, pattern: 'literal'): boolean",
    doc:
      'True when the regular expression matches somewhere in s; anchor it (^...$) to match all of s. ' +
      'RE2 syntax, matched in linear time; the pattern is a string literal, checked with the expression.',
    impl: matches,
  },
  {
    name: 'count',
    params: ['list'],
    required: 1,
    returns: 'number',
    signature: 'count(list: list): number',
    doc: 'Number of items in the list.',
    impl: count,
  },
  {
    name: 'all',
    params: ['list', 'boolean'],
    required: 2,
    returns: 'boolean',
    predicate: true,
    signature: 'all(list: list, predicate): boolean',
    doc: 'True when the predicate holds for every item, `it` being the item (a string; any other item reads as null); true for an empty list.',
    impl: all,
  },
  {
    name: 'any',
    params: ['list', 'boolean'],
    required: 2,
    returns: 'boolean',
    predicate: true,
    signature: 'any(list: list, predicate): boolean',
    doc: 'True when the predicate holds for some item, `it` being the item (a string; any other item reads as null); false for an empty list.',
    impl: any,
  },
];

export const FUNCTIONS_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(
  FUNCTION_SPECS.map((f) => [f.name, f]),
);

/** The documented function list (also rendered in src/expressions/README.md). */
export const EXPRESSION_FUNCTIONS: readonly { name: string; signature: string; doc: string }[] =
  Object.freeze(
    FUNCTION_SPECS.map(({ name, signature, doc, predicate }) =>
      Object.freeze({
        name,
        signature,
        doc: NULL_AWARE.has(name)
          ? doc
          : `${doc} Null when ${predicate ? 'the list' : 'an argument'} is null.`,
      }),
    ),
  );

/**
 * The only values generated code can reach besides the record: a frozen table of these functions,
 * keyed by function name.
 */
export const FUNCTION_TABLE: Readonly<Record<string, (...args: never[]) => unknown>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, (...args: never[]) => unknown>,
    Object.fromEntries(FUNCTION_SPECS.map((f) => [f.name, f.impl])),
  ),
);
