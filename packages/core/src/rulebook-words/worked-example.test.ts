import { describe, expect, it } from 'vitest';
import { computePayments } from '../payment/compute-payments.ts';
import type { EntityOutcome, Payment } from '../payment/payment.ts';
import { PaymentParamsSchema } from '../payment/payment-params.ts';
import { flooredOutcome, measureOutcome } from '../testing/measure-outcome.ts';
import { workedExample } from './worked-example.ts';

/**
 * Each payment method's worked example, for payees paid by core itself with the parameters of the
 * catalog rulebook that uses the method (packages/catalog/src/rulebooks). Every expected amount is
 * worked by hand in the comment above it; the last step adds the lines up to the amount paid.
 */
const pay = (params: Record<string, unknown>, entities: EntityOutcome[]) =>
  computePayments(PaymentParamsSchema.parse(params), entities, { explain: false, asOf: '2027-06-30' })
    .payments;
const payee = (
  entityId: string,
  attributes: Record<string, unknown>,
  more: Partial<EntityOutcome> = {},
): EntityOutcome => ({ entityId, attributes, measures: {}, composite: null, ...more });
const example = (method: string, p: Payment | undefined) => {
  if (!p) throw new Error('no payment');
  return workedExample(method, p.details, p.lines);
};
/** WPC's one-time start-up grant: $200,000 per county from a $20,000,000 pool. */
const startUp = (overflow: 'pro-rata' | 'first-come') => ({
  method: 'fixed-milestone-schedule',
  schedule: [{ milestone: 1, label: 'start-up grant', amount: '200000.00' }],
  pool: { amount: '20000000.00', overflow },
});
/** County i, its grant's milestone completed on `completedOn`. */
const county = (i: number, completedOn = '2026-09-01') =>
  payee(`county-${String(i).padStart(3, '0')}`, {}, { completedMilestones: [{ milestone: 1, completedOn }] });
const met = (keys: string[], metCount: number) =>
  Object.fromEntries(keys.map((k, i) => [k, measureOutcome(i < metCount)]));

