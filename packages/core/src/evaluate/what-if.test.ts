import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';
import { evaluateProgram } from './evaluate-program.ts';
import { payeeChanges } from './payee-changes.ts';
import { createWhatIf } from './what-if.ts';

/**
 * Three providers of 100 units at $50.00 a unit (incentive rate 10% = 500 c, base rate 4,500 c:
 * base 450,000 c each, potential incentive 50,000 c each), two share measures:
 * trained = trained / staff: P1 5/10, P2 7/10, P3 9/10; retained = kept / staff: P1 9/10,
 * P2 6/10, P3 3/10. Earning weighted-met: incentive x (weights met / weights of the payee).
 */
type Json = Record<string, unknown> & { measures: Record<string, unknown>[] };

function program(over: { trained?: number; retained?: number; weights?: [number, number] } = {}): Json {
  const [wt, wr] = over.weights ?? [1, 1];
  const share = (key: string, numerator: string, target: number, weight: number) => ({
    key,
    name: key,
    domain: 'workforce',
    kind: 'performance',
    fields: { [numerator]: { type: 'number' }, staff: { type: 'number' } },
    compute: { kind: 'rate-counts', numeratorField: numerator, denominatorField: 'staff' },
    target: { kind: 'absolute', value: target },
    weight,
  });
  return testRulebook({
    program: 'test-qip',
    payee: {
      kind: 'provider',
      fields: { units: { type: 'number', required: true }, rateCents: { type: 'number', required: true } },
    },
    measures: [
      share('trained', 'trained', over.trained ?? 0.6, wt),
      share('retained', 'kept', over.retained ?? 0.5, wr),
    ],
    payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'weighted-met' },
  });
}

const entities = ['P1', 'P2', 'P3'].map((id) => ({ id, units: 100, rateCents: 5000 }));
const submissions = [
  [5, 9],
  [7, 6],
  [9, 3],
].flatMap(([trained, kept], i) => [
  {
    entityId: `P${i + 1}`,
    measure: 'trained',
    period: '2026-27',
    submittedOn: '2026-10-01',
    data: { trained, staff: 10 },
  },
  {
    entityId: `P${i + 1}`,
    measure: 'retained',
    period: '2026-27',
    submittedOn: '2026-10-01',
    data: { kept, staff: 10 },
  },
]);
const input = { entities, submissions, asOf: '2027-06-30' };
const total = (json: unknown) =>
  evaluateProgram(compileRulebook(json), input).payments.reduce((s, p) => s + p.totalCents, 0);

