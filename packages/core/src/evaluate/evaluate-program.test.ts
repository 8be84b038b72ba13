import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { evaluateProgram } from './evaluate-program.ts';

const countsMeasure = (key: string, target: Record<string, unknown>) => ({
  key,
  name: key,
  domain: 'employment',
  kind: 'outcome',
  fields: { placed: { type: 'number', required: true }, interns: { type: 'number', required: true } },
  compute: { kind: 'rate-counts', numeratorField: 'placed', denominatorField: 'interns' },
  target,
});

describe('peer-percentile targets', () => {
  const compiled = compileRulebook({
    schemaVersion: 1,
    program: 'dds-qip',
    fiscalYear: '2026-27',
    measures: [
      countsMeasure('cie', { kind: 'peer-percentile', percentile: 50 }),
      countsMeasure('turnover', { kind: 'peer-percentile', percentile: 75, direction: 'lower' }),
    ],
    payment: { method: 'rate-incentive' },
  });
  const placed = { E1: 1, E2: 2, E3: 3, E4: 4, E5: 0 };
  const entities = Object.keys(placed).map((id) => ({ id, rateCents: 5000, units: 1 }));
  const submissions = Object.entries(placed).flatMap(([entityId, n]) =>
    ['cie', 'turnover'].map((measure) => ({
      entityId,
      measure,
      period: '2026-27',
      // E5 has no interns: denominator 0, not scored, so not one of the peers
      data: { placed: n, interns: entityId === 'E5' ? 0 : 5 },
    })),
  );
  const { results } = evaluateProgram(compiled, { entities, submissions, asOf: '2026-11-23' });
  const of = (measure: string) => results.filter((r) => r.measure === measure);

  it('takes PERCENTILE.INC of the scored peers once and holds every entity to it', () => {
    // Peers 0.2 0.4 0.6 0.8 (E5 not scored). p = 0.5: rank 0.5 x 3 = 1.5 -> 0.4 + 0.5 x (0.6 - 0.4) = 0.5.
    const cie = of('cie');
    for (const r of cie.slice(0, 4)) expect(r.target).toBeCloseTo(0.5, 12);
    expect(cie.map((r) => r.met)).toEqual([false, false, true, true, null]);
    expect(cie[4]).toMatchObject({ status: 'not-scored', target: null });
  });

  it('counts the percentile in the better direction when lower is better', () => {
    // 75th percentile of "better" = PERCENTILE.INC at 0.25: rank 0.75 -> 0.2 + 0.75 x 0.2 = 0.35.
    const turnover = of('turnover');
    expect(turnover[0]?.target).toBeCloseTo(0.35, 12);
    expect(turnover.map((r) => r.met)).toEqual([true, false, false, false, null]);
  });
});

