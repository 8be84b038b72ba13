import { describe, expect, it } from 'vitest';
import { ColumnRecordReader, RowRecordReader } from '../measures/record-reader.ts';
import { checkExpression } from './check-expression.ts';
import { compileExpression } from './compile-expression.ts';
import { EXPRESSION_FUNCTIONS } from './expression-functions.ts';
import type { FieldTypes } from './expression-types.ts';
import { interpretExpression } from './interpret-expression.ts';

const FIELDS: FieldTypes = { s: 'string', t: 'string', n: 'number', zips: 'list', langs: 'list' };

/** One record through the compiled row and columnar paths and the interpreter, which must agree. */
function run(source: string, record: Record<string, unknown>, receivedOn?: string | null): unknown {
  const compiled = compileExpression(source, FIELDS);
  const row = compiled.evaluate(record, receivedOn);
  const columns = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, [v]]));
  expect(compiled.evaluateAt(columns, 0, receivedOn)).toStrictEqual(row);
  expect(interpretExpression(source, FIELDS, record, undefined, receivedOn)).toStrictEqual(row);
  return row;
}

/** [code, position, message] of each issue. */
const problems = (source: string) =>
  checkExpression(source, FIELDS).map((i) => [i.code, i.position, i.message]);

describe('string functions', () => {
  it('length counts characters, a letter outside the BMP once', () => {
    expect(run('length(s)', { s: '9165550100' })).toBe(10);
    expect(run('length(s)', { s: '' })).toBe(0);
    // 'é' is one code unit; '😀' is two code units (a surrogate pair) but one character: 1 + 1 + 1 = 3.
    expect(run('length(s)', { s: 'é😀a' })).toBe(3);
    // A lone surrogate counts as one character.
    expect(run('length(s)', { s: '\ud800x' })).toBe(2);
  });

  it('lower, upper and trim', () => {
    expect(run('lower(s)', { s: 'Info@Bayview.EXAMPLE' })).toBe('info@bayview.example');
    expect(run('upper(s)', { s: 'es' })).toBe('ES');
    // The same in every locale: 'I' lowers to 'i' (not the Turkish dotless 'ı').
    expect(run('lower(s)', { s: 'I' })).toBe('i');
    expect(run('trim(s)', { s: ' \t 94107 \n' })).toBe('94107');
    expect(run("trim(s) == ''", { s: '   ' })).toBe(true);
  });

  it('startsWith, endsWith and contains (case matters; the empty string is in every string)', () => {
    expect(run("startsWith(s, '916')", { s: '9165550100' })).toBe(true);
    expect(run("startsWith(s, '415')", { s: '9165550100' })).toBe(false);
    expect(run("endsWith(s, '.example')", { s: 'info@bayview.example' })).toBe(true);
    expect(run("endsWith(s, '.EXAMPLE')", { s: 'info@bayview.example' })).toBe(false);
    expect(run("contains(s, '@')", { s: 'info@bayview.example' })).toBe(true);
    expect(run("contains(s, '@')", { s: 'info.bayview.example' })).toBe(false);
    expect(run('contains(s, t)', { s: 'abc', t: '' })).toBe(true);
    expect(run('startsWith(s, t)', { s: 'abc', t: 'abcd' })).toBe(false);
  });

  it('matches finds the pattern anywhere; ^ and $ anchor it to the whole string', () => {
    expect(run("matches(s, '^[0-9]{10}$')", { s: '9165550100' })).toBe(true);
    expect(run("matches(s, '^[0-9]{10}$')", { s: '916555010' })).toBe(false); // 9 digits
    expect(run("matches(s, '^[0-9]{10}$')", { s: '(916) 555-0100' })).toBe(false);
    expect(run("matches(s, '[0-9]{3}')", { s: 'call 916' })).toBe(true); // unanchored: found inside
    // $ is the end of the text only: a trailing newline does not match.
    expect(run("matches(s, '^[0-9]{5}$')", { s: '94107\n' })).toBe(false);
    expect(run("matches(s, '(?i)^info@')", { s: 'INFO@x.example' })).toBe(true);
    const email = "matches(s, '^[^@ ]+@[^@ ]+\\\\.[^@ ]+$')";
    expect(run(email, { s: 'info@bayview.example' })).toBe(true);
    expect(run(email, { s: 'info@bayview' })).toBe(false); // no dot after the @
    expect(run(email, { s: 'a@b@c.example' })).toBe(false);
  });

  it('gives null for a null argument, which a boolean expression reads as false', () => {
    for (const source of ['length(s)', 'lower(s)', 'upper(s)', 'trim(s)']) {
      expect(run(source, {})).toBeNull();
      expect(run(source, { s: 5 })).toBeNull(); // a number in a string field reads as null
    }
    // A boolean expression's result is never null, so isNull shows the function's null.
    for (const source of ["startsWith(s, 'a')", "endsWith(s, 'a')", "contains(s, 'a')", 'contains(t, s)']) {
      expect(run(`isNull(${source})`, { t: 'abc' })).toBe(true);
    }
    expect(run("isNull(matches(s, 'a'))", {})).toBe(true);
    expect(run("matches(s, 'a')", {})).toBe(false);
    expect(run("not matches(s, 'a')", {})).toBe(true);
  });
});

