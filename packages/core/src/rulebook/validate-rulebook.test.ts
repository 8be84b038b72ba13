import { describe, expect, it } from 'vitest';
import { testRulebook } from '../testing/test-rulebook.ts';
import { validateRulebook } from './validate-rulebook.ts';

const payee = { kind: 'provider-service-code', fields: { serviceCode: { type: 'string', required: true } } };
const screening = {
  key: 'colorectal-screening',
  name: 'Colorectal cancer screening',
  domain: 'prevention-wellness',
  kind: 'performance',
  appliesTo: "serviceCode in ['096', '109']",
  fields: {
    personId: { type: 'string', required: true },
    age: { type: 'number', required: true, min: 0 },
    screenedOn: { type: 'date' },
    dueDate: { type: 'date', required: true },
  },
  recordKey: ['personId'],
  compute: {
    kind: 'rate-records',
    denominator: 'age >= 45 and age <= 75',
    numerator: 'screenedOn <= dueDate',
  },
  target: { kind: 'absolute', value: 0.5 },
};

/** A validation's issues as `path:code` (none when the rulebook is valid). */
const found = (result: ReturnType<typeof validateRulebook>) =>
  result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`);

describe('validateRulebook', () => {
  it('accepts a well-formed rulebook', () => {
    const result = validateRulebook(
      testRulebook({
        payee,
        measures: [screening],
      }),
    );
    expect(result).toMatchObject({ ok: true });
  });

  it('reports every problem at once, each with its JSON path (and position inside an expression)', () => {
    const result = validateRulebook(
      testRulebook({
        program: 'DDS QIP', // not an id
        fiscalYear: '2026-28', // not consecutive years
        payee,
        measures: [
          {
            ...screening,
            appliesTo: "serviceCod in ['096']", // typo in a payee field, at offset 0
            compute: {
              kind: 'rate-records',
              // 'agee' starts at offset 14: 'age >= 45 and ' is 14 characters
              denominator: 'age >= 45 and agee <= 75',
              numerator: 'screenedOn <= dueDate',
            },
            target: { kind: 'absolute', value: 'high' }, // not a number
          },
          { ...screening, name: 'again' }, // duplicate key
          { ...screening, key: 'no-record-key', recordKey: undefined, kind: 'sometimes' },
        ],
        composite: { measures: ['missing-measure'] },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.issues.map((i) => ({ path: i.path.join('.'), code: i.code, position: i.position }));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'program', code: 'schema-invalid-format', position: undefined },
        { path: 'fiscalYear', code: 'schema-custom', position: undefined },
        { path: 'measures.0.target.value', code: 'schema-invalid-type', position: undefined },
        { path: 'measures.2.kind', code: 'schema-invalid-value', position: undefined },
        { path: 'measures.1.key', code: 'duplicate-key', position: undefined },
        { path: 'measures.0.appliesTo', code: 'expression-unknown-field', position: 0 },
        { path: 'measures.0.compute.denominator', code: 'expression-unknown-field', position: 14 },
        { path: 'measures.2.recordKey', code: 'record-key-required', position: undefined },
        { path: 'composite.measures.0', code: 'unknown-measure', position: undefined },
      ]),
    );
    expect(found).toHaveLength(9);
  });

  it('checks field references and expression result types', () => {
    const result = validateRulebook(
      testRulebook({
        measures: [
          {
            key: 'cie',
            name: 'Internship to CIE',
            domain: 'employment',
            kind: 'outcome',
            fields: { placed: { type: 'number' }, interns: { type: 'string' } },
            compute: { kind: 'rate-counts', numeratorField: 'placed', denominatorField: 'interns' },
          },
          {
            key: 'wage',
            name: 'Wage',
            domain: 'employment',
            kind: 'outcome',
            fields: { hours: { type: 'number' } },
            compute: { kind: 'value', formula: 'hours > 20' }, // boolean, a number is needed
          },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    expect(found(result)).toEqual([
      'measures.0.compute.denominatorField:field-type',
      'measures.1.compute.formula:expression-type',
    ]);
  });
});

describe('reserved field names', () => {
  const withMeasure = (fields: Record<string, unknown>, denominatorField: string) =>
    validateRulebook(
      testRulebook({
        program: 'x',
        measures: [
          {
            key: 'm',
            name: 'M',
            domain: 'd',
            kind: 'outcome',
            fields,
            compute: { kind: 'rate-counts', numeratorField: 'n', denominatorField },
          },
        ],
      }),
    );
  it('refuses a field named like an Object.prototype property', () => {
    expect(found(withMeasure({ toString: { type: 'number' }, n: { type: 'number' } }, 'n'))).toEqual([
      'measures.0.fields.toString:schema-invalid-key',
    ]);
  });

  it('does not take an inherited name for a declared field', () => {
    expect(found(withMeasure({ n: { type: 'number' } }, 'constructor'))).toEqual([
      'measures.0.compute.denominatorField:unknown-field',
    ]);
  });
});

describe('dataFrom', () => {
  it('must name a measure that owns its data, with a record key for person-level rates', () => {
    const owner = {
      key: 'screenings',
      name: 'Screening file',
      domain: 'prevention-wellness',
      kind: 'reporting',
      fields: { personId: { type: 'string' }, screened: { type: 'boolean' } },
      compute: { kind: 'reporting' },
    };
    const reader = (key: string, dataFrom: string) => ({
      key,
      name: key,
      domain: 'prevention-wellness',
      kind: 'performance',
      dataFrom,
      compute: { kind: 'rate-records', numerator: 'screened' },
    });
    const result = validateRulebook(
      testRulebook({
        program: 'x',
        measures: [owner, reader('rate', 'screenings'), reader('lost', 'nowhere')],
      }),
    );
    expect(found(result)).toEqual([
      'measures.1.dataFrom:record-key-required',
      'measures.2.dataFrom:unknown-measure',
    ]);
  });
});
