import { compileRulebook, evaluateProgram } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { dhcsEpt202627 } from './2026-27.ts';

const FY = '2026-27';
const entities = [
  // The source's worked example (002-11..002-14).
  // Its application: plan score 70 + 12 (children and youth) = 82 >= 77, selected.
  {
    id: 'ept-0001',
    name: 'Mission Family Health',
    assignedMembers: 920,
    milestoneCount: 25,
    planScore: 70,
    childrenYouthFocus: true,
  },
  // One member past class A's end: class B.
  // Its application: 60 + 15 (tribal) = 75 < 77, not selected.
  {
    id: 'ept-0002',
    name: 'Harbor OB/GYN',
    assignedMembers: 501,
    milestoneCount: 23,
    planScore: 60,
    tribalPractice: true,
  },
  // Outside the table: an issue for this practice only.
  { id: 'ept-0003', name: 'Empty Panel Clinic', assignedMembers: 0, milestoneCount: 25 },
  { id: 'ept-0004', name: 'Delta Pediatrics', assignedMembers: 1234, milestoneCount: 23 },
];
const milestone = (entityId: string, n: number, completedOn: string, submittedOn: string) => ({
  entityId,
  measure: 'ept-milestone',
  period: FY,
  submittedOn,
  data: { milestone: n, completedOn },
});
const rubric = (entityId: string, planScore: number, bonus: Record<string, boolean>) => ({
  entityId,
  measure: 'ept-application-score',
  period: FY,
  submittedOn: '2026-07-15',
  data: {
    planScore,
    childrenYouthFocus: false,
    pregnantIndividualsFocus: false,
    tribalPractice: false,
    ...bonus,
  },
});
const submissions = [
  milestone('ept-0001', 3, '2026-09-30', '2026-10-02'),
  milestone('ept-0001', 4, '2027-01-10', '2027-01-15'),
  // A correction of milestone 3's date: same record key, the later submission wins, paid once.
  milestone('ept-0001', 3, '2026-09-29', '2026-10-20'),
  milestone('ept-0002', 1, '2026-08-01', '2026-08-05'),
  milestone('ept-0002', 13, '2026-11-01', '2026-11-05'),
  milestone('ept-0002', 14, '2026-12-01', '2026-12-05'),
  // Milestone 24 does not exist for a 23-milestone practice.
  milestone('ept-0002', 24, '2026-12-01', '2026-12-05'),
  milestone('ept-0003', 1, '2026-08-01', '2026-08-05'),
  milestone('ept-0004', 12, '2026-10-01', '2026-10-05'),
  milestone('ept-0004', 13, '2027-06-30', '2027-07-01'),
  // Completed after the fiscal year's last day: next year's rulebook pays it.
  milestone('ept-0004', 5, '2027-07-02', '2027-07-03'),
  rubric('ept-0001', 70, { childrenYouthFocus: true }),
  rubric('ept-0002', 60, { tribalPractice: true }),
];

