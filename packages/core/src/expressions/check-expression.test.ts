import { describe, expect, it } from 'vitest';
import { checkExpression } from './check-expression.ts';
import type { FieldTypes } from './expression-types.ts';

const FIELDS: FieldTypes = {
  age: 'number',
  excluded: 'boolean',
  screenedOn: 'date',
  dueDate: 'date',
  serviceCode: 'string',
  tags: 'list',
};

/** [code, position, message fragment] of each issue, in order. */
const problems = (source: string, expect?: 'number' | 'boolean') =>
  checkExpression(source, FIELDS, expect).map((i) => [i.code, i.position, i.message]);

describe('checkExpression', () => {
  it('accepts well-typed expressions', () => {
    expect(
      checkExpression(
        'age >= 45 and age <= 75 and not excluded and screenedOn <= dueDate',
        FIELDS,
        'boolean',
      ),
    ).toEqual([]);
    expect(checkExpression("serviceCode in ['950', '952'] or 'x' in tags", FIELDS)).toEqual([]);
    expect(
      checkExpression(
        "yearsBetween(addMonths(screenedOn, 6), date('2027-01-01')) + abs(-age)",
        FIELDS,
        'number',
      ),
    ).toEqual([]);
    expect(
      checkExpression('coalesce(age, 0) + if(excluded, 1, 0) > 0 and screenedOn != null', FIELDS),
    ).toEqual([]);
  });

  it('reports an unknown field at its position, with a suggestion when close', () => {
    //           0123456789
    expect(problems('agee >= 45')).toEqual([
      ['expression-unknown-field', 0, "unknown field 'agee'; did you mean 'age'?"],
    ]);
    expect(problems('1 + zzz')).toEqual([['expression-unknown-field', 4, "unknown field 'zzz'"]]);
  });

  it('reports type mismatches at the operator or the offending operand', () => {
    // "age >= '45'": '>=' is at offset 4.
    expect(problems("age >= '45'")).toEqual([['expression-type', 4, "'>=' compares number with string"]]);
    // "screenedOn <= '2026-07-01'": '<=' at 11; the hint says how to write a date.
    expect(problems("screenedOn <= '2026-07-01'")[0]).toEqual([
      'expression-type',
      11,
      "'<=' compares date with string; write a date as date('YYYY-MM-DD')",
    ]);
    // "age and excluded": the left side of 'and' (offset 0) is a number.
    expect(problems('age and excluded')).toEqual([
      ['expression-type', 0, "'and' needs true/false values but its left side is number"],
    ]);
    // "screenedOn + 30": '+' at offset 11; the hint names the date functions.
    expect(problems('screenedOn + 30')[0]?.[1]).toBe(11);
    expect(problems('screenedOn + 30')[0]?.[2]).toContain('addDays');
    // "not age": 'not' at 0.
    expect(problems('not age')).toEqual([
      ['expression-type', 0, "'not' needs a true/false value but got number"],
    ]);
    // "excluded < true": booleans have no order; '<' at 9.
    expect(problems('excluded < true')).toEqual([['expression-type', 9, 'boolean values cannot be ordered']]);
    // "age < null": always false, '<' at 4.
    expect(problems('age < null')[0]?.[1]).toBe(4);
  });

  it('reports argument types and arity at the argument and at the function name', () => {
    // "addDays(screenedOn, '7')": argument 2 starts at offset 20.
    expect(problems("addDays(screenedOn, '7')")).toEqual([
      ['expression-type', 20, 'argument 2 of addDays must be number but is string'],
    ]);
    // "x + round(age, 1, 2)": round starts at offset 4.
    expect(problems('1 + round(age, 1, 2)')).toEqual([
      [
        'expression-arity',
        4,
        'round takes 1 to 2 arguments but got 3 (round(x: number, digits?: number): number)',
      ],
    ]);
    expect(problems('abs()')).toEqual([
      ['expression-arity', 0, 'abs takes 1 argument but got 0 (abs(x: number): number)'],
    ]);
    expect(problems('min(age)')[0]?.[2]).toContain('min takes at least 2 arguments');
    // "max(age, screenedOn)": second argument (offset 9) must match the first.
    expect(problems('max(age, screenedOn)')).toEqual([
      ['expression-type', 9, 'argument 2 of max must be number like the one before it but is date'],
    ]);
    expect(problems('max(excluded, true)')[0]?.[2]).toBe(
      'argument 1 of max must be number, date, string but is boolean',
    );
  });

  it('reports unknown functions and invalid date literals', () => {
    expect(problems('ageOf(screenedOn) > 1')).toEqual([
      ['expression-unknown-function', 0, "unknown function 'ageOf'"],
    ]);
    expect(problems('adddays(screenedOn, 1) > dueDate')[0]?.[2]).toBe(
      "unknown function 'adddays'; did you mean 'addDays'?",
    );
    // 2026 is not a leap year, so 02-29 does not exist; the literal starts at offset 19.
    expect(problems("screenedOn >= date('2026-02-29')")).toEqual([
      ['expression-type', 19, "'2026-02-29' is not a real date in the form YYYY-MM-DD"],
    ]);
  });

  it('reports list misuse', () => {
    expect(problems('[1, 2] == age')[0]?.[2]).toContain("can only follow 'in'");
    // "age in [1, 'x']": the string item is at offset 11.
    expect(problems("age in [1, 'x']")).toEqual([
      ['expression-type', 11, 'list item must be number but is string'],
    ]);
    expect(problems('age in serviceCode')[0]?.[2]).toContain('must be a list like [a, b] but is string');
    expect(problems('tags == tags')[0]?.[2]).toContain('cannot compare lists');
  });

  it('checks the expected result type', () => {
    expect(problems('age + 1', 'boolean')).toEqual([
      ['expression-type', 0, 'expression must give boolean but gives number'],
    ]);
    expect(problems('null')).toEqual([['expression-type', 0, 'expression is always null']]);
    expect(problems('null', 'boolean')).toEqual([]);
  });

  it('reports every problem, not just the first, sorted by position', () => {
    // 'agee' at 0; '+' of a number and a string at 18 ("(age + 'x')" opens at 13); addDays(one argument) at 33.
    const source = "agee > 1 and (age + 'x') > 2 and addDays(screenedOn) > dueDate";
    //              0         1         2         3
    //              0123456789012345678901234567890123
    expect(problems(source).map(([code, position]) => [code, position])).toEqual([
      ['expression-unknown-field', 0],
      ['expression-type', 18],
      ['expression-arity', 33],
    ]);
  });

  it('returns a syntax error as a single issue', () => {
    expect(problems('age >')).toEqual([['expression-syntax', 5, 'unexpected the end of the expression']]);
  });
});
