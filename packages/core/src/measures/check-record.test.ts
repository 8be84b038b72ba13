import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { checkSubmissionData } from './check-record.ts';

describe('checkSubmissionData', () => {
  const fields = {
    staff: { type: 'number', required: true, min: 0 },
    dsp: {
      type: 'number',
      required: true,
      rules: [{ check: 'dsp <= staff', message: 'more DSPs than staff' }],
    },
    reportedOn: { type: 'date' },
    agencyType: { type: 'string', enum: ['agency', 'independent'] },
  };
  const compiled = compileRulebook({
    schemaVersion: 1,
    program: 'dds-qip',
    fiscalYear: '2026-27',
    measures: [
      {
        key: 'staffing',
        name: 'Staffing',
        domain: 'workforce',
        kind: 'reporting',
        fields,
        compute: { kind: 'reporting' },
      },
      {
        key: 'dsp-share',
        name: 'DSP share',
        domain: 'workforce',
        kind: 'performance',
        fields,
        compute: { kind: 'rate-counts', numeratorField: 'dsp', denominatorField: 'staff' },
      },
    ],
    payment: { method: 'rate-incentive' },
  });
  const [reporting, counts] = compiled.measures;
  if (!reporting || !counts) throw new Error('no measures');

  it('accepts a good record', () => {
    expect(checkSubmissionData(counts, { staff: 10, dsp: 8, reportedOn: '2026-09-01' })).toEqual([]);
    expect(checkSubmissionData(reporting, { staff: 10, dsp: 8, reportedOn: '2026-09-01' })).toEqual([]);
  });

  it('reports each field problem with its path for a measure that computes from the data', () => {
    const issues = checkSubmissionData(counts, {
      staff: -1,
      dsp: 'eight',
      reportedOn: '2026-13-01',
      agencyType: 'corp',
      extra: 1,
    });
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['extra', 'unknown-field'],
      ['staff', 'invalid'],
      ['dsp', 'invalid'],
      ['reportedOn', 'invalid'],
      ['agencyType', 'invalid'],
    ]);
    expect(checkSubmissionData(counts, { staff: 3, dsp: 5 })).toEqual([
      { path: ['dsp'], code: 'invalid', message: 'more DSPs than staff' },
    ]);
    expect(checkSubmissionData(counts, {}).map((i) => i.code)).toEqual(['required', 'required']);
  });

  it('lets a reporting measure keep incomplete and inaccurate reports, since it scores them', () => {
    // Out of bounds (staff -1), out of the enum (corp), a failed rule (5 DSPs > 3 staff) and
    // missing required fields are what completeness and accuracy measure: stored, not rejected.
    expect(checkSubmissionData(reporting, { staff: -1, dsp: 0, agencyType: 'corp' })).toEqual([]);
    expect(checkSubmissionData(reporting, { staff: 3, dsp: 5 })).toEqual([]);
    expect(checkSubmissionData(reporting, {})).toEqual([]);
    // A value of the wrong type or an unknown field cannot be read at all: still an error.
    const issues = checkSubmissionData(reporting, { staff: 'ten', reportedOn: '2026-13-01', extra: 1 });
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['extra', 'unknown-field'],
      ['staff', 'invalid'],
      ['reportedOn', 'invalid'],
    ]);
  });
});
