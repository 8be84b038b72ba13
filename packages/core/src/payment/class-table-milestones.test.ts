import { describe, expect, it } from 'vitest';
import { computeClassTableMilestones } from './class-table-milestones.ts';
import type { EntityOutcome } from './payment.ts';
import { PaymentParamsSchema } from './payment-params.ts';

// The EPT PMPY class table (DHCS EPT page, Table 1), typed in: [class, from, to, pmpy dollars].
const TABLE: [string, number, number, string][] = [
  ['A', 1, 500, '580.00'],
  ['B', 501, 700, '397.00'],
  ['C', 701, 850, '349.00'],
  ['D', 851, 1000, '305.00'],
  ['E', 1001, 1200, '300.00'],
  ['F', 1201, 1400, '260.00'],
  ['G', 1401, 1600, '180.00'],
  ['H', 1601, 1800, '170.00'],
  ['I', 1801, 2000, '162.00'],
  ['J', 2001, 2250, '144.00'],
  ['K', 2251, 2500, '146.00'],
  ['L', 2501, 2750, '145.00'],
  ['M', 2751, 3000, '121.00'],
  ['N', 3001, 3250, '110.00'],
  ['O', 3251, 3500, '106.00'],
  ['P', 3501, 4000, '95.00'],
  ['Q', 4001, 4500, '88.00'],
  ['R', 4501, 5000, '85.00'],
  ['S', 5001, 5500, '79.00'],
  ['T', 5501, 6000, '77.00'],
  ['U', 6001, 6500, '61.50'],
  ['V', 6501, 7000, '50.25'],
  ['W', 7001, 7500, '59.00'],
  ['X', 7501, 8000, '53.00'],
  ['Y', 8001, 8500, '49.50'],
  ['Z', 8501, 9000, '50.50'],
  ['AA', 9001, 9500, '48.00'],
  ['BB', 9501, 10000, '46.00'],
  ['CC', 10001, 11500, '40.50'],
  ['DD', 11501, 13000, '45.00'],
  ['EE', 13001, 14500, '33.30'],
  ['FF', 14501, 16000, '40.00'],
  ['GG', 16001, 17500, '38.00'],
  ['HH', 17501, 20000, '37.00'],
  ['II', 20001, 22500, '36.50'],
  ['JJ', 22501, 25000, '31.50'],
  ['KK', 25001, 27500, '30.50'],
  ['LL', 27501, 30000, '28.50'],
  ['MM', 30001, 35000, '28.00'],
  ['NN', 35001, 45000, '26.00'],
  ['OO', 45001, 55000, '22.50'],
  ['PP', 55001, 60000, '28.50'],
  ['QQ', 60001, 65000, '23.00'],
  ['RR', 65001, 75000, '22.00'],
  ['SS', 75001, 90000, '22.00'],
  ['TT', 90001, 105000, '21.00'],
  ['UU', 105001, 120000, '18.00'],
  ['VV', 120001, 138000, '23.00'],
];

const parsed = PaymentParamsSchema.parse({
  method: 'class-table-milestones',
  classes: TABLE.map(([c, from, to, pmpy]) => ({ class: c, membersFrom: from, membersTo: to, pmpy })),
  milestoneCounts: [23, 25],
});
if (parsed.method !== 'class-table-milestones') throw new Error('wrong method');
const params = parsed;

const practice = (
  entityId: string,
  assignedMembers: unknown,
  milestoneCount: unknown,
  done: number[] = [],
): EntityOutcome => ({
  entityId,
  attributes: { assignedMembers, milestoneCount },
  measures: {},
  composite: null,
  completedMilestones: done.map((m) => ({ milestone: m, completedOn: `2026-0${(m % 9) + 1}-15` })),
});

const run = (entities: EntityOutcome[], explain = false, asOf?: string) =>
  computeClassTableMilestones(params, entities, asOf ? { explain, asOf } : { explain });