describe('end to end: DDS QIP (rate-incentive)', () => {
  const compiled = compileRulebook({
    schemaVersion: 1,
    program: 'dds-qip',
    fiscalYear: '2026-27',
    payee: {
      kind: 'provider-service-code',
      fields: {
        serviceCode: { type: 'string', required: true },
        rateCents: { type: 'number', required: true },
        units: { type: 'number', required: true },
      },
    },
    measures: [
      {
        key: 'workforce-survey',
        name: 'DSP survey participation',
        domain: 'workforce',
        kind: 'reporting',
        fields: { participated: { type: 'boolean', required: true } },
        compute: {
          kind: 'reporting',
          timely: { dueDate: '2026-10-31' },
          accurate: { rules: [{ check: 'participated', message: 'did not take part' }] },
        },
      },
      {
        key: 'cie',
        name: 'Internship to competitive integrated employment',
        domain: 'employment',
        kind: 'outcome',
        appliesTo: { serviceCode: ['950', '952'] },
        fields: { placed: { type: 'number', required: true }, interns: { type: 'number', required: true } },
        compute: { kind: 'rate-counts', numeratorField: 'placed', denominatorField: 'interns' },
        target: { kind: 'absolute', value: 0.3 },
      },
    ],
    payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'all-met' },
  });
  const survey = (entityId: string) => ({
    entityId,
    measure: 'workforce-survey',
    period: '2026-27',
    submittedOn: '2026-10-01',
    data: { participated: true },
  });
  const cie = (entityId: string, placed: number) => ({
    entityId,
    measure: 'cie',
    period: '2026-27',
    data: { placed, interns: 10 },
  });

  it('$50.00 rate: $45.00 base + $5.00 incentive when all measures are met, $45.00 when one is not', () => {
    const { payments, results, issues } = evaluateProgram(compiled, {
      entities: [
        { id: 'V1-950', serviceCode: '950', rateCents: 5000, units: 1 },
        { id: 'V2-950', serviceCode: '950', rateCents: 5000, units: 1 },
        { id: 'V3-096', serviceCode: '096', rateCents: 5000, units: 1 },
      ],
      submissions: [survey('V1-950'), cie('V1-950', 4), survey('V2-950'), cie('V2-950', 2), survey('V3-096')],
      asOf: '2026-11-23',
    });
    expect(issues).toEqual([]);
    // V1: survey met, cie 4/10 = 0.4 >= 0.3 met -> incentive = 5000 x 0.1 = 500; base 5000 - 500 = 4500.
    // V2: cie 2/10 = 0.2 < 0.3 -> all-met fails -> incentive 0.
    // V3 (residential): cie not applicable, so only the survey counts -> met -> 4500 + 500.
    expect(
      payments.map((p) => [p.entityId, p.totalCents, p.lines.map((l) => [l.kind, l.amountCents])]),
    ).toEqual([
      [
        'V1-950',
        5000,
        [
          ['base', 4500],
          ['incentive', 500],
        ],
      ],
      [
        'V2-950',
        4500,
        [
          ['base', 4500],
          ['incentive', 0],
        ],
      ],
      [
        'V3-096',
        5000,
        [
          ['base', 4500],
          ['incentive', 500],
        ],
      ],
    ]);
    expect(results.find((r) => r.entityId === 'V3-096' && r.measure === 'cie')?.status).toBe(
      'not-applicable',
    );
  });
});

