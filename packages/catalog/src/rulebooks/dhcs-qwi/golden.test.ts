import { compileRulebook, evaluateProgram } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { dhcsQwi202627 } from './2026-27.ts';
import { planSubmissions } from './qwi-plan-submissions.ts';
import { QWI_EARN_BACK } from './qwi-rulebook.ts';

/**
 * Submissions for one plan (qwi-plan-submissions.ts): every earn-back measure, met unless listed in
 * `missed`; the disparity measure on well-child visits in the first 15 months, received 2027-07-01.
 */
const plan = (entityId: string, missed: readonly string[], disparityMet: boolean) =>
  planSubmissions(entityId, (m) => !missed.includes(m), {
    met: disparityMet,
    baseMeasure: 'qwi-well-child-first-15-months',
    submittedOn: '2027-07-01',
  });
const lines = (p: { lines: { kind: string; amountCents: number }[] } | undefined) =>
  Object.fromEntries((p?.lines ?? []).map((l) => [l.kind, l.amountCents]));

describe('dhcs-qwi FY 2026-27 golden scenario: earn-back and the disparity pool', () => {
  const entities = [
    { id: 'mcp-alpha', name: 'Alpha Health Plan', capitationCents: 20_000_000_000 },
    { id: 'mcp-bravo', name: 'Bravo Community Health', capitationCents: 8_000_000_000 },
    { id: 'mcp-charlie', name: 'Charlie Care', capitationCents: 5_000_000_000 },
  ];
  const bravo = plan('mcp-bravo', [], true);
  // Bravo's readmissions rest on 120 index stays: below 150, not scored, drops out (8 of 8 met).
  const pcr = bravo.find((s) => s.measure === 'qwi-readmissions-oe-ratio');
  if (pcr) pcr.data = { ...pcr.data, indexStays: 120 };
  const submissions = [
    // Alpha misses GSD > 9 (0.43 > 0.38, lower is better) and CAHPS: 7 of 9.
    ...plan('mcp-alpha', ['qwi-glycemic-status-above-9', 'qwi-cahps-rating-of-plan'], true),
    ...bravo,
    // Charlie meets only CBP, prenatal care and readmissions: 3 of 9.
    ...plan(
      'mcp-charlie',
      QWI_EARN_BACK.filter(
        (k) =>
          !['qwi-controlling-blood-pressure', 'qwi-prenatal-care', 'qwi-readmissions-oe-ratio'].includes(k),
      ),
      false,
    ),
  ];
  const { results, payments } = evaluateProgram(compileRulebook(dhcsQwi202627), {
    entities,
    submissions,
    asOf: '2027-08-31',
  });
  const pay = (id: string) => payments.find((p) => p.entityId === id);

  it('earns back the 0.5% withhold by the points of the met measures', () => {
    // Alpha: withhold = 20,000,000,000 x 0.005 = 100,000,000; 7 of 9 points -> 77,777,777.78 -> 77,777,778.
    expect(results.filter((r) => r.entityId === 'mcp-alpha' && r.points === 1)).toHaveLength(7 + 1); // + disparity
    expect(lines(pay('mcp-alpha'))).toMatchObject({
      capitation: 20_000_000_000,
      withhold: -100_000_000,
      'withhold-returned': 77_777_778,
    });
    // Bravo: 40,000,000 withheld, 8 of 8 scored met -> all of it back.
    expect(
      results.find((r) => r.entityId === 'mcp-bravo' && r.measure === 'qwi-readmissions-oe-ratio')?.status,
    ).toBe('not-scored');
    expect(lines(pay('mcp-bravo'))).toMatchObject({ withhold: -40_000_000, 'withhold-returned': 40_000_000 });
    // Charlie: 25,000,000 withheld, 3 of 9 -> 8,333,333.33 -> 8,333,333.
    expect(lines(pay('mcp-charlie'))).toMatchObject({
      withhold: -25_000_000,
      'withhold-returned': 8_333_333,
    });
  });

  it('pays the unearned withhold to the disparity reducers pro rata to capitation, largest remainder', () => {
    // Pool = 22,222,222 (Alpha) + 0 (Bravo) + 16,666,667 (Charlie) = 38,888,889. Alpha : Bravo =
    // 200 : 80 = 5 : 2 -> 27,777,777.86 and 11,111,111.14; the leftover cent to Alpha (.86).
    expect(lines(pay('mcp-alpha')).incentive).toBe(27_777_778);
    expect(lines(pay('mcp-bravo')).incentive).toBe(11_111_111);
    expect(lines(pay('mcp-charlie')).incentive ?? 0).toBe(0);
  });

  it('totals: capitation - withhold + returned + incentive, lines adding up', () => {
    // Alpha 20,000,000,000 - 100,000,000 + 77,777,778 + 27,777,778 = 20,005,555,556
    // Bravo 8,000,000,000 - 40,000,000 + 40,000,000 + 11,111,111 = 8,011,111,111
    // Charlie 5,000,000,000 - 25,000,000 + 8,333,333 = 4,983,333,333
    expect(payments.map((p) => [p.entityId, p.totalCents])).toEqual([
      ['mcp-alpha', 20_005_555_556],
      ['mcp-bravo', 8_011_111_111],
      ['mcp-charlie', 4_983_333_333],
    ]);
    for (const p of payments) expect(p.lines.reduce((t, l) => t + l.amountCents, 0)).toBe(p.totalCents);
  });
});