describe('class-table-milestones (EPT)', () => {
  it('reproduces the DHCS worked example: 920 members, 25 milestones', () => {
    // 920 is in D (851..1000) at $305.00 -> 920 x 305 = $280,600.00 = 28,060,000 cents;
    // / 25 = 1,122,400 cents ($11,224) per milestone. Milestones 1-3 done: 3 x 1,122,400 = 3,367,200.
    const { payments, issues } = run([practice('p1', 920, 25, [1, 2, 3])]);
    expect(issues).toEqual([]);
    const p = payments[0];
    expect(p?.details).toMatchObject({ class: 'D', pmpyCents: 30_500, potentialCents: 28_060_000 });
    expect(p?.details.perMilestoneCents).toEqual(new Array(25).fill(1_122_400));
    expect(p?.lines).toEqual([
      { kind: 'milestone', milestone: 1, completedOn: '2026-02-15', amountCents: 1_122_400 },
      { kind: 'milestone', milestone: 2, completedOn: '2026-03-15', amountCents: 1_122_400 },
      { kind: 'milestone', milestone: 3, completedOn: '2026-04-15', amountCents: 1_122_400 },
    ]);
    expect(p?.totalCents).toBe(3_367_200);
    expect(p?.details.remainingCents).toBe(28_060_000 - 3_367_200);
  });

  it('uses the right class at the 500/501 and 2250/2251 boundaries', () => {
    const { payments } = run([
      practice('a', 500, 25),
      practice('b', 501, 23),
      practice('j', 2250, 25),
      practice('k', 2251, 25),
    ]);
    const d = (i: number) => payments[i]?.details;
    // 500 x $580 = $290,000
    expect(d(0)).toMatchObject({ class: 'A', pmpyCents: 58_000, potentialCents: 29_000_000 });
    // 501 x $397 = $198,897
    expect(d(1)).toMatchObject({ class: 'B', pmpyCents: 39_700, potentialCents: 19_889_700 });
    // 2250 x $144 = $324,000; 2251 x $146 = $328,646
    expect(d(2)).toMatchObject({ class: 'J', potentialCents: 32_400_000 });
    expect(d(3)).toMatchObject({ class: 'K', potentialCents: 32_864_600 });
  });

  it('splits a potential that does not divide evenly so the milestones add up exactly', () => {
    // 19,889,700 / 23 = 864,769.56...: 864,769 x 23 = 19,889,687, 13 cents left -> milestones 1-13 get 864,770
    const { payments } = run([practice('b', 501, 23, [13, 14])]);
    const per = payments[0]?.details.perMilestoneCents as number[];
    expect(per).toHaveLength(23);
    expect(per.reduce((a, b) => a + b, 0)).toBe(19_889_700);
    expect(per[12]).toBe(864_770);
    expect(per[13]).toBe(864_769);
    expect(payments[0]?.totalCents).toBe(864_770 + 864_769);
  });

  it('uses fractional PMPY exactly: 6,001 x $61.50 = $369,061.50', () => {
    const { payments } = run([practice('u', 6001, 25)]);
    expect(payments[0]?.details).toMatchObject({ class: 'U', pmpyCents: 6_150, potentialCents: 36_906_150 });
  });

  it('reports members outside the table and bad milestone counts, never a silent zero', () => {
    const { payments, issues } = run([
      practice('zero', 0, 25),
      practice('huge', 138_001, 25),
      practice('count', 920, 24),
      practice('missing', undefined, 25),
    ]);
    expect(payments).toEqual([]);
    expect(issues.map((i) => [i.entityId, i.code])).toEqual([
      ['zero', 'members-outside-class-table'],
      ['huge', 'members-outside-class-table'],
      ['count', 'milestone-count-invalid'],
      ['missing', 'missing-attribute'],
    ]);
  });

  it('pays each milestone once, skips unknown ones and those after asOf', () => {
    const e = practice('p', '920', '25', [2, 2, 26]);
    const { payments, issues } = run([e], false, '2026-03-31');
    // milestone 2 (completed 2026-03-15) once; 26 does not exist
    expect(payments[0]?.lines.map((l) => l.milestone)).toEqual([2]);
    expect(issues.map((i) => i.code).sort()).toEqual(['milestone-duplicate', 'milestone-unknown']);
    // asOf before the completion: nothing paid yet
    expect(run([practice('p', 920, 25, [1])], false, '2026-01-31').payments[0]?.totalCents).toBe(0);
  });

  it('builds a trace only with explain', () => {
    expect(run([practice('p', 920, 25, [1])]).payments[0]).not.toHaveProperty('trace');
    const trace = run([practice('p', 920, 25, [1])], true).payments[0]?.trace;
    expect(trace?.map((t) => t.rule)).toEqual([
      'class',
      'potential total',
      'per milestone',
      'completed milestones',
    ]);
    expect(trace?.[1]?.value).toBe(28_060_000);
  });

  it('rejects overlapping class rows', () => {
    const bad = PaymentParamsSchema.safeParse({
      method: 'class-table-milestones',
      classes: [
        { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' },
        { class: 'B', membersFrom: 500, membersTo: 700, pmpy: '397.00' },
      ],
    });
    expect(bad.success).toBe(false);
  });
});
