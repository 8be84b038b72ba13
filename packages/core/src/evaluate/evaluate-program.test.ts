import { dataSetFixture, rulebookFixture } from '@quip/fixtures';
import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { rateCountsMeasure, testRulebook } from '../testing/test-rulebook.ts';
import { evaluateProgram } from './evaluate-program.ts';

const countsMeasure = (key: string, target: Record<string, unknown>) =>
  rateCountsMeasure(key, 'placed', 'interns', { domain: 'employment', target });

describe('peer-percentile targets', () => {
  const compiled = compileRulebook(
    testRulebook({
      measures: [
        countsMeasure('cie', { kind: 'peer-percentile', percentile: 50 }),
        countsMeasure('turnover', { kind: 'peer-percentile', percentile: 75, direction: 'lower' }),
      ],
    }),
  );
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
  // Fixtures: a survey and cie at 30 % or more, all met earns 10 % of the rate; V1-950 and V2-950
  // take the survey and place 4 and 2 of 10 interns, V3-096 (residential) takes the survey only.
  const compiled = compileRulebook(rulebookFixture('survey-and-cie-at-least-30-percent-earn-10-percent'));
  const dataSet = dataSetFixture('two-of-three-providers-earn-the-incentive');

  it('$50.00 rate: $45.00 base + $5.00 incentive when all measures are met, $45.00 when one is not', () => {
    const { payments, results, issues } = evaluateProgram(compiled, dataSet);
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

describe('end to end: DHCS EPT (class-table-milestones)', () => {
  // Fixtures: the EPT class table rows A-E (1..1,200 members, from the catalog's
  // ept-pmpy-classes.csv; D is 851..1,000 at $305.00); PR1 (920 members) completes milestones 1-3
  // by the day of the run, PR2 has 140,000 members.
  const compiled = compileRulebook(rulebookFixture('ept-920-members-class-d-pays-11224-per-milestone'));
  const dataSet = dataSetFixture('three-milestones-paid-one-practice-beyond-the-table');

  it('920 members / 25 milestones -> class D, 28060000 potential, 1122400 each, 3 completed = 3367200', () => {
    const { payments, results, issues } = evaluateProgram(compiled, dataSet);
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
    const compiled = compileRulebook(
      testRulebook({
        program: 'x',
        measures: [],
      }),
    );
    expect(() => evaluateProgram(compiled, { entities: [], submissions: [], asOf: '2026-13-01' })).toThrow(
      RulebookError,
    );
  });

  it('leaves out payees without an id or listed twice', () => {
    const compiled = compileRulebook(
      testRulebook({
        program: 'x',
        measures: [countsMeasure('cie', { kind: 'absolute', value: 0.5 })],
      }),
    );
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
    const compiled = compileRulebook(
      testRulebook({
        program: 'x',
        measures: [countsMeasure('cie', { kind: 'absolute', value: 0.5 })],
      }),
    );
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
