import { describe, expect, it } from 'vitest';
import { evaluateProgram } from '../evaluate/evaluate-program.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';

const rulebook = testRulebook({
  measures: [
    {
      key: 'provider-directory',
      name: 'Provider directory: timely, complete, accurate',
      domain: 'provider-directory',
      kind: 'reporting',
      fields: {
        zipCodes: { type: 'list', required: true },
        languages: { type: 'list', required: true },
        agencyType: { type: 'string', required: true, enum: ['agency', 'independent'] },
        acceptsReferrals: { type: 'boolean' },
        staffCount: {
          type: 'number',
          min: 0,
          rules: [{ check: 'staffCount <= 500', message: 'staffCount over 500' }],
        },
      },
      compute: { kind: 'reporting', timely: { dueDate: '2026-10-31' } },
    },
  ],
});

const good = { zipCodes: ['95814'], languages: ['en', 'es'], agencyType: 'agency', staffCount: 12 };
const sub = (entityId: string, submittedOn: string, data: Record<string, unknown>) => ({
  entityId,
  measure: 'provider-directory',
  period: '2026-27',
  submittedOn,
  data,
});

describe('reporting measure', () => {
  const compiled = compileRulebook(rulebook);
  const entities = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((id) => ({ id, rateCents: 5000, units: 1 }));
  const { results, issues } = evaluateProgram(compiled, {
    entities,
    asOf: '2026-11-23',
    submissions: [
      sub('P1', '2026-10-15', good),
      sub('P2', '2026-11-02', good), // late
      sub('P3', '2026-10-01', { zipCodes: ['95814'], agencyType: 'agency', staffCount: 900 }),
      // P4 submits nothing
      sub('P5', '2026-10-01', { zipCodes: [] }), // replaced by the resubmission below
      sub('P5', '2026-10-20', good),
      sub('P6', '2026-10-10', good),
      sub('P6', '2026-12-01', { zipCodes: [] }), // after asOf: not seen yet
    ],
  });
  const byId = Object.fromEntries(results.map((r) => [r.entityId, r]));

  it('on time, complete and accurate: value 3/3 = 1, met', () => {
    expect(byId.P1).toMatchObject({ status: 'scored', value: 1, met: true, records: 1 });
    expect(byId.P1?.reporting).toEqual({ timely: true, complete: true, accurate: true });
  });

  it('late: 2 of 3 parts', () => {
    expect(byId.P2).toMatchObject({ value: 2 / 3, met: false });
    expect(byId.P2?.reporting).toEqual({ timely: false, complete: true, accurate: true });
  });

  it('incomplete (no languages) and inaccurate (a rule): 1 of 3 parts', () => {
    expect(byId.P3).toMatchObject({ value: 1 / 3, met: false });
    expect(byId.P3?.reporting).toEqual({ timely: true, complete: false, accurate: false });
  });

  it('nothing submitted fails every part (not "not scored": not reporting is the failure)', () => {
    expect(byId.P4).toMatchObject({ status: 'scored', value: 0, met: false, records: 0 });
  });

  it('the latest resubmission counts; one dated after asOf is not seen', () => {
    expect(byId.P5).toMatchObject({ value: 1, met: true, records: 1 });
    expect(byId.P6).toMatchObject({ value: 1, met: true, records: 1 });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'after-as-of', count: 1 }));
  });

  it('explains what failed when asked', () => {
    const one = evaluateProgram(compiled, {
      entities: [entities[2] as (typeof entities)[number]],
      asOf: '2026-11-23',
      explain: true,
      submissions: [sub('P3', '2026-10-01', { zipCodes: ['95814'], agencyType: 'agency', staffCount: 900 })],
    });
    expect(one.results[0]?.reporting?.problems).toEqual([
      "record 1: 'languages' is missing: the record is incomplete",
      'record 1: staffCount over 500',
    ]);
    expect(one.results[0]?.trace?.[0]).toMatchObject({ rule: 'reporting', value: 1 / 3 });
  });

  it('never reads a record the fields cannot read (an enum value outside the list): not reported', () => {
    // Upload refuses such a record; a run that meets one (a rulebook narrowed later) leaves it out.
    const one = evaluateProgram(compiled, {
      entities: [entities[2] as (typeof entities)[number]],
      asOf: '2026-11-23',
      submissions: [sub('P3', '2026-10-01', { ...good, agencyType: 'corporate' })],
    });
    expect(one.results[0]).toMatchObject({ value: 0, met: false, records: 0 });
    expect(one.issues).toContainEqual(expect.objectContaining({ code: 'invalid-record', count: 1 }));
  });
});
