import { rulebookFixture } from '@quip/fixtures';
import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { JSON_SCHEMA_DIALECT, submissionJsonSchema } from './submission-data-json-schema.ts';

// A reporting measure (provider-directory: lists, an enum, completeness) and a rate measure whose
// records are named by personId (colorectal-screening: required fields, a bound, dates).
const rulebook = () => rulebookFixture('directory-and-screening-at-least-half-earn-10-percent');

describe('submissionJsonSchema', () => {
  const compiled = compileRulebook(rulebook());

  it('describes a row: the measure, one of its periods, and data by its field schema', () => {
    const schema = submissionJsonSchema(compiled, 'colorectal-screening')!;
    expect(schema).toMatchObject({
      $schema: JSON_SCHEMA_DIALECT,
      type: 'object',
      required: ['entityId', 'measure', 'period', 'data'],
      additionalProperties: false,
      properties: {
        measure: { const: 'colorectal-screening' },
        period: { enum: [compiled.rulebook.fiscalYear] },
        submittedOn: { type: 'string', format: 'date' },
      },
    });
    expect(schema.description).toContain('A record is named by `personId`');
  });

  it("requires a rate measure's required and record key fields, typed and bounded, and no other field", () => {
    const data = (
      submissionJsonSchema(compiled, 'colorectal-screening')!.properties as Record<string, unknown>
    ).data;
    expect(data).toMatchObject({
      type: 'object',
      required: ['personId', 'age', 'dueDate'],
      additionalProperties: false,
      properties: {
        personId: { type: 'string', minLength: 1 },
        age: { type: 'number', minimum: 0 },
        dueDate: { type: 'string', format: 'date' },
        // Optional fields may be absent, null or '' (absent in CSV terms).
        screenedOn: { anyOf: [{ type: 'string', format: 'date' }, { enum: [null, ''] }] },
        missedReason: { anyOf: [{ type: 'string' }, { enum: [null, ''] }] },
      },
    });
  });

  it("leaves a reporting measure's required fields optional: missing, they are a finding, not an error", () => {
    const schema = submissionJsonSchema(compiled, 'provider-directory')!;
    const { data } = schema.properties as { data: { required: string[]; properties: object } };
    expect(schema.required).toEqual(['entityId', 'measure', 'period']);
    expect(data.required).toEqual([]);
    expect(data.properties).toMatchObject({
      zipCodes: { anyOf: [{ type: 'array' }, { enum: [null, ''] }] },
      agencyType: {
        anyOf: [{ type: 'string', enum: ['agency', 'independent'] }, { enum: [null, ''] }],
        description: expect.stringContaining('scored incomplete'),
      },
    });
  });

  it("is null for an unknown measure and for one that reads another measure's data", () => {
    const json = rulebook();
    const screening = json.measures.find((m) => m.key === 'colorectal-screening')!;
    const { fields: _fields, recordKey: _recordKey, ...reader } = screening;
    const measures: object[] = json.measures;
    measures.push({ ...reader, key: 'colorectal-screening-again', dataFrom: 'colorectal-screening' });
    const withReader = compileRulebook(json);
    expect(submissionJsonSchema(withReader, 'colorectal-screening-again')).toBeNull();
    expect(submissionJsonSchema(withReader, 'colorectal-screening')).not.toBeNull();
    expect(submissionJsonSchema(withReader, 'no-such-measure')).toBeNull();
  });
});