describe('list functions', () => {
  const zips = (list: unknown) => ({ zips: list });

  it('count gives the number of items, whatever they are', () => {
    expect(run('count(zips)', zips(['94107', '94110', 3]))).toBe(3);
    expect(run('count(zips)', zips([]))).toBe(0);
    expect(run('count(zips)', {})).toBeNull();
  });

  it('all: every item passes; true for an empty list', () => {
    const fiveDigits = "all(zips, matches(it, '^[0-9]{5}$'))";
    expect(run(fiveDigits, zips(['94107', '94110']))).toBe(true);
    expect(run(fiveDigits, zips(['94107', '9411']))).toBe(false);
    expect(run(fiveDigits, zips([]))).toBe(true);
    // A number item reads as null in `it`, so its predicate is null: false.
    expect(run(fiveDigits, zips(['94107', 94110]))).toBe(false);
  });

  it('any: some item passes; false for an empty list', () => {
    expect(run("any(langs, it == 'es')", { langs: ['en', 'es'] })).toBe(true);
    expect(run("any(langs, it == 'es')", { langs: ['en', 'zh'] })).toBe(false);
    expect(run("any(langs, it == 'es')", { langs: [] })).toBe(false);
    expect(run("any(langs, lower(trim(it)) == 'es')", { langs: [' ES'] })).toBe(true);
    // `it != 'es'` holds for a number item (it reads as null, and null != 'es').
    expect(run("any(langs, it != 'es')", { langs: ['es', 7] })).toBe(true);
  });

  it('gives null for a null list: false in logic, so a rule on an optional list tests present() first', () => {
    expect(run("isNull(all(zips, it == 'x'))", {})).toBe(true);
    expect(run("isNull(any(zips, it == 'x'))", zips('94107'))).toBe(true); // a string is not a list
    expect(run("all(zips, it == 'x')", {})).toBe(false);
    expect(run("not present(zips) or all(zips, it == 'x')", {})).toBe(true);
  });

  it('predicates read the record, and a nested predicate sees its own item', () => {
    // Every ZIP starts with the prefix field s: '941'.
    expect(run('all(zips, startsWith(it, s))', { zips: ['94107', '94110'], s: '941' })).toBe(true);
    // A nested predicate's `it` is its own item, and the outer `it` is the outer item again after it:
    // zip '1' with lang '2' passes both tests; were either `it` the other item, one test would fail.
    const nested = "any(zips, any(langs, it == '2') and it == '1')";
    expect(run(nested, { zips: ['1'], langs: ['2'] })).toBe(true);
    expect(run(nested, { zips: ['2'], langs: ['1'] })).toBe(false);
    expect(run('all(zips, count(langs) > 0)', { zips: ['1', '2'], langs: [] })).toBe(false);
  });
});

describe('receivedOn', () => {
  it('is the day passed to evaluate, a date that compares with date fields and literals', () => {
    expect(run("receivedOn <= date('2026-09-30')", {}, '2026-09-12')).toBe(true);
    expect(run("receivedOn <= date('2026-09-30')", {}, '2026-10-01')).toBe(false);
    expect(run("daysBetween(date('2026-09-10'), receivedOn)", {}, '2026-09-12')).toBe(2);
  });

  it('is a parameter only of the code of an expression that reads it', () => {
    // The evaluation path of other expressions stays exactly as it was: one parameter, r.
    expect(String(compileExpression('n > 1', FIELDS).evaluate)).toMatch(/^function evaluate\(r\) /);
    expect(String(compileExpression('isNull(receivedOn)', FIELDS).evaluate)).toMatch(
      /^function evaluate\(r, d\) /,
    );
  });

  it("is each submission's submittedOn when the measures' record readers evaluate", () => {
    const late = compileExpression("receivedOn > date('2026-09-30')", FIELDS);
    const rows = [
      { entityId: 'a', measure: 'm', period: '2026-27', submittedOn: '2026-10-01', data: {} },
      { entityId: 'b', measure: 'm', period: '2026-27', submittedOn: '2026-09-30', data: {} },
      { entityId: 'c', measure: 'm', period: '2026-27', data: {} }, // no day: null, not late
    ];
    const columns = {
      length: 3,
      entityId: ['a', 'b', 'c'],
      measure: ['m', 'm', 'm'],
      period: ['2026-27', '2026-27', '2026-27'],
      submittedOn: ['2026-10-01', '2026-09-30', null],
      data: {},
    };
    for (const reader of [new RowRecordReader(rows), new ColumnRecordReader(columns)]) {
      expect([0, 1, 2].map((i) => reader.evaluate(late, i))).toEqual([true, false, false]);
    }
  });

  it('is null when no day is given', () => {
    expect(run('isNull(receivedOn)', {})).toBe(true);
    expect(run('isNull(receivedOn)', {}, null)).toBe(true);
    expect(run("receivedOn <= date('2026-09-30')", {})).toBe(false);
  });
});

