import { afterEach, describe, expect, it, vi } from 'vitest';
import { RulebookError } from '../errors.ts';
import { compileExpression } from './compile-expression.ts';
import type { FieldTypes } from './expression-types.ts';
import { interpretExpression } from './interpret-expression.ts';

const FIELDS: FieldTypes = {
  age: 'number',
  excluded: 'boolean',
  screenedOn: 'date',
  dueDate: 'date',
  code: 'string',
  tags: 'list',
};

/** Evaluates through all three paths (compiled row, compiled columnar, interpreter) and insists they agree. */
function run(source: string, record: Record<string, unknown>, fields: FieldTypes = FIELDS): unknown {
  const compiled = compileExpression(source, fields);
  const row = compiled.evaluate(record);
  const columns = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, [v]]));
  expect(compiled.evaluateAt(columns, 0)).toStrictEqual(row);
  expect(interpretExpression(source, fields, record)).toStrictEqual(row);
  return row;
}

function issuesOf(source: string, fields: FieldTypes = FIELDS) {
  try {
    compileExpression(source, fields);
  } catch (error) {
    expect(error).toBeInstanceOf(RulebookError);
    expect((error as RulebookError).code).toBe('expression-invalid');
    return (error as RulebookError).issues;
  }
  throw new Error(`expected ${source} to be refused`);
}

describe('compileExpression', () => {
  it('evaluates the screening predicate over rows and columns', () => {
    const e = compileExpression(
      'age >= 45 and age <= 75 and not excluded and screenedOn <= dueDate',
      FIELDS,
      'boolean',
    );
    expect(e.type).toBe('boolean');
    expect(e.fields).toEqual(['age', 'excluded', 'screenedOn', 'dueDate']);
    const yes = { age: 45, excluded: false, screenedOn: '2026-03-01', dueDate: '2026-03-01' };
    expect(e.evaluate(yes)).toBe(true);
    expect(e.evaluate({ ...yes, age: 76 })).toBe(false);
    expect(e.evaluate({ ...yes, screenedOn: '2026-03-02' })).toBe(false);
    expect(e.evaluate({ ...yes, excluded: true })).toBe(false);
    const columns = {
      age: new Float64Array([45, 44, 75]),
      excluded: [false, false, false],
      screenedOn: ['2026-01-01', '2026-01-01', null],
      dueDate: ['2026-02-01', '2026-02-01', '2026-02-01'],
    };
    expect([0, 1, 2].map((i) => e.evaluateAt(columns, i))).toEqual([true, false, false]);
  });

  it('computes arithmetic with the usual precedence', () => {
    expect(run('age + 2 * 3 - 4 / 2', { age: 10 })).toBe(14); // 10 + 6 - 2
    expect(run('(age + 2) * 3 % 5', { age: 10 })).toBe(1); // 36 % 5
    expect(run('-age * 2', { age: 10 })).toBe(-20);
    expect(run('round(age / 3, 2)', { age: 10 })).toBe(3.33);
    expect(run("if(code in ['950', '952'], 1, 0) + max(age, 3, 7)", { code: '952', age: 5 })).toBe(8); // 1 + 7
  });

  it('refuses an invalid expression with every issue', () => {
    const issues = issuesOf('agee > 1 or code > 2');
    expect(issues.map((i) => [i.code, i.position])).toEqual([
      ['expression-unknown-field', 0],
      ['expression-type', 17],
    ]);
  });
});

