import { describe, expect, it } from 'vitest';
import { rateMeasure } from '../../test/rate-measure.ts';
import { createWhatIfSession } from './what-if-session.ts';

/**
 * Three providers of 100 units at $50.00 (incentive rate 10% = 500 c, base rate 4,500 c: base
 * 450,000 c and potential incentive 50,000 c each), one share measure trained / staff with an
 * absolute target: P1 5/10, P2 7/10, P3 9/10. Besides the rate incentive, a $900 bonus pool
 * (additionalPayments) shared by composite score x units among the payees that meet it.
 */
function program(target = 0.6): Record<string, unknown> {
  return {
    schemaVersion: 1,
    program: 'test-qip',
    fiscalYear: '2026-27',
    payee: {
      kind: 'provider',
      fields: { units: { type: 'number', required: true }, rateCents: { type: 'number', required: true } },
    },
    measures: [
      rateMeasure(
        { key: 'trained-share', name: 'Trained staff share', domain: 'workforce' },
        ['trained', 'staff'],
        {
          target: { kind: 'absolute', value: target },
        },
      ),
    ],
    scoring: { kind: 'met-not-met', points: 1 },
    payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'weighted-met' },
    additionalPayments: [
      {
        key: 'bonus',
        name: 'Bonus pool',
        params: { method: 'pool-share', pool: '900.00', score: 'composite', sizeAttribute: 'units' },
      },
    ],
  };
}

const entities = ['P1', 'P2', 'P3'].map((id) => ({
  id,
  name: `Provider ${id}`,
  units: 100,
  rateCents: 5000,
}));
const submissions = [5, 7, 9].map((trained, i) => ({
  entityId: `P${i + 1}`,
  measure: 'trained-share',
  period: '2026-27',
  submittedOn: '2026-10-01',
  data: { trained, staff: 10 },
}));

describe('createWhatIfSession', () => {
  it('loads the published values, then answers each edit with the totals of every payment part', () => {
    const handle = createWhatIfSession(() => 0);
    expect(handle({ type: 'recompute', id: 1, rulebook: program() }).type).toBe('failed');
    const loaded = handle({ type: 'load', rulebook: program(), entities, submissions, asOf: '2027-06-30' });
    // P2 (0.7) and P3 (0.9) meet 0.6: base 3 x 450,000 + incentive 2 x 50,000 = 1,450,000; the
    // bonus pool's 90,000 split 45,000 / 45,000 between them: 1,540,000 in all.
    expect(loaded).toMatchObject({
      type: 'loaded',
      payees: 3,
      baseline: {
        totalCents: 1_540_000,
        paidPayees: 3,
        measures: [{ measure: 'trained-share', applicable: 3, scored: 3, met: 2, target: 0.6 }],
      },
    });
    const interim: unknown[] = [];
    const edited = handle({ type: 'recompute', id: 2, rulebook: program(0.95) }, (a) => interim.push(a));
    // The met count arrives before the payout: nobody meets 0.95.
    expect(interim).toMatchObject([{ type: 'scored', id: 2, scored: { measures: [{ met: 0 }] } }]);
    // Nobody meets 0.95: the base alone; no composite above 0, so the pool stays unpaid (an issue).
    expect(edited).toMatchObject({
      type: 'result',
      id: 2,
      summary: { totalCents: 1_350_000, issueCount: 1 },
    });
    expect((edited as { summary: { issues: string[] } }).summary.issues[0]).toMatch(/^bonus: /);
    // By payee: P2 and P3 were paid 450,000 + 50,000 + 45,000 = 545,000 and now 450,000, each
    // -95,000 (-190,000 together); P1 stays at its base 450,000.
    expect(edited).toMatchObject({
      byPayee: {
        changes: [
          {
            entityId: 'P2',
            name: 'Provider P2',
            beforeCents: 545_000,
            afterCents: 450_000,
            differenceCents: -95_000,
            moved: ['trained-share'],
          },
          {
            entityId: 'P3',
            name: 'Provider P3',
            beforeCents: 545_000,
            afterCents: 450_000,
            differenceCents: -95_000,
            moved: ['trained-share'],
          },
        ],
        gainers: { payees: 0, cents: 0 },
        losers: { payees: 2, cents: -190_000 },
        unchanged: 1,
      },
    });
  });

  it('says how an invalid draft is wrong instead of computing it', () => {
    const handle = createWhatIfSession(() => 0);
    handle({ type: 'load', rulebook: program(), entities, submissions, asOf: '2027-06-30' });
    const json = program();
    (json.measures as Record<string, unknown>[])[0] = { key: 'x' };
    const answer = handle({ type: 'recompute', id: 3, rulebook: json });
    expect(answer).toMatchObject({
      type: 'invalid',
      id: 3,
      message: expect.stringMatching(/problem\(s\) in the draft, e\.g\. measures\.0/),
    });
  });
});
