import { describe, expect, it } from 'vitest';
import type { Entity } from '../measures/applies-to.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';
import { evaluateProgram } from './evaluate-program.ts';
import { type SubmissionProblem, SubmissionValidator } from './submission-validator.ts';

// Staffing reported by employment providers (950): the reporting measure owns the data, a rate
// reads it through dataFrom, and a counts measure owns data of its own.
const compiled = compileRulebook(
  testRulebook({
    payee: { kind: 'provider', fields: { serviceCode: { type: 'string' } } },
    measures: [
      {
        key: 'staffing',
        name: 'Staffing',
        domain: 'workforce',
        kind: 'reporting',
        appliesTo: { serviceCode: ['950'] },
        fields: {
          staff: { type: 'number', required: true, min: 0 },
          acre: {
            type: 'number',
            required: true,
            min: 0,
            rules: [{ check: 'acre <= staff', message: 'ACRE-trained staff are more than staff' }],
          },
          asOfDate: { type: 'date', required: true, min: '2026-07-01', max: '2027-06-30' },
          agencyType: { type: 'string', enum: ['agency', 'independent'] },
        },
        compute: { kind: 'reporting', timely: { dueDate: '2026-09-30' } },
      },
      {
        key: 'acre-share',
        name: 'ACRE share',
        domain: 'workforce',
        kind: 'performance',
        appliesTo: { serviceCode: ['950'] },
        dataFrom: 'staffing',
        compute: { kind: 'rate-counts', numeratorField: 'acre', denominatorField: 'staff' },
        weight: 0,
      },
      {
        key: 'placements',
        name: 'Placements',
        domain: 'employment',
        kind: 'outcome',
        fields: { placed: { type: 'number', required: true, min: 0 }, note: { type: 'string' } },
        compute: { kind: 'value', field: 'placed' },
      },
    ],
  }),
);

const payees: Record<string, Entity> = {
  'PV-950': { id: 'PV-950', serviceCode: '950' },
  'PV-875': { id: 'PV-875', serviceCode: '875' },
};

function check(row: { entityId?: string; measure?: string; period?: string; data: Record<string, unknown> }) {
  const validator = new SubmissionValidator(compiled, (id) => payees[id]);
  const errors: SubmissionProblem[] = [];
  const findings: SubmissionProblem[] = [];
  const measure = validator.envelope(row.entityId, row.measure, row.period, errors);
  if (measure)
    validator.data(
      measure,
      { entityId: row.entityId ?? '', period: row.period ?? '', data: row.data },
      '2026-09-15',
      errors,
      findings,
    );
  return { errors, findings };
}

const good = { staff: 10, acre: 8, asOfDate: '2026-09-01' };

