import { describe, expect, it } from 'vitest';
import { paymentLineKey } from '../payment/payment.ts';
import { checkCycleBudget } from './cycle-budget.ts';
import { computeCycleLines } from './cycle-lines.ts';
import { CyclesSchema } from './cycles-schema.ts';

const config = (input: Record<string, unknown> = {}) => CyclesSchema.parse(input);
const ent = (entityId: string, key: string, amountCents: number, kind = key.split(':')[0] as string) => ({
  entityId,
  key,
  kind,
  amountCents,
});
const paid = (entityId: string, key: string, yearPaidCents: number, lifetimePaidCents = yearPaidCents) => ({
  entityId,
  key,
  kind: key.split(':')[0] as string,
  yearPaidCents,
  lifetimePaidCents,
});

describe('paymentLineKey', () => {
  it('is kind, then milestone, group or measure, then period; parts in front; an own key wins', () => {
    expect(paymentLineKey({ kind: 'incentive', amountCents: 1 })).toBe('incentive');
    expect(paymentLineKey({ kind: 'incentive', amountCents: 1, part: 'primary' })).toBe('incentive');
    expect(paymentLineKey({ kind: 'milestone', milestone: 7, amountCents: 1 })).toBe('milestone:7');
    expect(paymentLineKey({ kind: 'sanction', measure: 'cis-10', amountCents: -1 })).toBe('sanction:cis-10');
    expect(paymentLineKey({ kind: 'assignment', group: 'Alameda', amountCents: 1, part: 'auto' })).toBe(
      'auto:assignment:Alameda',
    );
    expect(paymentLineKey({ kind: 'milestone', milestone: 1, amountCents: 1, part: 'start-up' })).toBe(
      'start-up:milestone:1',
    );
    expect(paymentLineKey({ kind: 'pool-share', period: '2026-Q3', amountCents: 1, part: 'housing' })).toBe(
      'housing:pool-share:2026-Q3',
    );
    expect(
      paymentLineKey({ kind: 'pool-share', key: 'housing:2026-Q3', amountCents: 1, part: 'housing' }),
    ).toBe('housing:2026-Q3');
  });
});

