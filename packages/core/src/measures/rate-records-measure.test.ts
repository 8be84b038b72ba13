import { describe, expect, it } from 'vitest';
import { evaluateProgram } from '../evaluate/evaluate-program.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';
import type { Submission, SubmissionColumns } from './record-reader.ts';

const rulebook = testRulebook({
  payee: { kind: 'provider-service-code', fields: { serviceCode: { type: 'string', required: true } } },
  measures: [
    {
      key: 'colorectal-screening',
      name: 'Residents 45-75 screened for colorectal cancer on time',
      domain: 'prevention-wellness',
      kind: 'performance',
      appliesTo: "serviceCode in ['096', '109', '113']",
      fields: {
        personId: { type: 'string', required: true },
        age: { type: 'number', required: true },
        dueDate: { type: 'date', required: true },
        screenedOn: { type: 'date' },
        exclusion: { type: 'string' },
        missedReason: { type: 'string' },
        raceEthnicity: { type: 'string' },
      },
      recordKey: ['personId'],
      compute: {
        kind: 'rate-records',
        denominator: 'age >= 45 and age <= 75',
        numerator: 'screenedOn <= dueDate',
        exclusions: [
          { when: "exclusion == 'hospice'", reason: 'hospice' },
          { when: "exclusion == 'colectomy'", reason: 'colectomy' },
        ],
        missedReason: { field: 'missedReason' },
      },
      minDenominator: 5,
      strata: [
        {
          name: 'age',
          field: 'age',
          bands: [
            { label: '45-54', min: 45, max: 54 },
            { label: '55-64', min: 55, max: 64 },
            { label: '65-75', min: 65, max: 75 },
          ],
          minDenominator: 2,
        },
        { name: 'raceEthnicity', field: 'raceEthnicity', minDenominator: 2 },
      ],
      target: { kind: 'absolute', value: 0.6 },
    },
  ],
});

type Data = Record<string, unknown>;
const rec = (entityId: string, data: Data, submittedOn = '2026-10-01'): Submission => ({
  entityId,
  measure: 'colorectal-screening',
  period: '2026-27',
  submittedOn,
  data,
});
const onTime = { dueDate: '2026-09-01', screenedOn: '2026-08-01' };

// R1: eligible = ages 45..75 -> p1 p2 p4 p5 p6 p7 p9 p10 (8); p4 hospice, p9 colectomy excluded -> 6;
// screened on time: p1 p5 p7 p10 -> numerator 4; value 4/6 = 0.6667 >= 0.6 -> met.
const r1: Submission[] = [
  rec('R1', { personId: 'p1', age: 50, ...onTime, raceEthnicity: 'A' }),
  rec('R1', {
    personId: 'p2',
    age: 60,
    dueDate: '2026-09-01',
    screenedOn: '2026-10-01',
    missedReason: 'refused',
    raceEthnicity: 'B',
  }),
  rec('R1', { personId: 'p3', age: 40, ...onTime }),
  rec('R1', { personId: 'p4', age: 70, dueDate: '2026-09-01', exclusion: 'hospice' }),
  rec('R1', { personId: 'p5', age: 55, ...onTime, raceEthnicity: 'A' }),
  rec('R1', { personId: 'p6', age: 47, dueDate: '2026-09-01', raceEthnicity: 'B' }, '2026-10-01'),
  rec('R1', { personId: 'p7', age: 74, ...onTime, raceEthnicity: 'B' }),
  rec('R1', { personId: 'p8', age: 80, dueDate: '2026-09-01' }),
  rec('R1', { personId: 'p9', age: 65, dueDate: '2026-09-01', exclusion: 'colectomy' }),
  rec('R1', { personId: 'p10', age: 46, ...onTime, raceEthnicity: 'A' }),
  // p6 resubmitted with the reason for the missed screening: replaces the first record
  rec(
    'R1',
    {
      personId: 'p6',
      age: 47,
      dueDate: '2026-09-01',
      missedReason: 'appointment-scheduled',
      raceEthnicity: 'B',
    },
    '2026-10-05',
  ),
];
// R2: 4 eligible, 3 screened -> denominator 4 < minimum 5 -> not scored (never 0).
const r2 = ['a', 'b', 'c', 'd'].map((p, i) =>
  rec('R2', {
    personId: p,
    age: 50,
    dueDate: '2026-09-01',
    ...(i < 3 ? { screenedOn: '2026-08-01' } : { missedReason: 'moved' }),
  }),
);
// R3: 5 eligible, 4 screened -> 4/5 = 0.8 >= 0.6, but the miss has no reason -> not met.
const r3 = ['a', 'b', 'c', 'd', 'e'].map((p, i) =>
  rec('R3', { personId: p, age: 60, dueDate: '2026-09-01', ...(i < 4 ? { screenedOn: '2026-08-01' } : {}) }),
);
const entities = [
  { id: 'R1', serviceCode: '096', rateCents: 5000, units: 1 },
  { id: 'R2', serviceCode: '109', rateCents: 5000, units: 1 },
  { id: 'R3', serviceCode: '113', rateCents: 5000, units: 1 },
  { id: 'D1', serviceCode: '950', rateCents: 5000, units: 1 },
];
const submissions = [...r1, ...r2, ...r3];

