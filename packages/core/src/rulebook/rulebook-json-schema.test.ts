import { describe, expect, it } from 'vitest';
import { rulebookJsonSchema } from './rulebook-json-schema.ts';

describe('rulebookJsonSchema', () => {
  it('describes the top level, the measure compute kinds and the payment methods', () => {
    const schema = rulebookJsonSchema() as {
      required: string[];
      properties: Record<
        string,
        { items?: { properties: Record<string, { oneOf?: { properties: { kind?: { const: string } } }[] }> } }
      >;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'program', 'fiscalYear', 'measures', 'payment']),
    );
    const compute = schema.properties.measures?.items?.properties.compute?.oneOf ?? [];
    expect(compute.map((c) => c.properties.kind?.const)).toEqual([
      'reporting',
      'rate-records',
      'rate-counts',
      'value',
      'milestone',
    ]);
    expect(JSON.stringify(schema.properties.payment)).toContain('class-table-milestones');
  });
});