describe('dhcs-qwi FY 2026-27 golden scenario: the 105% cap', () => {
  it('stops a small eligible plan at 105% of its capitation and leaves the rest unallocated', () => {
    // Echo: 5,000,000,000 capitation, 0 of 9 met -> 25,000,000 unearned, not eligible.
    // Delta: 1,000,000 capitation ($10,000), 9 of 9, the only eligible plan: withhold 5,000 all back;
    // cap = floor(1,000,000 x 1.05) = 1,050,000; headroom 1,050,000 - 1,000,000 = 50,000 of the
    // 25,000,000 pool; the other 24,950,000 stays unpaid (issue pool-unallocated).
    const { payments, issues } = evaluateProgram(compileRulebook(dhcsQwi202627), {
      entities: [
        { id: 'mcp-delta', name: 'Delta', capitationCents: 1_000_000 },
        { id: 'mcp-echo', name: 'Echo', capitationCents: 5_000_000_000 },
      ],
      submissions: [...plan('mcp-delta', [], true), ...plan('mcp-echo', QWI_EARN_BACK, false)],
      asOf: '2027-08-31',
    });
    const delta = payments.find((p) => p.entityId === 'mcp-delta');
    expect(lines(delta)).toEqual({
      capitation: 1_000_000,
      withhold: -5_000,
      'withhold-returned': 5_000,
      incentive: 50_000,
    });
    expect(delta?.totalCents).toBe(1_050_000);
    // Echo: 5,000,000,000 - 25,000,000 + 0 = 4,975,000,000
    expect(payments.find((p) => p.entityId === 'mcp-echo')?.totalCents).toBe(4_975_000_000);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'pool-unallocated' }));
  });
});

describe('dhcs-qwi FY 2026-27: not reporting is not met (noData)', () => {
  it('earns back 1/9 for a plan that reports and meets one earn-back measure of nine', () => {
    // Foxtrot: 4,000,000,000 capitation -> withhold 4,000,000,000 x 0.005 = 20,000,000. It reports
    // only CBP (met); the eight measures it does not report count as scored and not met, so
    // weighted-met = 1 / 9 -> 20,000,000 / 9 = 2,222,222.22 -> 2,222,222 back (half-up). Before the
    // no-data policy the eight dropped out: 1 / 1 and the whole 20,000,000 came back.
    const only = plan('mcp-foxtrot', [], false).filter((s) => s.measure === 'qwi-controlling-blood-pressure');
    const { results, payments } = evaluateProgram(compileRulebook(dhcsQwi202627), {
      entities: [{ id: 'mcp-foxtrot', name: 'Foxtrot', capitationCents: 4_000_000_000 }],
      submissions: only,
      asOf: '2027-08-31',
    });
    expect(lines(payments[0])).toMatchObject({ withhold: -20_000_000, 'withhold-returned': 2_222_222 });
    const unreported = results.filter((r) => QWI_EARN_BACK.includes(r.measure) && r.records === 0);
    expect(unreported).toHaveLength(8);
    for (const r of unreported)
      expect([r.status, r.met, r.value, r.reason]).toEqual(['scored', false, null, 'no data submitted']);
  });

  it('keeps a reported measure with a denominator under the minimum "not scored" (not the same as not reporting)', () => {
    // CBP reported with 20 members in the denominator (< 30): not scored, drops out; the other eight
    // are reported and met: 8 / 8 -> the whole 20,000,000 back.
    const subs = plan('mcp-golf', [], false).map((s) =>
      s.measure === 'qwi-controlling-blood-pressure'
        ? { ...s, data: { measurementYear: 2026, numerator: 15, denominator: 20 } }
        : s,
    );
    const { results, payments } = evaluateProgram(compileRulebook(dhcsQwi202627), {
      entities: [{ id: 'mcp-golf', name: 'Golf', capitationCents: 4_000_000_000 }],
      submissions: subs,
      asOf: '2027-08-31',
    });
    expect(results.find((r) => r.measure === 'qwi-controlling-blood-pressure')?.status).toBe('not-scored');
    expect(lines(payments[0])).toMatchObject({ withhold: -20_000_000, 'withhold-returned': 20_000_000 });
  });
});

