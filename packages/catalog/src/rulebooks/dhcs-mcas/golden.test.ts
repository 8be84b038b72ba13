import { compileRulebook, evaluateProgram } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { dhcsMcas202627 } from './2026-27.ts';
import { MCAS_MEASURES } from './mcas-measures.ts';

const FY = '2026-27';
const entities = [
  {
    id: 'alpha-alameda',
    name: 'Alpha - Alameda',
    planId: 'mcp-alpha',
    county: 'Alameda',
    enrolledMembers: 180000,
    countyDefaultMembers: 1000,
    netIncomeCents: 1_000_000_000,
  },
  {
    id: 'bravo-alameda',
    name: 'Bravo - Alameda',
    planId: 'mcp-bravo',
    county: 'Alameda',
    enrolledMembers: 95000,
    countyDefaultMembers: 1000,
    netIncomeCents: -25_000_000,
  },
  {
    id: 'charlie-fresno',
    name: 'Charlie - Fresno',
    planId: 'mcp-charlie',
    county: 'Fresno',
    enrolledMembers: 60000,
    countyDefaultMembers: 400,
    netIncomeCents: 300_000_000,
  },
];
/** Every measure for one unit: 0.05 better than its MPL, or 0.05 worse for the `below` ones. */
function unit(entityId: string, below: string[], denominators: Record<string, number> = {}) {
  return MCAS_MEASURES.map((m) => {
    const up = below.includes(m.key) === (m.direction === 'lower'); // below the floor = worse
    const denominator = denominators[m.key] ?? 1000;
    return {
      entityId,
      measure: m.key,
      period: FY,
      submittedOn: '2027-06-15',
      data: {
        measurementYear: 2026,
        numerator: Math.round((m.mpl + (up ? 0.05 : -0.05)) * denominator),
        denominator,
      },
    };
  });
}
const mcasSubmissions = [
  // Alpha: below on GSD (0.43 > 0.38, lower is better), lead screening, and two auto-assignment
  // measures (CIS-10, FUA): 4 below; 6 of the 8 auto-assignment measures met.
  ...unit('alpha-alameda', [
    'mcas-glycemic-status-above-9',
    'mcas-lead-screening',
    'mcas-childhood-immunizations',
    'mcas-follow-up-ed-substance-use',
  ]),
  // Bravo: below on five auto-assignment measures: 3 of 8 met.
  ...unit('bravo-alameda', [
    'mcas-well-child-first-15-months',
    'mcas-well-child-15-to-30-months',
    'mcas-child-adolescent-well-care',
    'mcas-prenatal-care',
    'mcas-postpartum-care',
  ]),
  // Charlie: everything met, but breast cancer screening rests on 20 members: not scored, not sanctioned.
  ...unit('charlie-fresno', ['mcas-breast-cancer-screening'], { 'mcas-breast-cancer-screening': 20 }),
];