// The EPT class table rows around class D, typed from data/ept-pmpy-classes.csv.
const classes = [
  { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' },
  { class: 'B', membersFrom: 501, membersTo: 700, pmpy: '397.00' },
  { class: 'C', membersFrom: 701, membersTo: 850, pmpy: '349.00' },
  { class: 'D', membersFrom: 851, membersTo: 1000, pmpy: '305.00' },
  { class: 'E', membersFrom: 1001, membersTo: 1200, pmpy: '300.00' },
];

describe('end to end: DHCS EPT (class-table-milestones)', () => {
  const compiled = compileRulebook({
    schemaVersion: 1,
    program: 'dhcs-ept',
    fiscalYear: '2026-27',
    payee: {
      kind: 'practice',
      fields: {
        assignedMembers: { type: 'number', required: true },
        milestoneCount: { type: 'number', required: true },
      },
    },
    measures: [
      {
        key: 'ept-milestone',
        name: 'EPT milestones completed',
        domain: 'practice-transformation',
        kind: 'milestone',
        fields: {
          milestone: { type: 'number', required: true },
          completedOn: { type: 'date', required: true },
        },
        compute: { kind: 'milestone' },
      },
    ],
    payment: { method: 'class-table-milestones', classes, milestoneCounts: [23, 25] },
  });
  const done = (entityId: string, milestone: number, completedOn: string, submittedOn = completedOn) => ({
    entityId,
    measure: 'ept-milestone',
    period: '2026-27',
    submittedOn,
    data: { milestone, completedOn },
  });

  it('920 members / 25 milestones -> class D, 28060000 potential, 1122400 each, 3 completed = 3367200', () => {
    const { payments, results, issues } = evaluateProgram(compiled, {
      entities: [
        { id: 'PR1', name: 'Practice 1', assignedMembers: 920, milestoneCount: 25 },
        { id: 'PR2', name: 'Practice 2', assignedMembers: 140000, milestoneCount: 25 },
      ],
      submissions: [
        done('PR1', 1, '2026-08-15'),
        done('PR1', 2, '2026-09-01'),
        done('PR1', 3, '2026-09-30'),
        done('PR1', 3, '2026-09-30', '2026-10-02'), // resubmitted: still one milestone 3
        done('PR1', 4, '2026-12-15'), // after asOf: not yet
        done('PR2', 1, '2026-08-15'),
      ],
      asOf: '2026-11-23',
    });
    // potential = 920 x $305.00 = $280,600.00 = 28060000 cents; / 25 = 1122400 each (exact).
    const pr1 = payments.find((p) => p.entityId === 'PR1');
    expect(pr1?.details).toMatchObject({ class: 'D', pmpyCents: 30500, potentialCents: 28060000 });
    expect(pr1?.details.perMilestoneCents).toEqual(Array(25).fill(1122400));
    // 3 completed milestones x 1122400 = 3367200
    expect(pr1?.lines).toEqual([
      expect.objectContaining({ kind: 'milestone', milestone: 1, amountCents: 1122400 }),
      expect.objectContaining({ kind: 'milestone', milestone: 2, amountCents: 1122400 }),
      expect.objectContaining({ kind: 'milestone', milestone: 3, amountCents: 1122400 }),
    ]);
    expect(pr1?.totalCents).toBe(3367200);
    expect(results.find((r) => r.entityId === 'PR1')).toMatchObject({ value: 3, met: true });
    // 140000 members is beyond the table (class VV ends at 138000 in the full table; here at 1200):
    // an issue for that practice, never a silent zero payment.
    expect(payments.find((p) => p.entityId === 'PR2')).toBeUndefined();
    expect(issues).toContainEqual(
      expect.objectContaining({ entityId: 'PR2', code: 'members-outside-class-table' }),
    );
  });
});

describe('evaluateProgram input checks', () => {
  it('refuses an asOf that is not a day', () => {
    const compiled = compileRulebook({
      schemaVersion: 1,
      program: 'x',
      fiscalYear: '2026-27',
      measures: [],
      payment: { method: 'rate-incentive' },
    });
    expect(() => evaluateProgram(compiled, { entities: [], submissions: [], asOf: '2026-13-01' })).toThrow(
      RulebookError,
    );
  });

  it('leaves out payees without an id or listed twice', () => {
    const compiled = compileRulebook({
      schemaVersion: 1,
      program: 'x',
      fiscalYear: '2026-27',
      measures: [countsMeasure('cie', { kind: 'absolute', value: 0.5 })],
      payment: { method: 'rate-incentive' },
    });
    const { results, issues } = evaluateProgram(compiled, {
      entities: [
        { id: 'E1', rateCents: 100, units: 1 },
        { name: 'no id' } as never,
        { id: 'E1' },
        { id: 'E2' },
      ],
      submissions: [{ entityId: 'E2', measure: 'cie', period: '2026-27', data: { placed: 1, interns: 2 } }],
      asOf: '2026-11-23',
    });
    expect(results.map((r) => [r.entityId, r.value])).toEqual([
      ['E1', null],
      ['E2', 0.5], // 1 / 2
    ]);
    expect(issues.slice(0, 2).map((i) => i.code)).toEqual(['invalid-entity', 'duplicate-entity']);
  });

  it('reports submissions it could not place, summarised', () => {
    const compiled = compileRulebook({
      schemaVersion: 1,
      program: 'x',
      fiscalYear: '2026-27',
      measures: [countsMeasure('cie', { kind: 'absolute', value: 0.5 })],
      payment: { method: 'rate-incentive' },
    });
    const data = { placed: 1, interns: 2 };
    const { issues } = evaluateProgram(compiled, {
      entities: [{ id: 'E1', rateCents: 100, units: 1 }],
      submissions: [
        { entityId: 'E1', measure: 'nope', period: '2026-27', data },
        { entityId: 'E1', measure: 'cie', period: '2025-26', data },
        { entityId: 'E9', measure: 'cie', period: '2026-27', data },
        {
          entityId: 'E1',
          measure: 'cie',
          period: '2026-27',
          data: null as unknown as Record<string, unknown>,
        },
      ],
      asOf: '2026-11-23',
    });
    expect(issues.map((i) => [i.code, i.count])).toEqual([
      ['unknown-measure', 1],
      ['other-period', 1],
      ['unknown-entity', 1],
      ['invalid-data', 1],
      // and from the payment: E1's only measure had no data, so there is nothing to earn with
      ['nothing-scored', undefined],
    ]);
  });
});
