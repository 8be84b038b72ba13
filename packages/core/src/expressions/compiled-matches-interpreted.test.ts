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
};

// Random well-typed sources, one arbitrary per result type. The first choice of each oneof is a leaf,
// which fast-check falls back to once the shared depth limit is reached.
const depth = { maxDepth: 4, depthIdentifier: 'expression', depthSize: 'small' } as const;
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const call = (name: string, ...args: string[]) => `${name}(${args.join(', ')})`;

const { num, bool, str, date } = fc.letrec<{ num: string; bool: string; str: string; date: string }>(
  (tie) => ({
    num: fc.oneof(
      depth,
      fc.oneof(pick('n1', 'n2', '0', '1', '2.5', '45', '100'), fc.nat(1000).map(String)),
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
    ),
    str: fc.oneof(
      depth,
      pick('s1', "'a'", "'b'", "''", "' '", "'it\\'s'"),
      fc.tuple(tie('str'), tie('str')).map(([a, b]) => call('coalesce', a, b)),
      fc.tuple(tie('bool'), tie('str'), tie('str')).map(([c, a, b]) => call('if', c, a, b)),
      fc.tuple(pick('min', 'max'), tie('str'), tie('str')).map(([f, a, b]) => call(f, a, b)),
    ),
    date: fc.oneof(
      depth,
      pick('d1', 'd2', "date('2024-02-29')", "date('2026-07-01')", 'date(s1)'),
      fc
        .tuple(pick('addDays', 'addMonths', 'addYears'), tie('date'), tie('num'))
        .map(([f, a, n]) => call(f, a, n)),
      fc.tuple(tie('date'), tie('date')).map(([a, b]) => call('coalesce', a, b)),
      fc.tuple(tie('bool'), tie('date'), tie('date')).map(([c, a, b]) => call('if', c, a, b)),
      fc.tuple(pick('min', 'max'), tie('date'), tie('date')).map(([f, a, b]) => call(f, a, b)),
    ),
  }),
);

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
    n2: fieldValue(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6 }))),
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
  },
  { requiredKeys: [] },
);

describe('compiled evaluation agrees with the reference interpreter', () => {
  it.each([
    ['number', num],
    ['boolean', bool],
    ['string', str],
    ['date', date],
  ] as const)('on random well-typed %s expressions and random records', (type, source) => {
    fc.assert(
      fc.property(source, fc.array(record, { minLength: 1, maxLength: 5 }), (src, records) => {
        expect(checkExpression(src, FIELDS, type)).toEqual([]);
        const compiled = compileExpression(src, FIELDS, type);
        const columns = Object.fromEntries(
          Object.keys(FIELDS).map((k) => [k, records.map((r) => r[k as keyof typeof r])]),
        );
        records.forEach((r, i) => {
          const expected = interpretExpression(src, FIELDS, r, type);
          expect(compiled.evaluate(r)).toStrictEqual(expected);
          expect(compiled.evaluateAt(columns, i)).toStrictEqual(expected);
        });
      }),
      { numRuns: 400 },
    );
  });
});