describe('worked examples', () => {
  it('rate-incentive (DDS QIP: 10% of the rate, earned by weight of the 6 reporting measures met)', () => {
    const reporting = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    // Rate $52.37: incentive rate round(5,237 x 0.1 = 523.7) = 524 cents, base rate 5,237 - 524 = 4,713.
    // Base 150 x $47.13 = $7,069.50; potential 150 x $5.24 = $786.00; 4 of 6 met: 78,600 x 2/3 = $524.00.
    // Paid $7,069.50 + $524.00 = $7,593.50.
    const [p] = pay(
      { method: 'rate-incentive', incentiveShare: '0.1', earning: 'weighted-met', measures: reporting },
      [payee('vendor-1', { units: 150, rateCents: 5237 }, { measures: met(reporting, 4) })],
    );
    expect(p?.totalCents).toBe(759_350);
    expect(example('rate-incentive', p)).toEqual([
      'Rate $52.37 = base rate $47.13 + incentive rate $5.24.',
      'Base: 150 units x $47.13 = $7,069.50.',
      'Incentive: 150 units x $5.24 = $786.00 potential x earned 66.67% = $524.00.',
      'Paid: base $7,069.50 + incentive $524.00 = $7,593.50.',
    ]);
  });

  it('withhold-earn-back (DHCS QWI: 0.5% withheld, 105% cap, the unearned pool to plans meeting the disparity measure)', () => {
    const earnBack = ['qwi-cahps-rating-of-plan', 'qwi-readmissions-oe-ratio', 'qwi-hedis-1', 'qwi-hedis-2'];
    const params = {
      method: 'withhold-earn-back',
      withholdRate: '0.005',
      capRate: '1.05',
      earning: 'weighted-met',
      measures: earnBack,
      incentivePool: { eligibleMeasures: ['qwi-disparity-reduction'], distribute: 'capitation' },
    };
    const [a, b] = pay(params, [
      payee('plan-a', { capitationCents: 1_000_000_000 }, { measures: met(earnBack, 3) }),
      payee(
        'plan-b',
        { capitationCents: 2_000_000_000 },
        { measures: { ...met(earnBack, 4), 'qwi-disparity-reduction': measureOutcome(true) } },
      ),
    ]);
    // A: $10,000,000.00 x 0.5% = $50,000.00 withheld; 3 of 4 met: $37,500.00 back, $12,500.00 to the
    // pool; A misses the disparity measure. Paid 10,000,000 - 50,000 + 37,500 + 0 = $9,987,500.00.
    expect(example('withhold-earn-back', a)).toEqual([
      'Capitation $10,000,000.00, of which $50,000.00 is withheld.',
      'Earned back: $50,000.00 x earned 75% = $37,500.00; $12,500.00 not earned goes to the pool.',
      'Not eligible for the incentive pool: $0.00.',
      'Paid: capitation $10,000,000.00 - withhold $50,000.00 + earned back $37,500.00 + incentive $0.00 = $9,987,500.00.',
    ]);
    // B: $20,000,000.00 x 0.5% = $100,000.00, all earned back; the only eligible plan takes the whole
    // $12,500.00 pool (cap floor(20,000,000 x 1.05) = $21,000,000.00 is far). Paid $20,012,500.00.
    expect(b?.totalCents).toBe(2_001_250_000);
    expect(example('withhold-earn-back', b)).toEqual([
      'Capitation $20,000,000.00, of which $100,000.00 is withheld.',
      'Earned back: $100,000.00 x earned 100% = $100,000.00; $0.00 not earned goes to the pool.',
      'Incentive from the unearned pool of $12,500.00: $12,500.00 (the total stays within $21,000,000.00).',
      'Paid: capitation $20,000,000.00 - withhold $100,000.00 + earned back $100,000.00 + incentive $12,500.00 = $20,012,500.00.',
    ]);
  });

  it('class-table-milestones (DHCS EPT: class B, 501-700 members at $397.00 PMPY, 23 milestones)', () => {
    const classes = [
      { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' },
      { class: 'B', membersFrom: 501, membersTo: 700, pmpy: '397.00' },
    ];
    const done = [1, 2, 3].map((milestone) => ({ milestone, completedOn: '2026-10-01' }));
    // 640 x $397.00 = $254,080.00 = 25,408,000 cents / 23 = 1,104,695 rest 15: the first 15 milestones
    // get $11,046.96, the other 8 $11,046.95. Milestones 1-3 done: 3 x $11,046.96 = $33,140.88;
    // $254,080.00 - $33,140.88 = $220,939.12 remains.
    const [p] = pay({ method: 'class-table-milestones', classes, milestoneCounts: [23, 25] }, [
      payee('practice-1', { assignedMembers: 640, milestoneCount: 23 }, { completedMilestones: done }),
    ]);
    expect(p?.totalCents).toBe(3_314_088);
    expect(example('class-table-milestones', p)).toEqual([
      '640 members fall in class B at $397.00: potential 640 x $397.00 = $254,080.00.',
      '$254,080.00 / 23 milestones = $11,046.95 each ($11,046.96 for the first ones).',
      '3 milestone(s) completed; $220,939.12 of the potential remains.',
      'Paid: 3 x milestone $11,046.96 = $33,140.88.',
    ]);
  });

  it('share-allocation (DHCS MCAS auto-assignment: half even, half by score, 2 plans at least)', () => {
    // The catalog's params less the defaults (group by county, composite score, members, 2 plans).
    const params = {
      method: 'share-allocation',
      quantityAttribute: 'countyDefaultMembers',
      baseShare: '0.5',
    };
    const alameda = { county: 'Alameda', countyDefaultMembers: 1000 };
    const [a, b, , alpine] = pay(params, [
      // 6, 4 and 2 of the 8 auto-assignment measures met.
      payee('plan-a', alameda, { composite: 0.75 }),
      payee('plan-b', alameda, { composite: 0.5 }),
      payee('plan-c', alameda, { composite: 0.25 }),
      payee('plan-d', { county: 'Alpine', countyDefaultMembers: 200 }, { composite: 0.5 }),
    ]);
    // Scores sum to 1.5. A: 0.5/3 + 0.5 x 0.75/1.5 = 5/12 = 41.67% of 1,000 = 416.67; B: 1/6 + 1/6 =
    // 33.33% = 333.33; C: 1/6 + 1/12 = 25% = 250. Floors 416 + 333 + 250 = 999: the one member left
    // goes to the largest remainder, A's .67: A 417, B 333.
    expect(example('share-allocation', a)).toEqual([
      'Group Alameda: 1,000 members shared among 3 payees, part evenly and part by score; score 0.75 gives this payee 41.67%.',
      '1,000 members x 41.67% = 416.67, in whole members by largest remainder: 417 members.',
      'Paid: $0.00 (417 members are assigned, not paid for).',
    ]);
    expect(example('share-allocation', b)?.[1]).toBe(
      '1,000 members x 33.33% = 333.33, in whole members by largest remainder: 333 members.',
    );
    // Alpine has one plan, fewer than 2: an even split, all 200 members.
    expect(example('share-allocation', alpine)).toEqual([
      'Group Alpine: 200 members shared evenly among 1 payee(s): 100% each.',
      '200 members x 100% = 200, in whole members by largest remainder: 200 members.',
      'Paid: $0.00 (200 members are assigned, not paid for).',
    ]);
  });

  it('fixed-milestone-schedule (DHCS WPC start-up: $200,000 per county from a $20,000,000 pool, pro rata)', () => {
    const params = startUp('pro-rata');
    // Two counties claim $400,000.00: within the pool, each paid $200,000.00.
    const [two] = pay(params, [county(1), county(2)]);
    expect(example('fixed-milestone-schedule', two)).toEqual([
      'Completed: start-up grant (milestone 1) on 2026-09-01, scheduled $200,000.00.',
      'All claims together, $400,000.00, fit in the $20,000,000.00 pool: paid as scheduled.',
      'Paid: milestone $200,000.00.',
    ]);
    // 110 counties claim 110 x $200,000.00 = $22,000,000.00 > $20,000,000.00: each claim is
    // 200,000 x 20/22 = $181,818.1818...; 110 x 18,181,818 cents = 1,999,999,980, so the 20 cents left
    // go one each to the first 20 claims (equal remainders: the lower index): $181,818.19, the rest
    // $181,818.18.
    const many = pay(
      params,
      Array.from({ length: 110 }, (_, i) => county(i)),
    );
    expect(many.reduce((t, p) => t + p.totalCents, 0)).toBe(2_000_000_000);
    const over = (amount: string) =>
      `All claims together, $22,000,000.00, exceed the $20,000,000.00 pool: each claim is scaled down, in whole cents by largest remainder: $200,000.00 x $20,000,000.00 / $22,000,000.00 = $181,818.1818 -> ${amount}.`;
    expect(example('fixed-milestone-schedule', many[0])).toEqual([
      'Completed: start-up grant (milestone 1) on 2026-09-01, scheduled $200,000.00.',
      over('$181,818.19'),
      'Paid: milestone $181,818.19.',
    ]);
    expect(example('fixed-milestone-schedule', many[109])?.slice(1)).toEqual([
      over('$181,818.18'),
      'Paid: milestone $181,818.18.',
    ]);
  });

  it('fixed-milestone-schedule, first come (the WPC start-up pool paid by completion date instead)', () => {
    const params = startUp('first-come');
    // 101 counties claim $20,200,000.00; by completion date the first 100 take 100 x $200,000.00 =
    // the whole $20,000,000.00, and the county that started last (2026-12-01) gets $0.00.
    const counties = Array.from({ length: 101 }, (_, i) => county(i, i === 100 ? '2026-12-01' : undefined));
    const paid = pay(params, counties);
    const over = (amount: string) =>
      `All claims together, $20,200,000.00, exceed the $20,000,000.00 pool: claims are paid by completion date until it runs out: ${amount} of $200,000.00.`;
    expect(example('fixed-milestone-schedule', paid[0])?.slice(1)).toEqual([
      over('$200,000.00'),
      'Paid: milestone $200,000.00.',
    ]);
    expect(example('fixed-milestone-schedule', paid[100])?.slice(1)).toEqual([
      over('$0.00'),
      'Paid: milestone $0.00.',
    ]);
  });

  it('pool-share (DHCS WPC housing: $100,000,000 pro rata to the reporting score x housing enrollees)', () => {
    const params = {
      method: 'pool-share',
      pool: '100000000.00',
      score: 'composite',
      sizeAttribute: 'housingEnrollees',
    };
    const [a, b, , d] = pay(params, [
      payee('pilot-a', { housingEnrollees: 300 }, { composite: 1 }),
      payee('pilot-b', { housingEnrollees: 300 }, { composite: 1 }),
      payee('pilot-c', { housingEnrollees: 300 }, { composite: 1 }),
      // D missed its enrollment report: score 0.
      payee('pilot-d', { housingEnrollees: 500 }, { composite: 0 }),
    ]);
    // Weights 300, 300, 300, 0 (sum 900): a third each of 10,000,000,000 cents = 3,333,333,333.33;
    // floors leave 1 cent, to the smaller entityId: A $33,333,333.34, B and C $33,333,333.33.
    expect(example('pool-share', a)).toEqual([
      'Weight: score 1 x size 300 = 300.',
      'Share: 300 / all weights 900 = 33.33% of the pool.',
      '$100,000,000.00 x 33.33% = $33,333,333.3333, in whole cents by largest remainder.',
      'Paid: share of the pool $33,333,333.34.',
    ]);
    expect(example('pool-share', b)?.[3]).toBe('Paid: share of the pool $33,333,333.33.');
    expect(example('pool-share', d)).toEqual([
      'Score 0 x size 500: weight 0, no share of the $100,000,000.00 pool (a zero score, or one below the minimum, gets none).',
      'Paid: share of the pool $0.00.',
    ]);
  });

  it('rubric-selection (DHCS EPT: plan score out of 90, +12 / +20 / +15 bonuses, cut-off 77)', () => {
    const params = {
      method: 'rubric-selection',
      pointsAttribute: 'planScore',
      maxBasePoints: 90,
      bonuses: (
        [
          ['childrenYouthFocus', 12, 'children and youth'],
          ['pregnantIndividualsFocus', 20, 'pregnant individuals'],
          ['tribalPractice', 15, 'tribal practice'],
        ] as const
      ).map(([attribute, points, label]) => ({ attribute, points, label })),
      cutoff: 77,
      award: '0',
    };
    const practices = [
      payee('p-1', { planScore: 70, childrenYouthFocus: true, tribalPractice: 'yes' }),
      payee('p-2', { planScore: 60, childrenYouthFocus: true }),
      payee('p-3', {}),
      payee('p-4', { planScore: 80 }),
    ];
    const [p1, p2, p3] = pay(params, practices);
    // 70 + 12 + 15 = 97 >= 77: selected; ranked above p-4's 80. EPT awards nothing here.
    expect(example('rubric-selection', p1)).toEqual([
      'Points: base 70 + children and youth 12 + tribal practice 15 = 97.',
      '97 >= cutoff 77: selected (rank 1).',
      'Paid: $0.00 (selection only: no award).',
    ]);
    // 60 + 12 = 72 < 77.
    expect(example('rubric-selection', p2)).toEqual([
      'Points: base 60 + children and youth 12 = 72.',
      '72 < cutoff 77: not selected.',
      'Paid: $0.00 (not selected).',
    ]);
    expect(example('rubric-selection', p3)).toEqual([
      'No base points: not ranked and not selected.',
      'Paid: $0.00 (not selected).',
    ]);
    // With an award of $25,000.00 to the top one only: p-1 (97) is paid, p-4 (80, rank 2) is not.
    const [award1, , , award4] = pay({ ...params, award: '25000.00', maxSelected: 1 }, practices);
    expect(example('rubric-selection', award1)?.[2]).toBe('Paid: award $25,000.00.');
    expect(example('rubric-selection', award4)).toEqual([
      'Points: base 80 (no bonus) = 80.',
      '80 >= cutoff 77, but rank 2 is beyond the number selected: not selected.',
      'Paid: $0.00 (not selected).',
    ]);
  });

  it('sanctions (DHCS MCAS: $25,000.00 per measure below its MPL, GSD lower is better)', () => {
    const params = {
      method: 'sanctions',
      directions: { 'mcas-glycemic-status-above-9': 'lower' },
      amount: { kind: 'per-measure', amount: '25000.00' },
    };
    const plan = payee(
      'plan-a',
      {},
      {
        measures: {
          // MPLs: BCS-E 0.52, CCS-E 0.57, GSD 0.38 (lower is better).
          'mcas-breast-cancer-screening': flooredOutcome(0.48, 0.52),
          'mcas-cervical-cancer-screening': flooredOutcome(0.6, 0.57),
          'mcas-glycemic-status-above-9': flooredOutcome(0.41, 0.38),
        },
      },
    );
    // BCS-E 0.48 < 0.52 and GSD 0.41 > 0.38: 2 x -$25,000.00 = -$50,000.00; CCS-E meets its MPL.
    const [p] = pay(params, [plan]);
    expect(p?.totalCents).toBe(-5_000_000);
    expect(example('sanctions', p)).toEqual([
      'mcas-breast-cancer-screening: 0.48 below its floor 0.52: sanction $25,000.00.',
      'mcas-glycemic-status-above-9: 0.41 above its floor 0.38 (lower is better): sanction $25,000.00.',
      'Paid: -2 x sanction $25,000.00 = -$50,000.00.',
    ]);
    // With a cap of $40,000.00 (MCAS has none): $50,000.00 - $40,000.00 = $10,000.00 given back.
    const [capped] = pay({ ...params, maxAmount: '40000.00' }, [plan]);
    expect(example('sanctions', capped)?.slice(2)).toEqual([
      'Sanctions of $50,000.00 are above the cap of $40,000.00: $50,000.00 - $40,000.00 = $10,000.00 given back.',
      'Paid: -2 x sanction $25,000.00 + above the cap, given back $10,000.00 = -$40,000.00.',
    ]);
    const [clean] = pay(params, [payee('plan-b', {}, { measures: { m: flooredOutcome(0.6, 0.52) } })]);
    expect(example('sanctions', clean)).toEqual([
      'Every counted measure meets its floor: no sanction.',
      'Paid: $0.00 (no sanction).',
    ]);
  });

  it('community-reinvestment (DHCS MCAS: 7.5% of net income, 15% with any MPL missed)', () => {
    const params = { method: 'community-reinvestment', rateFloorsMet: '0.075', rateBelowFloor: '0.15' };
    const [below, meets] = pay(params, [
      payee(
        'plan-a',
        { netIncomeCents: 200_000_000 },
        { measures: { 'mcas-breast-cancer-screening': flooredOutcome(0.48, 0.52) } },
      ),
      payee(
        'plan-b',
        { netIncomeCents: 123_456_789 },
        { measures: { 'mcas-breast-cancer-screening': flooredOutcome(0.6, 0.52) } },
      ),
    ]);
    // $2,000,000.00 x 15% = $300,000.00; an obligation, not a payment: nothing paid.
    expect(example('community-reinvestment', below)).toEqual([
      '1 measure(s) below the floor (mcas-breast-cancer-screening): the rate is 15%.',
      'Net income $2,000,000.00 x 15% = $300,000.00 to reinvest.',
      'Paid: $0.00 (an obligation to reinvest, not a payment).',
    ]);
    // 123,456,789 x 0.075 = 9,259,259.175 cents, half-up to 9,259,259 = $92,592.59.
    expect(example('community-reinvestment', meets)?.slice(0, 2)).toEqual([
      'Every counted measure meets its floor: the rate is 7.5%.',
      'Net income $1,234,567.89 x 7.5% = $92,592.59 to reinvest.',
    ]);
  });
});
