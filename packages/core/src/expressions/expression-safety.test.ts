import { afterEach, describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { checkExpression } from './check-expression.ts';
import { compileExpression } from './compile-expression.ts';
import { FUNCTION_TABLE } from './expression-functions.ts';
import type { FieldTypes } from './expression-types.ts';

const FIELDS: FieldTypes = { age: 'number', code: 'string', tags: 'list', excluded: 'boolean' };
const globals = globalThis as Record<string, unknown>;

function refused(source: string, fields: FieldTypes = FIELDS): string[] {
  expect(() => compileExpression(source, fields)).toThrow(RulebookError);
  return checkExpression(source, fields).map((i) => i.code);
}

describe('expression safety', () => {
  afterEach(() => {
    delete globals.pwned;
  });

  it('refuses names that reach the prototype chain or the host when they are not declared fields', () => {
    for (const name of [
      'constructor',
      '__proto__',
      'prototype',
      'toString',
      'valueOf',
      'hasOwnProperty',
      'this',
      'globalThis',
      'process',
      'window',
      'Function',
      'eval',
      'require',
    ]) {
      expect(refused(`${name} == 1`)).toEqual(['expression-unknown-field']);
    }
  });

  it('refuses reserved names even when a schema declares them as fields', () => {
    // JSON.parse makes "__proto__" an own property, as a rulebook read from JSON would.
    const hostile = JSON.parse(
      '{"__proto__": "number", "constructor": "number", "prototype": "number", "toString": "string", "this": "number"}',
    ) as FieldTypes;
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'this']) {
      expect(refused(`${name} == 1`, hostile)).toEqual(['expression-reserved-name']);
    }
  });

  it('has no syntax for property access, calls on values, or statements', () => {
    expect(refused("constructor('return process')()")).toEqual(['expression-syntax']);
    expect(refused('code.constructor')).toEqual(['expression-syntax']);
    expect(refused("code['constructor']")).toEqual(['expression-syntax']);
    expect(refused('age; globalThis.pwned = 1')).toEqual(['expression-syntax']);
    expect(refused('`x`')).toEqual(['expression-syntax']);
    expect(refused('eval("1")')).toEqual(['expression-unknown-function']);
    expect(refused('Function("return this")')).toEqual(['expression-unknown-function']);
  });

  it('keeps string tricks inside string literals', () => {
    const tricks = [
      '"); globalThis.pwned = 1; ("',
      "'); globalThis.pwned = 1; ('",
      '$' + '{globalThis.pwned = 1}', // a template placeholder, were the literal a template
      '\\u0022); globalThis.pwned = 1; //',
      '\u2028globalThis.pwned = 1',
      '</script><script>globalThis.pwned = 1</script>',
    ];
    for (const trick of tricks) {
      const literal = `'${trick.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
      const e = compileExpression(`if(code == ${literal}, ${literal}, 'no')`, FIELDS);
      expect(e.evaluate({ code: trick })).toBe(trick);
      expect(e.evaluate({ code: 'other' })).toBe('no');
      expect(globals.pwned).toBeUndefined();
    }
  });

  it('refuses numbers too large to print as a literal', () => {
    expect(refused(`age < ${'9'.repeat(400)}`)).toEqual(['expression-type']);
  });

  it('generates code that names nothing but its parameters, temps, items, patterns and the function table', () => {
    const e = compileExpression(
      "coalesce(age, 0) / 3 >= 1 and code in ['a', 'b'] and not excluded and 'x' not in tags and round(abs(-age), 1) > 0" +
        " and all(tags, matches(it, '^[a-z]+$') and any(tags, it == 'b')) and receivedOn >= date('2026-01-01')",
      FIELDS,
    );
    for (const fn of [e.evaluate, e.evaluateAt]) {
      const text = String(fn).replace(/"(?:[^"\\]|\\.)*"/g, '""'); // drop string literals and quoted keys
      const names = new Set(text.match(/[A-Za-z_$][\w$]*/g));
      const allowed =
        /^(function|evaluate|evaluateAt|return|let|typeof|null|true|false|r|c|i|d|t\d+|x\d+|p_\d+|f_\$?\w+)$/;
      expect([...names].filter((n) => !allowed.test(n))).toEqual([]);
    }
  });

  it('never calls into values on the record: an object in a number field reads as null', () => {
    let touched = false;
    const sneaky = {
      valueOf() {
        touched = true;
        return 50;
      },
      toString() {
        touched = true;
        return '50';
      },
    };
    const e = compileExpression(
      "age >= 45 or age + 1 > 0 or code == 'x' or age in [50] or lower(code) == 'x' or any(tags, contains(it, '5'))",
      FIELDS,
    );
    expect(e.evaluate({ age: sneaky, code: sneaky, tags: [sneaky] })).toBe(false);
    expect(touched).toBe(false);
  });

  it('freezes the function table and the compiled expression', () => {
    expect(Object.isFrozen(FUNCTION_TABLE)).toBe(true);
    expect(Object.getPrototypeOf(FUNCTION_TABLE)).toBeNull();
    const e = compileExpression('age > 1', FIELDS);
    expect(Object.isFrozen(e)).toBe(true);
  });
});
