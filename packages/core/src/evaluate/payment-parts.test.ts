import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { rateCountsMeasure, testRulebook } from '../testing/test-rulebook.ts';
import { evaluateProgram } from './evaluate-program.ts';

// Two plans in county A, one in county B; m1 and m2 are rates held to 0.5 (target and floor).
const rate = (key: string) =>
  rateCountsMeasure(key, 'n', 'd', {
    domain: 'quality',
    kind: 'performance',
    target: { kind: 'absolute', value: 0.5 },
    floor: { kind: 'absolute', value: 0.5 },
  });
const rulebook = (extra: Record<string, unknown> = {}) =>
  testRulebook({
    program: 'dhcs-mcas',
    payee: {
      kind: 'plan-county',
      fields: { county: { type: 'string', required: true }, netIncomeCents: { type: 'number' } },
    },
    measures: [rate('m1'), rate('m2')],
    scoring: { kind: 'met-not-met' },
    payment: { method: 'sanctions', amount: { kind: 'per-measure', amount: '1000.00' } },
    ...extra,
  });
const parts = [
  {
    key: 'auto-assignment',
    name: 'Auto-assignment',
    appliesTo: "county == 'A'",
    params: { method: 'share-allocation', quantities: { A: 10 }, baseShare: '0' },
  },
  { key: 'reinvestment', name: 'Community reinvestment', params: { method: 'community-reinvestment' } },
  {
    key: 'bonus',
    name: 'Bonus pool on m1 alone',
    composite: { measures: ['m1'] },
    params: { method: 'pool-share', pool: '100.00' },
  },
];
const entities = [
  { id: 'p1', county: 'A', netIncomeCents: 100_001 },
  { id: 'p2', county: 'A', netIncomeCents: 50_000 },
  { id: 'p3', county: 'B', netIncomeCents: 1_000 },
];
const sub = (entityId: string, measure: string, n: number) => ({
  entityId,
  measure,
  period: '2026-27',
  data: { n, d: 10 },
});
// p1: m1 0.6 met, m2 0.4 below; p2 and p3: both 0.6.
const submissions = [
  sub('p1', 'm1', 6),
  sub('p1', 'm2', 4),
  sub('p2', 'm1', 6),
  sub('p2', 'm2', 6),
  sub('p3', 'm1', 6),
  sub('p3', 'm2', 6),
];
const run = (json: unknown) =>
  evaluateProgram(compileRulebook(json), { entities, submissions, asOf: '2027-08-31' });

describe('additionalPayments', () => {
  it('leaves a rulebook without parts exactly as before: no part on the lines', () => {
    const { payments } = run(rulebook());
    expect(payments[0]?.lines).toEqual([
      { kind: 'sanction', measure: 'm2', value: 0.4, floor: 0.5, amountCents: -100_000 },
    ]);
    expect(payments[0]?.details).not.toHaveProperty('parts');
  });

  it('computes every part over the same results and merges one payment per payee', () => {
    const { payments, issues } = run(rulebook({ additionalPayments: parts }));
    const p1 = payments.find((p) => p.entityId === 'p1');
    // primary: m2 below -> -$1,000.00. Auto-assignment (county A only): composite p1 1/2, p2 2/2;
    // 10 members x 0.5/1.5 = 3.33 and x 1/1.5 = 6.67 -> 3 and 7 (the leftover to the larger remainder).
    // Bonus: composite over m1 alone = 1 for all three; 10,000 cents / 3 = 3,333.33 each, the
    // leftover cent to the smaller entityId: 3,334 / 3,333 / 3,333.
    expect(p1?.lines).toEqual([
      { kind: 'sanction', measure: 'm2', value: 0.4, floor: 0.5, amountCents: -100_000, part: 'primary' },
      expect.objectContaining({ kind: 'assignment', quantity: 3, amountCents: 0, part: 'auto-assignment' }),
      expect.objectContaining({ kind: 'pool-share', amountCents: 3_334, part: 'bonus' }),
    ]);
    // -100,000 + 0 + 3,334 = -96,666
    expect(p1?.totalCents).toBe(-96_666);
    // Reinvestment: an obligation in details, no line. p1 below a floor: 100,001 x 15% = 15,000.15 -> 15,000.
    expect(p1?.details).toMatchObject({
      measuresBelowFloor: ['m2'],
      parts: { reinvestment: { reinvestmentRate: '0.15', reinvestmentRequiredCents: 15_000 } },
    });
    const p2 = payments.find((p) => p.entityId === 'p2');
    expect(p2?.lines.map((l) => [l.part, l.kind, l.quantity ?? l.amountCents])).toEqual([
      ['auto-assignment', 'assignment', 7],
      ['bonus', 'pool-share', 3_333],
    ]);
    // 50,000 x 7.5% = 3,750
    expect(
      (p2!.details.parts as Record<string, { reinvestmentRequiredCents: number }>).reinvestment,
    ).toMatchObject({
      reinvestmentRequiredCents: 3_750,
    });
    // p3 is in county B: the auto-assignment part does not apply (no issue for its missing quantity).
    const p3 = payments.find((p) => p.entityId === 'p3');
    expect(p3?.lines.map((l) => l.part)).toEqual(['bonus']);
    expect(p3?.totalCents).toBe(3_333);
    expect(issues).toEqual([]);
    // Payees in input order; every total is the sum of its lines.
    expect(payments.map((p) => p.entityId)).toEqual(['p1', 'p2', 'p3']);
    for (const p of payments) expect(p.lines.reduce((t, l) => t + l.amountCents, 0)).toBe(p.totalCents);
  });

  it('names the part in its issues and prefixes the part key to its trace rules', () => {
    const { payments, issues } = evaluateProgram(
      compileRulebook(rulebook({ additionalPayments: [parts[1]] })),
      { entities: [{ id: 'p4', county: 'A' }], submissions: [], asOf: '2027-08-31', explain: true },
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ entityId: 'p4', code: 'missing-attribute', part: 'reinvestment' }),
    );
    expect(payments[0]?.trace?.map((s) => s.rule.split(':')[0])).toEqual(['primary', 'primary']);
  });
});

describe('additionalPayments validation', () => {
  const issuesOf = (additionalPayments: unknown) => {
    try {
      compileRulebook(rulebook({ additionalPayments }));
      return [];
    } catch (e) {
      return (e as { issues: { path: (string | number)[]; code: string }[] }).issues.map((i) => [
        i.path.join('.'),
        i.code,
      ]);
    }
  };

  it('accepts the parts above', () => {
    expect(issuesOf(parts)).toEqual([]);
  });

  it('rejects duplicate keys, the reserved key, unknown composite measures and bad appliesTo', () => {
    const issues = issuesOf([
      parts[1],
      { ...parts[1], name: 'again' },
      { key: 'primary', name: 'p', params: { method: 'community-reinvestment' } },
      {
        key: 'x',
        name: 'x',
        composite: { measures: ['m9'] },
        appliesTo: 'county > 3',
        params: { method: 'community-reinvestment' },
      },
      { key: 'y', name: 'y', appliesTo: { region: ['north'] }, params: { method: 'lottery' } },
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['additionalPayments.1.key', 'duplicate-key'],
        ['additionalPayments.2.key', 'schema-custom'],
        ['additionalPayments.3.composite.measures.0', 'unknown-measure'],
        ['additionalPayments.3.appliesTo', 'expression-type'],
        ['additionalPayments.4.appliesTo.region', 'unknown-field'],
        ['additionalPayments.4.params.method', 'schema-invalid-union'],
      ]),
    );
  });
});
