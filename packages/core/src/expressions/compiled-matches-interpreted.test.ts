import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpression } from './check-expression.ts';
import { compileExpression } from './compile-expression.ts';
import type { FieldTypes } from './expression-types.ts';
import { interpretExpression } from './interpret-expression.ts';

const FIELDS: FieldTypes = {
  n1: 'number',
  n2: 'number',
  s1: 'string',
  b1: 'boolean',
  b2: 'boolean',
  d1: 'date',
  d2: 'date',
  l1: 'list',
  l2: 'list',
};

// Random well-typed sources, one arbitrary per result type. The first choice of each oneof is a leaf,
// which fast-check falls back to once the shared depth limit is reached.
const depth = { maxDepth: 4, depthIdentifier: 'expression', depthSize: 'small' } as const;
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const call = (name: string, ...args: string[]) => `${name}(${args.join(', ')})`;

type Grammar = { num: string; bool: string; str: string; date: string };
const PATTERNS = [
  "'^[0-9]{5}$'",
  "'a'",
  "'(?i)^A'",
  "'^$'",
  "''",
  "'(a+)+$'",
  "'^[^@ ]+@[^@ ]+\\\\.[^@ ]+$'",
];

/**
 * The grammar of sources whose strings may include `it` (`inPredicate`: the source is the predicate
 * of an all/any) or not; the predicates of all/any come from `predicates`, the grammar with `it`.
 */