describe('dhcs-qwi FY 2026-27 golden scenario: a disparity gap that shrank by exactly 1 point', () => {
  // Foxtrot's largest gap went from 4.1 to 3.1 points: 4.1 - 3.1 = 1 exactly, which meets "at least
  // 1 point" (ties meet). In binary floating point 4.1 - 3.1 = 0.9999999999999996 and would miss.
  const foxtrot = plan('mcp-foxtrot', [], true);
  const gap = foxtrot.find((s) => s.measure === 'qwi-disparity-reduction');
  if (gap) gap.data = { ...gap.data, baselineGapPoints: 4.1, currentGapPoints: 3.1 };
  const { results, payments, issues } = evaluateProgram(compileRulebook(dhcsQwi202627), {
    entities: [
      { id: 'mcp-foxtrot', name: 'Foxtrot', capitationCents: 20_000_000_000 },
      { id: 'mcp-golf', name: 'Golf', capitationCents: 2_000_000_000 },
    ],
    submissions: [
      ...foxtrot,
      // Golf meets only CBP and GSD > 9: 2 of 9; its gap shrank 14.2 - 13.9 = 0.3 points (not met).
      ...plan(
        'mcp-golf',
        QWI_EARN_BACK.filter(
          (k) => !['qwi-controlling-blood-pressure', 'qwi-glycemic-status-above-9'].includes(k),
        ),
        false,
      ),
    ],
    asOf: '2027-08-31',
  });
  const pay = (id: string) => payments.find((p) => p.entityId === id);

  it('meets the disparity measure with a value of exactly 1', () => {
    const r = results.find((x) => x.entityId === 'mcp-foxtrot' && x.measure === 'qwi-disparity-reduction');
    expect([r?.value, r?.exact, r?.target, r?.met]).toEqual([1, null, 1, true]);
  });

  it('pays the $77,777.78 Golf did not earn back to Foxtrot instead of leaving it unpaid', () => {
    // Golf: withhold = 2,000,000,000 x 0.005 = 10,000,000; 2 of 9 back = 2,222,222.22 -> 2,222,222;
    // unearned = 10,000,000 - 2,222,222 = 7,777,778 cents = $77,777.78, the whole pool.
    expect(lines(pay('mcp-golf'))).toMatchObject({ withhold: -10_000_000, 'withhold-returned': 2_222_222 });
    // Foxtrot: withhold 100,000,000, 9 of 9 back; the only disparity reducer takes the pool:
    // 7,777,778 (cap headroom 20,000,000,000 x 0.05 = 1,000,000,000 is far above it).
    expect(lines(pay('mcp-foxtrot'))).toEqual({
      capitation: 20_000_000_000,
      withhold: -100_000_000,
      'withhold-returned': 100_000_000,
      incentive: 7_777_778,
    });
    // 20,000,000,000 - 100,000,000 + 100,000,000 + 7,777,778 = 20,007,777,778
    expect(pay('mcp-foxtrot')?.totalCents).toBe(20_007_777_778);
    // 2,000,000,000 - 10,000,000 + 2,222,222 = 1,992,222,222
    expect(pay('mcp-golf')?.totalCents).toBe(1_992_222_222);
    expect(issues).not.toContainEqual(expect.objectContaining({ code: 'pool-unallocated' }));
  });
});