describe('type checks of the new functions', () => {
  it('refuses arguments of the wrong type, at the argument', () => {
    //                              0123456789
    expect(problems('length(5)')).toEqual([
      ['expression-type', 7, 'argument 1 of length must be string but is number'],
    ]);
    expect(problems('length(zips)')).toEqual([
      [
        'expression-type',
        7,
        'argument 1 of length must be string but is list; count(list) gives the number of items',
      ],
    ]);
    expect(problems('count(s)')).toEqual([
      ['expression-type', 6, 'argument 1 of count must be list but is string'],
    ]);
    // "all(s, true)": the list argument at 4.
    expect(problems('all(s, true)')).toEqual([
      ['expression-type', 4, 'argument 1 of all must be list but is string'],
    ]);
    // "any(zips, it)": the predicate gives a string, at 10.
    expect(problems('any(zips, it)')).toEqual([
      ['expression-type', 10, 'argument 2 of any must be boolean but is string'],
    ]);
    // "it == 5" inside a predicate: `it` is a string, '==' at 13.
    expect(problems('all(zips, it == 5)')).toEqual([
      ['expression-type', 13, "'==' compares string with number"],
    ]);
  });

  it('requires a literal pattern and reports an invalid one at its position', () => {
    // "matches(s, t)": t at 11 is not a literal.
    expect(problems('matches(s, t)')).toEqual([
      [
        'expression-type',
        11,
        "the pattern of matches must be a string literal like '^[0-9]{5}$', so it can be checked before use",
      ],
    ]);
    expect(problems('matches(s, null)')[0]?.[1]).toBe(11);
    // A number is reported once, as an argument of the wrong type.
    expect(problems('matches(s, 5)')).toEqual([
      ['expression-type', 11, 'argument 2 of matches must be string but is number'],
    ]);
    // "n > 1 and matches(s, '[0-9')": the pattern literal starts at 21.
    expect(problems("n > 1 and matches(s, '[0-9')")).toEqual([
      ['expression-type', 21, 'invalid regular expression: error parsing regexp: missing closing ]: `[0-9`'],
    ]);
    // Backreferences and lookaround need backtracking, which RE2 leaves out.
    expect(problems("matches(s, '(a)\\\\1')")[0]?.[2]).toContain('invalid escape sequence');
    expect(problems("matches(s, '(?=a)')")[0]?.[2]).toContain('unsupported Perl syntax');
  });

  it('knows `it` only inside a predicate', () => {
    expect(problems("it == 'a'")).toEqual([
      [
        'expression-unknown-field',
        0,
        "'it' is the current item and means something only inside all(list, ...) or any(list, ...)",
      ],
    ]);
    // The list argument is outside the predicate: "all(it, true)", it at 4.
    expect(problems('all(it, true)')[0]?.[1]).toBe(4);
  });

  it('refuses a schema field named like a language name', () => {
    const fields: FieldTypes = { receivedOn: 'date', it: 'string' };
    expect(checkExpression('isNull(receivedOn)', fields).map((i) => [i.code, i.position, i.message])).toEqual(
      [
        [
          'expression-reserved-name',
          7,
          "'receivedOn' is reserved by the expression language (the day the record was received) and cannot be a field name",
        ],
      ],
    );
    expect(checkExpression("any(l, it == 'a')", { ...fields, l: 'list' })[0]?.code).toBe(
      'expression-reserved-name',
    );
  });

  it('reads neither receivedOn nor it as a field', () => {
    expect(
      compileExpression("receivedOn > date('2026-01-01') and any(zips, it == s)", FIELDS).fields,
    ).toEqual(['zips', 's']);
  });

  it('documents every new function, with its null rule', () => {
    const doc = (name: string) => EXPRESSION_FUNCTIONS.find((f) => f.name === name)?.doc;
    expect(doc('all')).toMatch(/true for an empty list\. Null when the list is null\.$/);
    expect(doc('matches')).toMatch(/Null when an argument is null\.$/);
  });
});
