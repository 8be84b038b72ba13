import { compileRulebook, type Entity, evaluateProgram } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../doc-example.ts';
import { dhcsWpc202627 } from './2026-27.ts';

const FY = '2026-27';
// The four pilots of docs/programs/dhcs-wpc.md section 4: Los Angeles (county) and San Francisco
// (city and county) with baselines; Sacramento, a city: no start-up grant; no baselines, so its
// outcome measures are not scored; North Coast, a consortium without housing services that
// reported nothing.
const entities = docExample('dhcs-wpc', 'payees dhcs-wpc 2026-27') as Entity[];
const sub = (
  entityId: string,
  measure: string,
  data: Record<string, unknown>,
  submittedOn = '2027-07-28',
) => ({
  entityId,
  measure,
  period: FY,
  submittedOn,
  data,
});
const reports = (entityId: string) => [
  ...[1, 2, 3, 4].map((quarter) =>
    sub(entityId, 'wpc-enrollment-report', {
      quarter,
      enrolledMembers: 1000,
      newEnrollees: 100,
      disenrolledMembers: 50,
      enrolleesExperiencingHomelessness: 400,
      enrolleesReceivingHousingServices: 300,
    }),
  ),
  sub(entityId, 'wpc-progress-report', {
    documentId: `${entityId}-2026-27`,
    partnerOrganizations: 12,
    dataSharingLive: true,
  }),
];
const submissions = [
  sub('wpc-los-angeles', 'wpc-start-up', { milestone: 1, completedOn: '2026-08-15' }, '2026-08-20'),
  sub('wpc-san-francisco', 'wpc-start-up', { milestone: 1, completedOn: '2026-09-01' }, '2026-09-02'),
  ...reports('wpc-los-angeles'),
  ...reports('wpc-san-francisco'),
  ...reports('wpc-sacramento'),
  // Los Angeles (targets close 10% of the gap from the baseline):
  // ED 180 -> 162; 16,000 / 100,000 x 1000 = 160 <= 162 met.
  sub('wpc-los-angeles', 'wpc-ed-visits', { edVisits: 16000, memberMonths: 100000 }),
  // Inpatient 45 -> 40.5; 4,000 / 100,000 x 1000 = 40 met.
  sub('wpc-los-angeles', 'wpc-inpatient-stays', { inpatientStays: 4000, memberMonths: 100000 }),
  // Follow-up 0.42 -> 0.478; 230 / 500 = 0.46 NOT met.
  sub('wpc-los-angeles', 'wpc-mental-illness-follow-up', { followUpWithin30Days: 230, discharges: 500 }),
  // Care plan 0.55 -> 0.595; 300 / 400 = 0.75 met.
  sub('wpc-los-angeles', 'wpc-care-plan-30-days', { carePlanWithin30Days: 300, newEnrollees: 400 }),
  // Housing 0.12 -> 0.208; 400 / 1,600 = 0.25 met.
  sub('wpc-los-angeles', 'wpc-permanent-housing', {
    movedToPermanentHousing: 400,
    enrolleesExperiencingHomelessness: 1600,
  }),
  // San Francisco: ED 150 -> 135; 1,300 / 10,000 x 1000 = 130 met.
  sub('wpc-san-francisco', 'wpc-ed-visits', { edVisits: 1300, memberMonths: 10000 }),
  // Inpatient 38.5 -> 34.65; 400 / 10,000 x 1000 = 40 not met.
  sub('wpc-san-francisco', 'wpc-inpatient-stays', { inpatientStays: 400, memberMonths: 10000 }),
  // Follow-up 0.5 -> 0.55; 100 / 200 = 0.5 not met.
  sub('wpc-san-francisco', 'wpc-mental-illness-follow-up', { followUpWithin30Days: 100, discharges: 200 }),
  // Care plan 0.6 -> 0.64; 60 / 100 = 0.6 not met.
  sub('wpc-san-francisco', 'wpc-care-plan-30-days', { carePlanWithin30Days: 60, newEnrollees: 100 }),
  // Housing 0.15 -> 0.235; 50 / 400 = 0.125 not met.
  sub('wpc-san-francisco', 'wpc-permanent-housing', {
    movedToPermanentHousing: 50,
    enrolleesExperiencingHomelessness: 400,
  }),
];