describe('createWhatIf', () => {
  it('pays what the rulebook says, measure by measure', () => {
    const whatIf = createWhatIf(compileRulebook(program()), input);
    const r = whatIf.result();
    // trained >= 0.6: P2, P3. retained >= 0.5: P1, P2. Each payee meets 1 or 2 of 2 (weights 1):
    // P1 1/2 -> 25,000; P2 2/2 -> 50,000; P3 1/2 -> 25,000. Base 3 x 450,000 = 1,350,000.
    expect(r.totalCents).toBe(1_350_000 + 100_000);
    expect(r.measures).toEqual([
      { measure: 'trained', applicable: 3, scored: 3, met: 2, target: 0.6 },
      { measure: 'retained', applicable: 3, scored: 3, met: 2, target: 0.5 },
    ]);
    expect(r).toMatchObject({ payees: 3, paidPayees: 3, reread: true, repaid: 3, issueCount: 0 });
    expect(Array.from(whatIf.measureValues('trained') ?? [])).toEqual([0.5, 0.7, 0.9]);
  });

  it('scores again only the edited measure and pays again only the payees whose outcome changed', () => {
    const whatIf = createWhatIf(compileRulebook(program()), input);
    whatIf.result();
    // trained >= 0.8: only P3 meets. P2 drops to 1/2 (25,000); P1 and P3 are as they were.
    const scores = whatIf.edit(compileRulebook(program({ trained: 0.8 })));
    expect(scores).toMatchObject({ rescored: ['trained'], reread: false });
    expect(scores.measures[0]).toMatchObject({ met: 1, target: 0.8 });
    const r = whatIf.result();
    expect(r.totalCents).toBe(1_350_000 + 75_000);
    expect(r.repaid).toBe(1);
    // Nothing edited: nothing scored or paid again.
    expect(whatIf.edit(compileRulebook(program({ trained: 0.8 }))).rescored).toEqual([]);
    expect(whatIf.result()).toMatchObject({ totalCents: 1_425_000, repaid: 0 });
  });

  it('follows a weight: every payee of the measure is paid again', () => {
    const whatIf = createWhatIf(compileRulebook(program()), input);
    whatIf.result();
    // Weights trained 3, retained 1: P1 meets retained: 1/4 x 50,000 = 12,500; P2 both: 50,000;
    // P3 trained: 3/4 x 50,000 = 37,500. 1,350,000 + 100,000.
    whatIf.edit(compileRulebook(program({ weights: [3, 1] })));
    const r = whatIf.result();
    expect(r.totalCents).toBe(1_350_000 + 12_500 + 50_000 + 37_500);
    expect(r.repaid).toBe(3);
    expect(r.totalCents).toBe(total(program({ weights: [3, 1] })));
  });

  it('pays everyone again when a payment parameter changes', () => {
    const whatIf = createWhatIf(compileRulebook(program()), input);
    whatIf.result();
    const json = program();
    json.payment = { method: 'rate-incentive', incentiveShare: '0.2', earning: 'weighted-met' };
    // 20%: incentive rate 1,000 c, base 4,000 c: base 3 x 400,000; incentive 1/2, 1, 1/2 of 100,000.
    expect(whatIf.edit(compileRulebook(json)).rescored).toEqual([]);
    expect(whatIf.result()).toMatchObject({ totalCents: 1_200_000 + 200_000, repaid: 3 });
  });

  it('pays every additional part, and pays everyone when a part divides a pool', () => {
    const json = program();
    json.scoring = { kind: 'met-not-met', points: 1 };
    json.additionalPayments = [
      {
        key: 'bonus',
        name: 'Bonus pool',
        params: { method: 'pool-share', pool: '900.00', score: 'composite', sizeAttribute: 'units' },
      },
    ];
    const whatIf = createWhatIf(compileRulebook(json), input);
    // Primary 1,450,000 as above. Bonus 90,000 c pro rata to composite x units: composites
    // P1 1/2, P2 1, P3 1/2 -> weights 50 : 100 : 50 -> 22,500 + 45,000 + 22,500.
    expect(whatIf.result()).toMatchObject({ totalCents: 1_450_000 + 90_000, repaid: 3 });
    json.measures[0] = { ...json.measures[0], target: { kind: 'absolute', value: 0.8 } };
    whatIf.edit(compileRulebook(json));
    // trained >= 0.8: P3 only. Primary 1,425,000. Composites 1/2, 1/2, 1/2: 30,000 each. Only P2's
    // outcome changed, but the pool is shared: everyone is paid again.
    expect(whatIf.result()).toMatchObject({ totalCents: 1_425_000 + 90_000, repaid: 3 });
    expect(1_425_000 + 90_000).toBe(total(json));
  });

  it('reads the submissions again when an edit changes how a value is computed', () => {
    const whatIf = createWhatIf(compileRulebook(program()), input);
    const json = program();
    // trained now reads staff / staff = 1 for everyone: all meet 0.6; retained as before (P1, P2).
    // P1 2/2, P2 2/2, P3 1/2: incentive 50,000 + 50,000 + 25,000.
    (json.measures[0] as { compute: unknown }).compute = {
      kind: 'rate-counts',
      numeratorField: 'staff',
      denominatorField: 'staff',
    };
    expect(whatIf.edit(compileRulebook(json))).toMatchObject({ reread: true });
    expect(Array.from(whatIf.measureValues('trained') ?? [])).toEqual([1, 1, 1]);
    expect(whatIf.result().totalCents).toBe(1_350_000 + 125_000);
  });

  it('equals evaluateProgram after every edit of a sequence (targets, weights, scoring, payment)', () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('target' as const),
        m: fc.integer({ min: 0, max: 1 }),
        value: fc.integer({ min: 0, max: 10 }).map((n) => n / 10),
      }),
      fc.record({
        kind: fc.constant('percentile' as const),
        m: fc.integer({ min: 0, max: 1 }),
        percentile: fc.integer({ min: 0, max: 100 }),
      }),
      fc.record({
        kind: fc.constant('weight' as const),
        m: fc.integer({ min: 0, max: 1 }),
        weight: fc.integer({ min: 0, max: 4 }),
      }),
      fc.record({ kind: fc.constant('share' as const), share: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('earning' as const), all: fc.boolean() }),
      fc.record({ kind: fc.constant('pool' as const), dollars: fc.integer({ min: 0, max: 5000 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const json = program();
        json.scoring = { kind: 'met-not-met', points: 1 };
        const whatIf = createWhatIf(compileRulebook(json), input);
        for (const e of edits) {
          const measure =
            json.measures[e.kind === 'share' || e.kind === 'earning' || e.kind === 'pool' ? 0 : e.m];
          const payment = json.payment as Record<string, unknown>;
          if (e.kind === 'target')
            (measure as Record<string, unknown>).target = { kind: 'absolute', value: e.value };
          if (e.kind === 'percentile')
            (measure as Record<string, unknown>).target = {
              kind: 'peer-percentile',
              percentile: e.percentile,
            };
          if (e.kind === 'weight') (measure as Record<string, unknown>).weight = e.weight;
          if (e.kind === 'share') payment.incentiveShare = (e.share / 100).toFixed(2);
          if (e.kind === 'earning') payment.earning = e.all ? 'all-met' : 'weighted-met';
          if (e.kind === 'pool')
            json.additionalPayments = [
              { key: 'bonus', name: 'Bonus', params: { method: 'pool-share', pool: `${e.dollars}.00` } },
            ];
          const compiled = compileRulebook(json);
          whatIf.edit(compiled);
          const answer = whatIf.result();
          const fresh = evaluateProgram(compiled, input);
          expect(answer.totalCents).toBe(fresh.payments.reduce((s, p) => s + p.totalCents, 0));
          expect(answer.measures.map((m) => m.met)).toEqual(
            compiled.measures.map((m) => fresh.results.filter((r) => r.measure === m.key && r.met).length),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('createWhatIf payees, compared by payeeChanges', () => {
  it('lists who gains and who loses between the published rulebook and a draft, with the measure that moved', () => {
    const whatIf = createWhatIf(compileRulebook(program()), input);
    // Published: trained >= 0.6 met by P2, P3; retained >= 0.5 met by P1, P2.
    // P1 1/2 -> 450,000 + 25,000 = 475,000; P2 2/2 -> 500,000; P3 1/2 -> 475,000.
    const before = whatIf.payees();
    expect(Array.from(before.totals)).toEqual([475_000, 500_000, 475_000]);
    whatIf.edit(compileRulebook(program({ trained: 0.8, retained: 0.3 })));
    // Draft: trained >= 0.8 met by P3 only; retained >= 0.3 met by all.
    // P1: trained no -> no, retained yes -> yes: 475,000, unchanged.
    // P2: trained yes -> no, retained yes: 1/2 -> 475,000, -25,000.
    // P3: trained yes, retained no -> yes: 2/2 -> 500,000, +25,000.
    expect(payeeChanges(before, whatIf.payees())).toEqual({
      changes: [
        {
          entityId: 'P2',
          beforeCents: 500_000,
          afterCents: 475_000,
          differenceCents: -25_000,
          moved: ['trained'],
        },
        {
          entityId: 'P3',
          beforeCents: 475_000,
          afterCents: 500_000,
          differenceCents: 25_000,
          moved: ['retained'],
        },
      ],
      gainers: { payees: 1, cents: 25_000 },
      losers: { payees: 1, cents: -25_000 },
      unchanged: 1,
    });
    // The snapshots are copies: the first still holds the published payments.
    expect(Array.from(before.totals)).toEqual([475_000, 500_000, 475_000]);
  });
});