describe('computeCycleLines', () => {
  it('pays the whole entitlement in a first cycle: due = entitled - 0', () => {
    const { lines, totals } = computeCycleLines({
      entitlements: [ent('B', 'incentive', 500), ent('A', 'base', 4500), ent('A', 'incentive', 500)],
      balances: [],
      config: config(),
      official: false,
    });
    expect(lines.map((l) => [l.entityId, l.key, l.dueCents])).toEqual([
      ['A', 'base', 4500],
      ['A', 'incentive', 500],
      ['B', 'incentive', 500],
    ]);
    // 4,500 + 500 + 500 = 5,500 due, nothing recovered.
    expect(totals).toEqual({ dueCents: 5500, recoveredCents: 0, netCents: 5500, lines: 3 });
  });

  it('pays only the difference after a correction, and recovers what a payee no longer has', () => {
    const { lines, totals } = computeCycleLines({
      // A's incentive went from 500 to 650; B left the program; C is new.
      entitlements: [ent('A', 'base', 4500), ent('A', 'incentive', 650), ent('C', 'base', 1000)],
      balances: [paid('A', 'base', 4500), paid('A', 'incentive', 500), paid('B', 'incentive', 500)],
      config: config(),
      official: true,
    });
    expect(lines.map((l) => [l.entityId, l.key, l.entitledCents, l.paidBeforeCents, l.dueCents])).toEqual([
      ['A', 'base', 4500, 4500, 0],
      ['A', 'incentive', 650, 500, 150],
      ['B', 'incentive', 0, 500, -500],
      ['C', 'base', 1000, 0, 1000],
    ]);
    // due 150 + 1,000 = 1,150; recovered 500; net 650.
    expect(totals).toEqual({ dueCents: 1150, recoveredCents: 500, netCents: 650, lines: 4 });
  });

  it('pays the interim share, rounded down per line, until the official run pays the rest', () => {
    // The same two entitlements, first in an interim run, then in the official one.
    const cycle = (balances: ReturnType<typeof paid>[], official: boolean) =>
      computeCycleLines({
        entitlements: [ent('A', 'incentive', 1001), ent('A', 'withhold', -999)],
        balances,
        config: config({ interimShare: '0.8' }),
        official,
      });
    const interim = cycle([], false);
    // 1,001 x 0.8 = 800.8 -> 800 (down); -999 x 0.8 = -799.2 -> -799 (down = toward zero).
    expect(interim.lines.map((l) => [l.key, l.payableCents, l.dueCents])).toEqual([
      ['incentive', 800, 800],
      ['withhold', -799, -799],
    ]);
    const official = cycle([paid('A', 'incentive', 800), paid('A', 'withhold', -799)], true);
    // The official run pays 1,001 - 800 = 201 and takes -999 - (-799) = -200.
    expect(official.lines.map((l) => [l.key, l.payableCents, l.dueCents])).toEqual([
      ['incentive', 1001, 201],
      ['withhold', -999, -200],
    ]);
    const halfUp = computeCycleLines({
      entitlements: [ent('A', 'incentive', 1001)],
      balances: [],
      config: config({ interimShare: '0.5', rounding: 'half-up' }),
      official: false,
    });
    // 1,001 x 0.5 = 500.5 -> 501 half-up.
    expect(halfUp.lines[0]?.dueCents).toBe(501);
  });

  it('pays a lifetime key once: what any year paid counts, and a year without it recovers nothing', () => {
    const cfg = config({ lifetimeKeys: ['milestone:*'] });
    // FY 2026-27: milestone 3 was paid 11,224 in 2025-26 (lifetime) and appears again in this run.
    const again = computeCycleLines({
      entitlements: [ent('P', 'milestone:3', 11_224), ent('P', 'milestone:4', 11_224)],
      balances: [paid('P', 'milestone:3', 0, 11_224)],
      elsewhere: [{ entityId: 'P', key: 'milestone:3', payableCents: 11_224 }],
      config: cfg,
      official: true,
    });
    expect(again.lines.map((l) => [l.key, l.lifetime, l.paidBeforeCents, l.dueCents])).toEqual([
      ['milestone:3', true, 11_224, 0],
      ['milestone:4', true, 0, 11_224],
    ]);
    // The 2025-26 cycle again, from a run without milestone 3 (paid there 11,224, and 2026-27 stands at 11,224).
    const without = computeCycleLines({
      entitlements: [],
      balances: [paid('P', 'milestone:3', 11_224, 11_224)],
      elsewhere: [{ entityId: 'P', key: 'milestone:3', payableCents: 11_224 }],
      config: cfg,
      official: true,
    });
    expect(without.lines.map((l) => [l.key, l.entitledCents, l.elsewhereCents, l.dueCents])).toEqual([
      ['milestone:3', 0, 11_224, 0],
    ]);
    // 2026-27 from a run without milestone 3, which only 2025-26 paid: no line at all.
    const elsewhereOnly = computeCycleLines({
      entitlements: [ent('P', 'milestone:4', 11_224)],
      balances: [{ ...paid('P', 'milestone:3', 0, 11_224), inYear: false }],
      elsewhere: [{ entityId: 'P', key: 'milestone:3', payableCents: 11_224 }],
      config: cfg,
      official: true,
    });
    expect(elsewhereOnly.lines.map((l) => l.key)).toEqual(['milestone:4']);
    // 2026-27 stood at 11,224 for milestone 3 (paid in 2025-26, due 0 here); 2025-26 since gave it
    // up: a 2026-27 run without it now recovers the 11,224 that nothing stands for any more.
    const givenUp = computeCycleLines({
      entitlements: [],
      balances: [{ ...paid('P', 'milestone:3', 0, 11_224), inYear: false }],
      elsewhere: [
        { entityId: 'P', key: 'milestone:3', payableCents: 11_224, thisYear: true },
        { entityId: 'P', key: 'milestone:3', payableCents: 0 },
      ],
      config: cfg,
      official: true,
    });
    expect(givenUp.lines.map((l) => [l.key, l.paidBeforeCents, l.dueCents])).toEqual([
      ['milestone:3', 11_224, -11_224],
    ]);
    // With no other year standing, the same run recovers the 11,224.
    const recovered = computeCycleLines({
      entitlements: [],
      balances: [paid('P', 'milestone:3', 11_224, 11_224)],
      config: cfg,
      official: true,
    });
    expect(recovered.lines[0]?.dueCents).toBe(-11_224);
  });

  it('offsets a recovery against the same payee’s other dues and defers the rest', () => {
    const cfg = config({ recoveries: 'offset' });
    const { lines, totals } = computeCycleLines({
      // A: incentive 500 -> 200 (-300), base +100, bonus 0 -> -50 more withheld: 100 available.
      entitlements: [ent('A', 'base', 4600), ent('A', 'incentive', 200), ent('B', 'base', 100)],
      balances: [
        paid('A', 'base', 4500),
        paid('A', 'incentive', 500),
        paid('A', 'bonus', 50),
        paid('B', 'base', 100),
      ],
      config: cfg,
      official: true,
    });
    expect(lines.map((l) => [l.entityId, l.key, l.dueCents, l.deferredCents])).toEqual([
      // base +100 is available; bonus (-50, first by key) takes 50, incentive (-300) takes the other 50.
      ['A', 'base', 100, 0],
      ['A', 'bonus', -50, 0],
      ['A', 'incentive', -50, 250],
      ['B', 'base', 0, 0],
    ]);
    // A's lines add up to 100 - 50 - 50 = 0: nothing is asked back; 250 waits for later cycles.
    expect(totals).toEqual({ dueCents: 100, recoveredCents: 100, netCents: 0, lines: 4 });
  });
});

describe('checkCycleBudget', () => {
  it('refuses the first budget exceeded, with the amount over', () => {
    const budgetCents = { fiscalYear: 10_000, lifetime: 25_000 };
    // Year: 9,000 paid + 1,000 = 10,000: fits exactly.
    expect(
      checkCycleBudget({ netCents: 1000, paidInYearCents: 9000, paidInLifetimeCents: 9000, budgetCents }),
    ).toBe(null);
    // Year: 9,000 + 1,001 = 10,001: 1 over.
    expect(
      checkCycleBudget({ netCents: 1001, paidInYearCents: 9000, paidInLifetimeCents: 9000, budgetCents }),
    ).toEqual({ budget: 'fiscalYear', limitCents: 10_000, paidCents: 9000, cycleCents: 1001, overCents: 1 });
    // Lifetime: 24,500 + 1,000 = 25,500: 500 over (the year has room: 0 + 1,000).
    expect(
      checkCycleBudget({ netCents: 1000, paidInYearCents: 0, paidInLifetimeCents: 24_500, budgetCents }),
    ).toEqual({
      budget: 'lifetime',
      limitCents: 25_000,
      paidCents: 24_500,
      cycleCents: 1000,
      overCents: 500,
    });
    // A cycle that recovers is never refused.
    expect(
      checkCycleBudget({ netCents: -5, paidInYearCents: 99_999, paidInLifetimeCents: 99_999, budgetCents }),
    ).toBe(null);
  });
});