describe('dhcs-mcas FY 2026-27 golden scenario', () => {
  const { results, payments } = evaluateProgram(compileRulebook(dhcsMcas202627), {
    entities,
    submissions: mcasSubmissions,
    asOf: '2027-08-31',
  });
  const pay = (id: string) => payments.find((p) => p.entityId === id);

  it('sanctions $25,000.00 per measure below its MPL floor, lower-is-better included', () => {
    // Alpha: 4 below x -2,500,000 = -10,000,000 cents (-$100,000.00).
    const sanctions = pay('alpha-alameda')?.lines.filter((l) => l.kind === 'sanction');
    expect(sanctions?.map((l) => [l.measure, l.amountCents])).toEqual([
      ['mcas-childhood-immunizations', -2_500_000],
      ['mcas-follow-up-ed-substance-use', -2_500_000],
      ['mcas-glycemic-status-above-9', -2_500_000],
      ['mcas-lead-screening', -2_500_000],
    ]);
    expect(sanctions?.every((l) => l.part === 'primary')).toBe(true);
    // The auto-assignment line carries members, not money: the total is the sanctions alone.
    expect(pay('alpha-alameda')?.totalCents).toBe(-10_000_000);
    // Bravo: 5 below x -2,500,000 = -12,500,000.
    expect(pay('bravo-alameda')?.totalCents).toBe(-12_500_000);
  });

  it('does not sanction a measure that is not scored (denominator 20 < 30)', () => {
    expect(
      results.find((r) => r.entityId === 'charlie-fresno' && r.measure === 'mcas-breast-cancer-screening')
        ?.status,
    ).toBe('not-scored');
    expect(pay('charlie-fresno')?.totalCents).toBe(0);
  });

  it('splits the county default members by quality score, largest remainder', () => {
    // Alameda, 1,000 members, baseShare 0.5: Alpha 0.5/2 + 0.5 x 0.75/1.125 = 7/12 -> 583.33,
    // Bravo 0.25 + 0.5 x 0.375/1.125 = 5/12 -> 416.67; floors 583 + 416 = 999, the leftover member
    // to the larger remainder (Bravo, .67): 583 / 417. Fresno has one plan: all 400, evenly.
    const assigned = (id: string) => pay(id)?.lines.find((l) => l.part === 'auto-assignment');
    expect(assigned('alpha-alameda')).toMatchObject({
      kind: 'assignment',
      group: 'Alameda',
      quantity: 583,
      amountCents: 0,
    });
    expect(assigned('bravo-alameda')).toMatchObject({ quantity: 417 });
    expect(assigned('charlie-fresno')).toMatchObject({ group: 'Fresno', quantity: 400 });
  });

  it('asks 15% of net income from a unit below a floor, 7.5% from one meeting all, nothing of a loss', () => {
    const reinvest = (id: string) =>
      (pay(id)?.details.parts as Record<string, Record<string, unknown>> | undefined)?.reinvestment;
    // Alpha: 1,000,000,000 x 0.15 = 150,000,000 cents ($1,500,000.00).
    expect(reinvest('alpha-alameda')).toMatchObject({
      reinvestmentRate: '0.15',
      reinvestmentRequiredCents: 150_000_000,
    });
    // Bravo: a net loss of 25,000,000: nothing.
    expect(reinvest('bravo-alameda')).toMatchObject({ reinvestmentRequiredCents: 0 });
    // Charlie: every scored measure met (breast cancer not scored): 300,000,000 x 0.075 = 22,500,000.
    expect(reinvest('charlie-fresno')).toMatchObject({
      reinvestmentRate: '0.075',
      reinvestmentRequiredCents: 22_500_000,
    });
  });

  it('scores auto-assignment as the share of its 8 measures met: Alpha 6/8, Bravo 3/8', () => {
    const composite = (id: string) =>
      results.filter(
        (r) => r.entityId === id && MCAS_MEASURES.find((m) => m.key === r.measure)?.autoAssignment && r.met,
      ).length;
    expect([composite('alpha-alameda'), composite('bravo-alameda'), composite('charlie-fresno')]).toEqual([
      6, 3, 8,
    ]);
  });
});

describe('dhcs-mcas FY 2026-27: a measure not reported is below the MPL (noData)', () => {
  // Charlie reports every measure but lead screening; all reported ones are 0.05 better than the MPL.
  const submissions = unit('charlie-fresno', []).filter((s) => s.measure !== 'mcas-lead-screening');
  const { results, payments } = evaluateProgram(compileRulebook(dhcsMcas202627), {
    entities: entities.filter((e) => e.id === 'charlie-fresno'),
    submissions,
    asOf: '2027-08-31',
  });
  const charlie = payments[0];

  it('sanctions it, as a measure reported below the floor would be', () => {
    // One measure below: 1 x -2,500,000 cents ($25,000.00). Before the no-data policy the unreported
    // measure was "not scored" and never sanctioned: 0.
    expect(
      charlie?.lines.filter((l) => l.kind === 'sanction').map((l) => [l.measure, l.amountCents]),
    ).toEqual([['mcas-lead-screening', -2_500_000]]);
    const lead = results.find((r) => r.measure === 'mcas-lead-screening');
    expect([lead?.status, lead?.met, lead?.value]).toEqual(['scored', false, null]);
  });

  it('asks the higher reinvestment rate: 300,000,000 x 0.15 = 45,000,000 (not 7.5% = 22,500,000)', () => {
    const parts = charlie?.details.parts as Record<string, Record<string, unknown>> | undefined;
    expect(parts?.reinvestment).toMatchObject({
      reinvestmentRate: '0.15',
      reinvestmentRequiredCents: 45_000_000,
    });
  });
});
