import { describe, expect, it } from 'vitest';
import { applyMeasureForm, MeasureFormSchema, measureFormValues } from './measure-form-schema.ts';

describe('MeasureFormSchema', () => {
  it("gives core's messages for a bad weight and a bad percentile", () => {
    const result = MeasureFormSchema.safeParse({
      name: 'Share',
      domain: 'workforce',
      kind: 'performance',
      weight: -1,
      target: { kind: 'peer-percentile', percentile: 120 },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['weight', 'target.percentile']);
  });

  it('round-trips a measure, keeping the parts the form does not edit', () => {
    const measure = {
      key: 'm',
      name: 'M',
      domain: 'd',
      kind: 'performance',
      compute: { kind: 'rate-counts' },
      target: { kind: 'absolute', value: 0.5 },
    };
    const parsed = MeasureFormSchema.parse({
      ...measureFormValues(measure),
      target: { kind: 'absolute', value: 0.7 },
    });
    expect(applyMeasureForm(measure, parsed)).toEqual({
      ...measure,
      weight: 1,
      target: { kind: 'absolute', value: 0.7, direction: 'higher' },
    });
  });

  it('drops the target when the form has none', () => {
    const measure = {
      key: 'm',
      name: 'M',
      domain: 'd',
      kind: 'reporting',
      target: { kind: 'absolute', value: 1 },
    };
    const parsed = MeasureFormSchema.parse({ name: 'M', domain: 'd', kind: 'reporting', weight: 2 });
    expect(applyMeasureForm(measure, parsed)).toEqual({
      key: 'm',
      name: 'M',
      domain: 'd',
      kind: 'reporting',
      weight: 2,
    });
  });
});
