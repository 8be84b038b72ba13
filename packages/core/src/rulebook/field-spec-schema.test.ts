import { describe, expect, it } from 'vitest';
import { FieldSpecSchema } from './field-spec-schema.ts';

/** The messages and paths a field spec is refused with (none when it is accepted). */
const problems = (spec: unknown) =>
  (FieldSpecSchema.safeParse(spec).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe("a field's lowest and highest accepted values", () => {
  it('are numbers for number fields and days for date fields', () => {
    expect(problems({ type: 'number', min: 0, max: 500 })).toEqual([]);
    expect(problems({ type: 'date', min: '2026-07-01', max: '2027-06-30' })).toEqual([]);
    expect(problems({ type: 'number', min: 0, max: 0 })).toEqual([]);
  });

  it("say what a number field's bound must be when text is typed (not a date's message)", () => {
    expect(problems({ type: 'number', min: 'abc' })).toEqual([
      ['min', "a number field's bound is a number, e.g. 0"],
    ]);
    expect(problems({ type: 'number', max: '2026-07-01' })).toEqual([
      ['max', "a number field's bound is a number, e.g. 0"],
    ]);
  });

  it('refuse a day that does not exist, or a number, on a date field', () => {
    expect(problems({ type: 'date', min: '2026-02-30' })).toEqual([
      ['min', "a date field's bound is a real day written YYYY-MM-DD"],
    ]);
    expect(problems({ type: 'date', max: 20260701 })).toEqual([
      ['max', "a date field's bound is a real day written YYYY-MM-DD"],
    ]);
  });

  it('belong to number and date fields only', () => {
    expect(problems({ type: 'string', min: 1 })).toEqual([
      ['min', 'only number and date fields have a lowest or highest value'],
    ]);
  });

  it('refuse a lowest value above the highest, as numbers and as days', () => {
    // 500 > 10 as numbers (as text '500' < '10' would pass: the numbers must be compared as numbers).
    expect(problems({ type: 'number', min: 500, max: 10 })).toEqual([
      ['min', 'the lowest accepted value (500) is above the highest (10): no value could be accepted'],
    ]);
    expect(problems({ type: 'date', min: '2027-07-01', max: '2027-06-30' })).toEqual([
      [
        'min',
        'the lowest accepted value (2027-07-01) is above the highest (2027-06-30): no value could be accepted',
      ],
    ]);
  });
});