describe('dhcs-ept FY 2026-27 golden scenario', () => {
  const { results, payments, issues } = evaluateProgram(compileRulebook(dhcsEpt202627), {
    entities,
    submissions,
    asOf: '2027-08-31',
  });
  const pay = (id: string) => payments.find((p) => p.entityId === id);
  const result = (id: string, measure: string) =>
    results.find((r) => r.entityId === id && r.measure === measure);

  it('pays the source example: 920 members -> class D -> $305 -> $280,600 -> $11,224 per milestone', () => {
    // 920 x 30500 cents = 28,060,000; / 25 = 1,122,400 exactly. Milestones 3 and 4: 2 x 1,122,400.
    const p = pay('ept-0001');
    expect(p?.details).toMatchObject({
      class: 'D',
      pmpyCents: 30500,
      potentialCents: 28060000,
      perMilestoneCents: Array(25).fill(1122400),
    });
    expect(p?.lines).toEqual([
      expect.objectContaining({ kind: 'milestone', milestone: 3, amountCents: 1122400 }),
      expect.objectContaining({ kind: 'milestone', milestone: 4, amountCents: 1122400 }),
    ]);
    expect(p?.totalCents).toBe(2244800);
  });

  it('splits a 501-member practice (class B) over 23 milestones, leftover cents to the first', () => {
    // 501 x 39700 = 19,889,700 cents; / 23 = 864,769.56...; 23 x 864,769 = 19,889,687, 13 cents
    // left: milestones 1..13 get 864,770, 14..23 get 864,769 (13 x 864,770 + 10 x 864,769 = 19,889,700).
    const p = pay('ept-0002');
    const per = [...Array(13).fill(864770), ...Array(10).fill(864769)];
    expect(p?.details).toMatchObject({
      class: 'B',
      pmpyCents: 39700,
      potentialCents: 19889700,
      perMilestoneCents: per,
    });
    // Milestones 1, 13, 14: 864,770 + 864,770 + 864,769 = 2,594,309; milestone 24 is not paid.
    expect(p?.lines.map((l) => [l.milestone, l.amountCents])).toEqual([
      [1, 864770],
      [13, 864770],
      [14, 864769],
    ]);
    expect(p?.totalCents).toBe(2594309);
    expect(issues).toContainEqual(
      expect.objectContaining({ entityId: 'ept-0002', code: 'milestone-unknown' }),
    );
  });

  it('reports a member count outside the class table for that practice only', () => {
    expect(pay('ept-0003')).toBeUndefined();
    expect(issues).toContainEqual(
      expect.objectContaining({ entityId: 'ept-0003', code: 'members-outside-class-table' }),
    );
    expect(issues.filter((i) => i.code === 'members-outside-class-table')).toHaveLength(1);
  });

  it('pays class F milestones on both sides of the leftover-cent boundary, not after the year', () => {
    // 1,234 x 26,000 = 32,084,000; / 23: 12 cents left, milestones 1..12 get 1,394,957, 13..23 1,394,956.
    // Milestone 12 + milestone 13 = 1,394,957 + 1,394,956 = 2,789,913; milestone 5 (2027-07-02) is
    // after the measure's `by` date 2027-06-30, so not counted.
    const p = pay('ept-0004');
    expect(p?.details).toMatchObject({ class: 'F', pmpyCents: 26000, potentialCents: 32084000 });
    expect(p?.lines.map((l) => l.milestone)).toEqual([12, 13]);
    expect(p?.totalCents).toBe(2789913);
    expect(result('ept-0004', 'ept-milestone')?.value).toBe(2);
  });

  it('every payment adds up: lines sum to the total, per-milestone amounts to the potential', () => {
    for (const p of payments) {
      expect(p.lines.reduce((t, l) => t + l.amountCents, 0)).toBe(p.totalCents);
      const per = p.details.perMilestoneCents as number[];
      expect(per.reduce((t, c) => t + c, 0)).toBe(p.details.potentialCents);
    }
  });

  it('scores the application rubric: 70 + 12 = 82 selected, 60 + 15 = 75 not', () => {
    expect(result('ept-0001', 'ept-application-score')).toMatchObject({ value: 82, target: 77, met: true });
    expect(result('ept-0002', 'ept-application-score')).toMatchObject({ value: 75, met: false });
    expect(result('ept-0004', 'ept-application-score')?.status).toBe('not-scored');
  });

  it('ranks the applications held on the payee records in the rubric part (selection only, no money)', () => {
    const rubric = (id: string) =>
      (pay(id)?.details.parts as Record<string, Record<string, unknown>> | undefined)?.rubric;
    expect(rubric('ept-0001')).toMatchObject({
      basePoints: 70,
      bonusPoints: 12,
      totalPoints: 82,
      selected: true,
      rank: 1,
    });
    expect(rubric('ept-0002')).toMatchObject({
      basePoints: 60,
      bonusPoints: 15,
      totalPoints: 75,
      selected: false,
      rank: null,
    });
    // Practices without a score on record are not in the part: no issue, no entry.
    expect(rubric('ept-0004')).toBeUndefined();
    expect(issues.filter((i) => i.part === 'rubric')).toEqual([]);
    expect(pay('ept-0001')?.lines.every((l) => l.part === 'primary')).toBe(true);
  });
});