describe('dhcs-wpc FY 2026-27 golden scenario', () => {
  const { results, payments } = evaluateProgram(compileRulebook(dhcsWpc202627), {
    entities,
    submissions,
    asOf: '2027-08-31',
  });
  const pay = (id: string) => payments.find((p) => p.entityId === id)?.totalCents;
  const part = (id: string, key: string) =>
    (payments.find((p) => p.entityId === id)?.lines ?? [])
      .filter((l) => l.part === key)
      .reduce((t, l) => t + l.amountCents, 0);
  const met = (id: string) =>
    results.filter((r) => r.entityId === id && r.met === true).map((r) => r.measure);

  it('meets the targets worked out from each pilot baseline', () => {
    // LA: 2 reports + ED + inpatient + care plan + housing = 6 of 7 (plus the start-up milestone).
    expect(met('wpc-los-angeles')).toHaveLength(7);
    expect(met('wpc-los-angeles')).not.toContain('wpc-mental-illness-follow-up');
    // SF: 2 reports + ED = 3 of 7 (plus the start-up milestone).
    expect(met('wpc-san-francisco').sort()).toEqual(
      ['wpc-ed-visits', 'wpc-enrollment-report', 'wpc-progress-report', 'wpc-start-up'].sort(),
    );
    // Sacramento has no baselines: improvement targets cannot resolve, not scored (never a made-up 0).
    expect(
      results.find((r) => r.entityId === 'wpc-sacramento' && r.measure === 'wpc-ed-visits')?.status,
    ).toBe('not-scored');
    expect(results.find((r) => r.entityId === 'wpc-sacramento' && r.measure === 'wpc-start-up')?.status).toBe(
      'not-applicable',
    );
  });

  it('splits the $10M incentive pool by composite x enrollment, largest remainder', () => {
    // Weights: LA 4000 x 6/7 = 24000/7; SF 1000 x 3/7 = 3000/7; Sacramento 600 x 2/2 (its two
    // reports met, outcomes not scored) = 4200/7; North Coast 0 (nothing reported).
    // Sum 31200/7: LA 24000/31200 = 40/52, SF 5/52, Sacramento 7/52 of 1,000,000,000 cents:
    // 769,230,769.23 / 96,153,846.15 / 134,615,384.62; floors sum 999,999,999, the leftover cent
    // to the largest remainder (Sacramento, .62).
    expect(part('wpc-los-angeles', 'primary')).toBe(769_230_769);
    expect(part('wpc-san-francisco', 'primary')).toBe(96_153_846);
    expect(part('wpc-sacramento', 'primary')).toBe(134_615_385);
    expect(part('wpc-north-coast', 'primary')).toBe(0);
    expect(payments.reduce((t, p) => t + part(p.entityId, 'primary'), 0)).toBe(1_000_000_000);
  });

  it('pays $200,000 start-up grants to the approved counties from the $20M pool', () => {
    // LA (county) and SF (city and county) approved: 2 x 20,000,000 cents; Sacramento is a city.
    expect(part('wpc-los-angeles', 'start-up')).toBe(20_000_000);
    expect(part('wpc-san-francisco', 'start-up')).toBe(20_000_000);
    expect(part('wpc-sacramento', 'start-up')).toBe(0);
  });

  it('allocates the $100M housing fund by housing enrollees among pilots with current enrollment reports', () => {
    // 6,000 + 2,500 + 1,500 = 10,000 housing enrollees, all three with their four enrollment reports in:
    // 10,000,000,000 cents x 0.6 / 0.25 / 0.15. North Coast provides no housing services: not in the part.
    expect(part('wpc-los-angeles', 'housing')).toBe(6_000_000_000);
    expect(part('wpc-san-francisco', 'housing')).toBe(2_500_000_000);
    expect(part('wpc-sacramento', 'housing')).toBe(1_500_000_000);
    expect(payments.find((p) => p.entityId === 'wpc-north-coast')?.details.parts).toBeUndefined();
  });

  it('adds the parts up per pilot', () => {
    // LA 769,230,769 + 20,000,000 + 6,000,000,000; SF 96,153,846 + 20,000,000 + 2,500,000,000;
    // Sacramento 134,615,385 + 1,500,000,000.
    expect(pay('wpc-los-angeles')).toBe(6_789_230_769);
    expect(pay('wpc-san-francisco')).toBe(2_616_153_846);
    expect(pay('wpc-sacramento')).toBe(1_634_615_385);
  });
});

describe('dhcs-wpc start-up pool', () => {
  const county = (i: number) => ({
    id: `wpc-county-${String(i).padStart(3, '0')}`,
    name: `County ${i}`,
    leadEntityType: 'county',
    counties: [`County ${i}`],
    enrolledMembers: 100,
    providesHousingServices: false,
  });
  const approve = (n: number) => {
    const entities = Array.from({ length: n }, (_, i) => county(i + 1));
    const submissions = entities.map((e) =>
      sub(e.id, 'wpc-start-up', { milestone: 1, completedOn: '2026-09-01' }, '2026-09-02'),
    );
    const { payments } = evaluateProgram(compileRulebook(dhcsWpc202627), {
      entities,
      submissions,
      asOf: '2027-08-31',
    });
    return payments.map((p) => p.lines.find((l) => l.part === 'start-up')?.amountCents ?? 0);
  };

  it("pays California's 58 counties $200,000 each: $11.6M of the $20M pool", () => {
    const paid = approve(58);
    expect(new Set(paid)).toEqual(new Set([20_000_000]));
    expect(paid.reduce((t, c) => t + c, 0)).toBe(1_160_000_000);
  });

  it('scales 101 claims down to the $20M pool pro rata, parts adding up exactly', () => {
    // 101 x 20,000,000 = 2,020,000,000 > 2,000,000,000: each 2,000,000,000 / 101 = 19,801,980.198;
    // floors 101 x 19,801,980 = 1,999,999,980, the 20 leftover cents one each to 20 grants.
    const paid = approve(101);
    expect(paid.reduce((t, c) => t + c, 0)).toBe(2_000_000_000);
    expect(paid.filter((c) => c === 19_801_981)).toHaveLength(20);
    expect(paid.filter((c) => c === 19_801_980)).toHaveLength(81);
  });
});
