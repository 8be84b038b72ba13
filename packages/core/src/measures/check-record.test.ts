import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { checkSubmissionData } from './check-record.ts';

describe('checkSubmissionData', () => {
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
        fields: {
          staff: { type: 'number', required: true, min: 0 },
          dsp: {
            type: 'number',
            required: true,
            rules: [{ check: 'dsp <= staff', message: 'more DSPs than staff' }],
          },
          reportedOn: { type: 'date' },
          agencyType: { type: 'string', enum: ['agency', 'independent'] },
        },
        compute: { kind: 'reporting' },
      },
    ],
    payment: { method: 'rate-incentive' },
  });
  const measure = compiled.measures[0];
  if (!measure) throw new Error('no measure');

  it('accepts a good record', () => {
    expect(checkSubmissionData(measure, { staff: 10, dsp: 8, reportedOn: '2026-09-01' })).toEqual([]);
  });

  it('reports each field problem with its path', () => {
    const issues = checkSubmissionData(measure, {
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
    expect(checkSubmissionData(measure, { staff: 3, dsp: 5 })).toEqual([
      { path: ['dsp'], code: 'invalid', message: 'more DSPs than staff' },
    ]);
    expect(checkSubmissionData(measure, {}).map((i) => i.code)).toEqual(['required', 'required']);
  });
});
