import { describe, expect, it } from 'vitest';
import { describeRulebookChanges } from './rulebook-diff.ts';

/** The DDS QIP employment staff measure, as the catalog writes its applies-to and one field. */
const staff = (changes: Record<string, unknown> = {}, employmentStaff: Record<string, unknown> = {}) => ({
  measures: [
    {
      key: 'qip-employment-staff',
      name: 'Employment staff',
      appliesTo: "serviceCode in ['950', '952']",
      fields: {
        employmentStaff: {
          type: 'number',
          required: true,
          min: 0,
          rules: [{ check: 'employmentStaff == floor(employmentStaff)', message: 'a whole number' }],
          ...employmentStaff,
        },
      },
      ...changes,
    },
  ],
});
const texts = (a: unknown, b: unknown) => describeRulebookChanges(a, b).map((c) => c.text);

describe('changes to fields and applies-to in words', () => {
  it('names the parts of a data field that changed and each rule added, removed or changed', () => {
    const rules = [
      { check: 'employmentStaff == floor(employmentStaff)', message: 'a whole number' },
      { check: 'employmentStaff <= 500', message: 'more than 500 staff' },
    ];
    expect(texts(staff(), staff({}, { max: 500, rules }))).toEqual([
      "Employment staff: data field employmentStaff: at most (none) -> 500; rule added: employmentStaff <= 500 ('more than 500 staff')",
    ]);
    // The whole-number rule dropped (and required with it); the other rule stays where it is.
    expect(texts(staff({}, { rules }), staff({}, { required: undefined, rules: rules.slice(1) }))).toEqual([
      "Employment staff: data field employmentStaff: required yes -> (none); rule removed: employmentStaff == floor(employmentStaff) ('a whole number')",
    ]);
    // A rule's check edited: the old rule and the new one.
    const edited = [{ check: 'employmentStaff >= 0', message: 'a whole number' }];
    expect(texts(staff(), staff({}, { rules: edited }))).toEqual([
      "Employment staff: data field employmentStaff: rule employmentStaff == floor(employmentStaff) ('a whole number') -> employmentStaff >= 0 ('a whole number')",
    ]);
  });

  it('says whom a measure applies to, as an expression or as the values listed', () => {
    expect(texts(staff(), staff({ appliesTo: { serviceCode: ['950', '952'] } }))).toEqual([
      "Employment staff: applies to serviceCode in ['950', '952'] -> serviceCode in 950, 952",
    ]);
    expect(texts(staff(), staff({ appliesTo: undefined }))).toEqual([
      "Employment staff: applies to serviceCode in ['950', '952'] -> every payee",
    ]);
  });
});
