import { rulebookFixture } from '@quip/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { evaluateMeasureValues, scoreAndPay } from './evaluate-phased.ts';
import { evaluateProgram } from './evaluate-program.ts';

// Rulebook fixture: a survey, and cie held to the median of the scored peers (a population
// target: each chunk alone would get it wrong, phase 2 must see everyone); all met earns 10 %.
const compiled = compileRulebook(rulebookFixture('survey-and-cie-at-least-peer-median-earn-10-percent'));

type Payee = { id: string; serviceCode: string; rateCents: number; units: number };

function submissionsOf(payees: Payee[], placed: number[], participated: boolean[]) {
  return payees.flatMap((p, i) => [
    {
      entityId: p.id,
      measure: 'workforce-survey',
      period: '2026-27',
      submittedOn: '2026-10-01',
      data: { participated: participated[i] ?? true },
    },
    { entityId: p.id, measure: 'cie', period: '2026-27', data: { placed: placed[i] ?? 0, interns: 10 } },
  ]);
}

/** Phase 1 per chunk with its own submissions, values through JSON (as a run stores them), then phase 2. */
function phased(payees: Payee[], submissions: ReturnType<typeof submissionsOf>, chunk: number) {
  const values: unknown[] = [];
  for (let s = 0; s < payees.length; s += chunk) {
    const entities = payees.slice(s, s + chunk);
    const ids = new Set(entities.map((e) => e.id));
    const own = submissions.filter((x) => ids.has(x.entityId));
    const phase1 = evaluateMeasureValues(compiled, { entities, submissions: own, asOf: '2026-11-23' });
    values.push(...JSON.parse(JSON.stringify(phase1.values)));
  }
  return scoreAndPay(compiled, {
    entities: payees,
    values: values as Parameters<typeof scoreAndPay>[1]['values'],
    asOf: '2026-11-23',
  });
}

describe('phased evaluation', () => {
  it('scores a chunked population against the whole population: median of 0.2 0.4 0.6 is 0.4', () => {
    const payees: Payee[] = ['A', 'B', 'C'].map((id) => ({
      id,
      serviceCode: '950',
      rateCents: 5000,
      units: 1,
    }));
    const submissions = submissionsOf(payees, [2, 4, 6], [true, true, true]);
    const { results, payments } = phased(payees, submissions, 1);
    // cie rates 2/10, 4/10, 6/10: PERCENTILE.INC 0.5 over three -> the middle one, 0.4.
    // A (0.2) misses, B and C meet: B and C earn 5000 x 0.1 = 500 incentive + 4500 base = 5000; A 4500.
    expect(results.filter((r) => r.measure === 'cie').map((r) => r.target)).toEqual([0.4, 0.4, 0.4]);
    expect(payments.map((p) => p.totalCents)).toEqual([4500, 5000, 5000]);
  });

  it('equals evaluateProgram on the same input, whatever the chunk size', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom('950', '952', '096'),
            rate: fc.integer({ min: 1, max: 100_000 }),
            placed: fc.integer({ min: 0, max: 10 }),
            participated: fc.boolean(),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 41 }),
        (rows, chunk) => {
          const payees = rows.map((r, i) => ({
            id: `P${i}`,
            serviceCode: r.code,
            rateCents: r.rate,
            units: 1,
          }));
          const submissions = submissionsOf(
            payees,
            rows.map((r) => r.placed),
            rows.map((r) => r.participated),
          );
          const whole = evaluateProgram(compiled, { entities: payees, submissions, asOf: '2026-11-23' });
          const split = phased(payees, submissions, chunk);
          expect(JSON.parse(JSON.stringify(split.results))).toEqual(
            JSON.parse(JSON.stringify(whole.results)),
          );
          expect(split.payments).toEqual(whole.payments);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses to pay when a payee has no values (a run with a gap must fail, not pay short)', () => {
    const payees: Payee[] = [{ id: 'A', serviceCode: '950', rateCents: 5000, units: 1 }];
    expect(() => scoreAndPay(compiled, { entities: payees, values: [], asOf: '2026-11-23' })).toThrow(
      /no value for payee 'A'/,
    );
  });
});