describe('SubmissionValidator', () => {
  it('accepts a clean record with neither errors nor findings', () => {
    expect(check({ entityId: 'PV-950', measure: 'staffing', period: '2026-27', data: good })).toEqual({
      errors: [],
      findings: [],
    });
  });

  it('refuses what cannot be read as the rulebook defines it (errors), never quoting a value', () => {
    const { errors } = check({
      entityId: 'PV-950',
      measure: 'staffing',
      period: '2026-27',
      data: { staff: -1, acre: 'eight', asOfDate: '2027-07-01', agencyType: 'corp', extra: 1 },
    });
    expect(errors).toEqual([
      { path: 'data.extra', message: "'extra' is not a field of staffing" },
      { path: 'data.staff', message: "'staff' must be at least 0" },
      { path: 'data.acre', message: "'acre' must be a number" },
      // A record date outside its window (the fiscal year) is an error, not a finding.
      { path: 'data.asOfDate', message: "'asOfDate' must be at most 2027-06-30" },
      { path: 'data.agencyType', message: "'agencyType' must be one of agency, independent" },
    ]);
    expect(JSON.stringify(errors)).not.toContain('corp');
  });

  it('refuses a foreign or malformed period, an unknown payee or measure, and a measure that does not apply', () => {
    expect(
      check({ entityId: 'PV-950', measure: 'staffing', period: '2026-2027', data: good }).errors,
    ).toEqual([{ path: 'period', message: 'is not a period of staffing (2026-27)' }]);
    expect(
      check({ entityId: 'PV-950', measure: 'staffing', period: '2025-26', data: good }).errors,
    ).toHaveLength(1);
    expect(check({ entityId: 'PV-0', measure: 'nope', period: '2026-27', data: good }).errors).toEqual([
      { path: 'entityId', message: 'unknown payee' },
      { path: 'measure', message: 'unknown measure' },
    ]);
    expect(check({ entityId: 'PV-875', measure: 'staffing', period: '2026-27', data: good }).errors).toEqual([
      { path: 'measure', message: 'staffing does not apply to this payee' },
    ]);
    // The rate reads the reporting measure's data: it takes none of its own.
    expect(
      check({ entityId: 'PV-950', measure: 'acre-share', period: '2026-27', data: good }).errors,
    ).toEqual([
      { path: 'measure', message: 'takes no submissions of its own: its data is submitted as staffing' },
    ]);
  });

  it("keeps a reporting measure's incomplete or inaccurate record as findings", () => {
    // ACRE 12 of staff 10 fails the accuracy rule; a missing required field is incomplete.
    expect(
      check({
        entityId: 'PV-950',
        measure: 'staffing',
        period: '2026-27',
        data: { staff: 10, acre: 12, asOfDate: '2026-09-01' },
      }),
    ).toEqual({
      errors: [],
      findings: [{ path: 'data.acre', message: 'ACRE-trained staff are more than staff' }],
    });
    expect(
      check({
        entityId: 'PV-950',
        measure: 'staffing',
        period: '2026-27',
        data: { staff: 10, asOfDate: '2026-09-01' },
      }),
    ).toEqual({
      errors: [],
      findings: [{ path: 'data.acre', message: "'acre' is missing: the record is incomplete" }],
    });
  });

  it('refuses a missing required field of data no reporting measure owns (nothing scores its completeness)', () => {
    expect(
      check({ entityId: 'PV-875', measure: 'placements', period: '2026-27', data: { note: 'x' } }).errors,
    ).toEqual([{ path: 'data.placed', message: "'placed' is required" }]);
  });
});

/** PV-950's one staffing record, received 2026-09-15, evaluated as of the year's end. */
const evaluateStaffing = (data: Record<string, unknown>) =>
  evaluateProgram(compiled, {
    entities: [{ id: 'PV-950', serviceCode: '950', rateCents: 5000, units: 10 }],
    submissions: [
      { entityId: 'PV-950', measure: 'staffing', period: '2026-27', submittedOn: '2026-09-15', data },
    ],
    asOf: '2027-06-30',
    explain: true,
  });

describe('a record with findings in a run', () => {
  it('fails accuracy in the reporting measure and is never read by the rate', () => {
    // PV-950 reports staff 10 with ACRE-trained 12: the reporting measure finds it inaccurate.
    // The rate would be 12 / 10 = 1.2 (120%); it must not read the record at all: no data.
    const result = evaluateStaffing({ staff: 10, acre: 12, asOfDate: '2026-09-01' });
    const reporting = result.results.find((r) => r.measure === 'staffing');
    const rate = result.results.find((r) => r.measure === 'acre-share');
    // timely (2026-09-15 <= 2026-09-30) and complete pass, accurate fails: 2 / 3 parts.
    expect(reporting?.reporting).toMatchObject({ timely: true, complete: true, accurate: false });
    expect(reporting?.value).toBeCloseTo(2 / 3, 12);
    expect(rate?.status).toBe('not-scored');
    expect(rate?.value).toBeNull();
    expect(rate?.reason).toBe('no complete and accurate record (1 with findings)');
  });

  it('leaves out a current record with errors (e.g. under a narrower rulebook) with an issue', () => {
    const result = evaluateStaffing({ staff: -3, acre: 0, asOfDate: '2026-09-01' });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'invalid-record', measure: 'staffing', count: 1 }),
    );
    // Nothing readable was reported: every checked part of the reporting measure fails.
    expect(result.results.find((r) => r.measure === 'staffing')?.met).toBe(false);
  });
});