const grammar = (inPredicate: boolean, predicates?: () => fc.Arbitrary<string>) =>
  fc.letrec<Grammar>((tie) => {
    const predicate = predicates ?? (() => tie('bool'));
    return {
      num: fc.oneof(
        depth,
        fc.oneof(
          pick('n1', 'n2', '0', '1', '2.5', '45', '100', '0.1', '0.2', '0.3', '4.1', '3.1'),
          fc.nat(1000).map(String),
        ),
        fc
          .tuple(tie('num'), pick('+', '-', '*', '/', '%'), tie('num'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        tie('num').map((a) => `-${a}`),
        fc.tuple(pick('abs', 'floor', 'ceil'), tie('num')).map(([f, a]) => call(f, a)),
        fc
          .tuple(tie('num'), fc.option(fc.integer({ min: -1, max: 13 })))
          .map(([a, d]) =>
            d === null ? call('round', a) : call('round', a, d < 0 ? `(0 - ${-d})` : String(d)),
          ),
        fc.tuple(pick('min', 'max'), tie('num'), tie('num')).map(([f, a, b]) => call(f, a, b)),
        fc.tuple(tie('num'), pick('null', '0', 'n2')).map(([a, b]) => call('coalesce', a, b)),
        fc.tuple(tie('bool'), tie('num'), tie('num')).map(([c, a, b]) => call('if', c, a, b)),
        fc
          .tuple(pick('daysBetween', 'yearsBetween'), tie('date'), tie('date'))
          .map(([f, a, b]) => call(f, a, b)),
        fc.tuple(pick('year', 'month', 'day'), tie('date')).map(([f, a]) => call(f, a)),
        tie('str').map((a) => call('length', a)),
        pick('l1', 'l2').map((l) => call('count', l)),
      ),
      bool: fc.oneof(
        depth,
        pick('b1', 'b2', 'true', 'false'),
        fc.tuple(tie('bool'), pick('and', 'or'), tie('bool')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        tie('bool').map((a) => `not ${a}`),
        fc
          .tuple(tie('num'), pick('<', '<=', '>', '>=', '==', '!='), tie('num'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc
          .tuple(tie('date'), pick('<', '<=', '>', '>=', '==', '!='), tie('date'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc.tuple(tie('str'), pick('<', '==', '!='), tie('str')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc
          .tuple(tie('bool'), pick('==', '!='), pick('b1', 'null', 'true'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc
          .tuple(pick('n1', 'd1', 's1', 'b1', 'l1'), pick('== null', '!= null'))
          .map(([f, t]) => (f === 'l1' ? `isNull(${f})` : `(${f} ${t})`)),
        fc
          .tuple(tie('str'), pick('in', 'not in'), pick("['a', 'b']", "['a', null]", '[]', 'l1'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc
          .tuple(tie('num'), pick('in', 'not in'), pick('[1, 2, 45]', '[n2, null]', 'l1'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc.tuple(pick('isNull', 'present'), pick('n1', 's1', 'd1', 'b1', 'l1')).map(([f, a]) => call(f, a)),
        tie('num').map((a) => call('isNull', a)),
        fc
          .tuple(pick('startsWith', 'endsWith', 'contains'), tie('str'), tie('str'))
          .map(([f, a, b]) => call(f, a, b)),
        fc.tuple(tie('str'), pick(...PATTERNS)).map(([a, p]) => call('matches', a, p)),
        fc.tuple(pick('all', 'any'), pick('l1', 'l2'), predicate()).map(([f, l, p]) => call(f, l, p)),
        // A null list gives null, which isNull shows (a boolean result is never null).
        fc
          .tuple(pick('all', 'any'), pick('l1', 'l2'), predicate())
          .map(([f, l, p]) => call('isNull', call(f, l, p))),
      ),
      str: fc.oneof(
        depth,
        inPredicate
          ? pick('it', 'it', 's1', "'a'", "'94107'", "''")
          : pick('s1', "'a'", "'b'", "''", "' '", "'it\\'s'"),
        fc.tuple(tie('str'), tie('str')).map(([a, b]) => call('coalesce', a, b)),
        fc.tuple(tie('bool'), tie('str'), tie('str')).map(([c, a, b]) => call('if', c, a, b)),
        fc.tuple(pick('min', 'max'), tie('str'), tie('str')).map(([f, a, b]) => call(f, a, b)),
        fc.tuple(pick('lower', 'upper', 'trim'), tie('str')).map(([f, a]) => call(f, a)),
      ),
      date: fc.oneof(
        depth,
        pick('d1', 'd2', 'receivedOn', "date('2024-02-29')", "date('2026-07-01')", 'date(s1)'),
        fc
          .tuple(pick('addDays', 'addMonths', 'addYears'), tie('date'), tie('num'))
          .map(([f, a, n]) => call(f, a, n)),
        fc.tuple(tie('date'), tie('date')).map(([a, b]) => call('coalesce', a, b)),
        fc.tuple(tie('bool'), tie('date'), tie('date')).map(([c, a, b]) => call('if', c, a, b)),
        fc.tuple(pick('min', 'max'), tie('date'), tie('date')).map(([f, a, b]) => call(f, a, b)),
      ),
    };
  });

// Predicates (with `it`, and all/any nested in them); then the top-level sources, without `it`.
const inside = grammar(true);
const { num, bool, str, date } = grammar(false, () => inside.bool);

const isoDate = fc
  .integer({ min: -40000, max: 40000 }) // about 1860 .. 2079
  .map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10));
/** Right-typed values mostly, plus missing, null and wrong-typed ones (which read as null). */
const fieldValue = (right: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: right },
    { weight: 1, arbitrary: pick<unknown>(undefined, null, '5', 3, true, {}) },
  );
const record = fc.record(
  {
    n1: fieldValue(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double(), pick(0, -0, 0.5, 45))),
    n2: fieldValue(
      fc.oneof(
        fc.integer({ min: -5, max: 5 }),
        fc.double({ min: -1e6, max: 1e6 }),
        // short decimals, as submitted data has them: the compiled fast path vs the bigint reference
        fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.nat(4)).map(([m, k]) => Number(`${m}e-${k}`)),
      ),
    ),
    s1: fieldValue(
      fc.oneof(pick('a', 'b', '', ' ', '2026-07-01', '2026-02-30'), fc.string({ maxLength: 3 })),
    ),
    b1: fieldValue(fc.boolean()),
    b2: fieldValue(fc.boolean()),
    d1: fieldValue(
      fc.oneof({ weight: 5, arbitrary: isoDate }, { weight: 1, arbitrary: pick('2026-02-30', 'x') }),
    ),
    d2: fieldValue(isoDate),
    l1: fieldValue(fc.array(pick<unknown>('a', 'b', 1, 45, null), { maxLength: 3 })),
    l2: fieldValue(
      fc.array(
        fc.oneof(pick<unknown>('94107', '9410', 'A', ' a ', 'x@y.z', 7), fc.string({ maxLength: 3 })),
        {
          maxLength: 4,
        },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** The receipt day: mostly a date, sometimes absent or not a date (a string compares as one anyway). */
const receivedOn = fc.oneof(
  { weight: 5, arbitrary: isoDate },
  { weight: 1, arbitrary: pick<string | null | undefined>(undefined, null, '') },
);

describe('compiled evaluation agrees with the reference interpreter', () => {
  it.each([
    ['number', num],
    ['boolean', bool],
    ['string', str],
    ['date', date],
  ] as const)('on random well-typed %s expressions and random records', (type, source) => {
    fc.assert(
      fc.property(
        source,
        fc.array(fc.tuple(record, receivedOn), { minLength: 1, maxLength: 5 }),
        (src, rows) => {
          expect(checkExpression(src, FIELDS, type)).toEqual([]);
          const compiled = compileExpression(src, FIELDS, type);
          const columns = Object.fromEntries(
            Object.keys(FIELDS).map((k) => [k, rows.map(([r]) => r[k as keyof typeof r])]),
          );
          rows.forEach(([r, on], i) => {
            const expected = interpretExpression(src, FIELDS, r, type, on);
            expect(compiled.evaluate(r, on)).toStrictEqual(expected);
            expect(compiled.evaluateAt(columns, i, on)).toStrictEqual(expected);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