describe('null semantics (see README.md)', () => {
  const missing = {};
  it('makes comparisons with null false, whichever way they point', () => {
    expect(run('age >= 45', missing)).toBe(false);
    expect(run('age < 45', missing)).toBe(false);
    expect(run('not (age >= 45)', missing)).toBe(true);
    expect(run('screenedOn <= dueDate', { dueDate: '2026-01-01' })).toBe(false);
  });

  it('propagates null through arithmetic and gives null on division by zero', () => {
    expect(run('age + 1', missing)).toBeNull();
    expect(run('age * 0', missing)).toBeNull();
    expect(run('-age', missing)).toBeNull();
    expect(run('age / 0', { age: 1 })).toBeNull();
    expect(run('age % (age - 5)', { age: 5 })).toBeNull();
    expect(run('(age / 0) >= 0 or age / 0 < 0', { age: 1 })).toBe(false);
  });

  it('treats null as a value in == and !=', () => {
    expect(run('age == null', missing)).toBe(true);
    expect(run('age == null', { age: 0 })).toBe(false);
    expect(run('age != 5', missing)).toBe(true);
    expect(run('age == 5', missing)).toBe(false);
    expect(run('screenedOn == dueDate', missing)).toBe(true); // both null
    expect(run("code in ['a', null]", missing)).toBe(true);
    expect(run("code in ['a']", missing)).toBe(false);
    expect(run("code not in ['a']", missing)).toBe(true);
    expect(run("'a' in tags", missing)).toBe(false);
  });

  it('counts null as false in and, or, not and if, so predicates always answer true or false', () => {
    expect(run('not excluded', missing)).toBe(true);
    expect(run('excluded', missing)).toBe(false);
    expect(run('excluded or age > 1', { age: 2 })).toBe(true);
    expect(run('excluded and true', missing)).toBe(false);
    expect(run('if(excluded, 1, 2)', missing)).toBe(2);
  });

  it('makes functions give null for a null argument, except the null-aware ones', () => {
    expect(run('abs(age)', missing)).toBeNull();
    expect(run('max(age, 3)', missing)).toBeNull();
    expect(run('addDays(screenedOn, 1)', missing)).toBeNull();
    expect(run('yearsBetween(screenedOn, dueDate)', { dueDate: '2026-01-01' })).toBeNull();
    expect(run('coalesce(age, 0)', missing)).toBe(0);
    expect(run('coalesce(age, 0)', { age: 7 })).toBe(7);
    expect(run('isNull(age)', missing)).toBe(true);
    expect(run('present(code)', { code: '  ' })).toBe(false);
    expect(run('present(tags)', { tags: [] })).toBe(false);
    expect(run('present(tags)', { tags: ['x'] })).toBe(true);
  });

  it('reads a value of the wrong JavaScript type as null, so it never concatenates or coerces', () => {
    expect(run('age + 1', { age: '50' })).toBeNull(); // not '501'
    expect(run('age >= 45', { age: '50' })).toBe(false);
    expect(run('age == 50', { age: '50' })).toBe(false);
    expect(run('not excluded', { excluded: 'false' })).toBe(true); // a string is not a boolean: null, so not null = true
    expect(run("'x' in tags", { tags: 'xyz' })).toBe(false);
  });

  it('reads a missing column as null', () => {
    const e = compileExpression('coalesce(age, -1)', FIELDS);
    expect(e.evaluateAt({}, 0)).toBe(-1);
    expect(e.evaluateAt({ age: [3] }, 5)).toBe(-1); // past the end
  });
});

describe('functions', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(run('round(age, 2)', { age: 1.005 })).toBe(1.01); // 1.005 * 100 is 100.4999... in binary
    expect(run('round(age)', { age: 2.5 })).toBe(3);
    expect(run('round(age)', { age: -2.5 })).toBe(-3);
    expect(run('round(age, 2)', { age: 0.125 })).toBe(0.13);
    expect(run('round(age, 1)', { age: 1234.5678 })).toBe(1234.6);
    expect(Object.is(run('round(age)', { age: -0.4 }), 0)).toBe(true); // 0, not -0
    expect(run('round(age, 13)', { age: 1 })).toBeNull();
    expect(run('round(age, 0.5)', { age: 1 })).toBeNull();
  });

  it('computes min, max, floor, ceil and date parts', () => {
    expect(run('min(age, 2, 9)', { age: 5 })).toBe(2);
    expect(run('max(screenedOn, dueDate)', { screenedOn: '2026-01-02', dueDate: '2025-12-31' })).toBe(
      '2026-01-02',
    );
    expect(run('floor(age) + ceil(age)', { age: 2.5 })).toBe(5); // 2 + 3
    expect(run('year(screenedOn) * 100 + month(screenedOn)', { screenedOn: '2026-07-09' })).toBe(202607);
    expect(run("addMonths(date('2026-01-31'), 1)", {})).toBe('2026-02-28');
    expect(run("yearsBetween(screenedOn, date('2026-07-01')) >= 18", { screenedOn: '2008-07-02' })).toBe(
      false,
    ); // 17 years 364 days
    expect(run('date(code)', { code: '2026-02-30' })).toBeNull();
  });
});

describe('where code generation is forbidden (Content Security Policy)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('falls back to the interpreter behind the same entry points', () => {
    vi.stubGlobal(
      'Function',
      class {
        constructor() {
          throw new EvalError('Refused to evaluate a string as JavaScript');
        }
      },
    );
    const e = compileExpression('coalesce(age, 0) + 1 > 1 and not excluded', FIELDS);
    expect(String(e.evaluate)).not.toMatch(/^function evaluate/); // not the generated function
    expect(e.evaluate({ age: 1 })).toBe(true); // 1 + 1 > 1, excluded missing
    expect(e.evaluate({})).toBe(false); // 0 + 1 > 1 is false
    expect(e.evaluateAt({ age: [5, 0], excluded: [true, false] }, 0)).toBe(false);
    expect(e.evaluateAt({ age: [5, 3], excluded: [true, false] }, 1)).toBe(true);
  });
});