describe('rate over person-level records', () => {
  const compiled = compileRulebook(rulebook);
  const { results } = evaluateProgram(compiled, { entities, submissions, asOf: '2026-11-23' });
  const byId = Object.fromEntries(results.map((r) => [r.entityId, r]));

  it('counts eligibility, exclusions by reason, misses by reason', () => {
    expect(byId.R1).toMatchObject({
      status: 'scored',
      numerator: 4,
      denominator: 6,
      value: 4 / 6,
      target: 0.6,
      met: true,
    });
    expect(byId.R1?.records).toBe(10); // p6 counted once
    expect(byId.R1?.exclusions).toEqual({ hospice: 1, colectomy: 1 });
    expect(byId.R1?.missed).toEqual({
      byReason: { refused: 1, 'appointment-scheduled': 1 },
      withoutReason: 0,
    });
  });

  it('a denominator below the minimum is not scored, with its counts kept', () => {
    expect(byId.R2).toMatchObject({
      status: 'not-scored',
      value: null,
      met: null,
      numerator: 3,
      denominator: 4,
    });
    expect(byId.R2?.reason).toMatch(/below the minimum of 5/);
  });

  it('a missed screening without its reason fails the measure', () => {
    expect(byId.R3).toMatchObject({ status: 'scored', value: 0.8, met: false });
    expect(byId.R3?.missed?.withoutReason).toBe(1);
  });

  it('a payee outside appliesTo is not applicable', () => {
    expect(byId.D1).toMatchObject({ status: 'not-applicable', value: null, met: null });
  });

  it('strata: per-group rates and the best-worst gap over groups large enough', () => {
    const [age, race] = byId.R1?.strata ?? [];
    // Denominator members: p1 50 num, p2 60 miss, p5 55 num, p6 47 miss, p7 74 num, p10 46 num.
    // 45-54: p1 p6 p10 -> 2/3; 55-64: p2 p5 -> 1/2; 65-75: p7 -> 1/1 but 1 < minimum 2, so not in the gap.
    expect(age?.groups).toEqual([
      { group: '45-54', numerator: 2, denominator: 3, value: 2 / 3 },
      { group: '55-64', numerator: 1, denominator: 2, value: 1 / 2 },
      { group: '65-75', numerator: 1, denominator: 1, value: 1 },
    ]);
    expect(age).toMatchObject({ best: '45-54', worst: '55-64' });
    expect(age?.gap).toBeCloseTo(2 / 3 - 1 / 2, 12); // 0.1667
    // A: p1 p5 p10 all screened -> 3/3 = 1; B: p2 p6 p7 -> p7 only -> 1/3; gap 2/3.
    expect(race).toMatchObject({ best: 'A', worst: 'B' });
    expect(race?.gap).toBeCloseTo(2 / 3, 12);
  });

  it('columnar input gives the same results as rows', () => {
    const names = Object.keys(rulebook.measures[0]?.fields ?? {});
    const columns: SubmissionColumns = {
      length: submissions.length,
      entityId: submissions.map((s) => s.entityId),
      measure: submissions.map((s) => s.measure),
      period: submissions.map((s) => s.period),
      submittedOn: submissions.map((s) => s.submittedOn),
      data: Object.fromEntries(names.map((n) => [n, submissions.map((s) => s.data[n] ?? null)])),
    };
    const fromColumns = evaluateProgram(compiled, { entities, submissions: columns, asOf: '2026-11-23' });
    expect(JSON.parse(JSON.stringify(fromColumns.results))).toEqual(JSON.parse(JSON.stringify(results)));
  });
});
