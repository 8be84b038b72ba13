import { describe, expect, it } from 'vitest';
import { smallProgram } from './what-if-fixture.ts';
import { createWhatIfSession } from './what-if-session.ts';

const entities = ['P1', 'P2', 'P3'].map((id) => ({ id, units: 100, rateCents: 5000 }));
const submissions = [5, 7, 9].map((trained, i) => ({
  entityId: `P${i + 1}`,
  measure: 'trained-share',
  period: '2026-27',
  submittedOn: '2026-10-01',
  data: { trained, staff: 10 },
}));

describe('createWhatIfSession', () => {
  it('loads the published values, then answers each edit with new totals', () => {
    const handle = createWhatIfSession(() => 0);
    expect(handle({ type: 'recompute', id: 1, rulebook: smallProgram() }).type).toBe('failed');
    const loaded = handle({
      type: 'load',
      rulebook: smallProgram(),
      entities,
      submissions,
      asOf: '2027-06-30',
    });
    // 1,350,000 base + 2 x 50,000 earned (shares 0.7 and 0.9 meet 0.6).
    expect(loaded).toMatchObject({ type: 'loaded', payees: 3, baseline: { totalCents: 1_450_000 } });
    const interim: unknown[] = [];
    const edited = handle({ type: 'recompute', id: 2, rulebook: smallProgram(0.95) }, (a) => interim.push(a));
    // The met count arrives before the payout: nobody meets 0.95.
    expect(interim).toMatchObject([{ type: 'scored', id: 2, scored: { measures: [{ met: 0 }] } }]);
    // Nobody meets 0.95: the base alone.
    expect(edited).toMatchObject({ type: 'result', id: 2, summary: { totalCents: 1_350_000 } });
  });

  it('says how an invalid draft is wrong instead of computing it', () => {
    const handle = createWhatIfSession(() => 0);
    handle({ type: 'load', rulebook: smallProgram(), entities, submissions, asOf: '2027-06-30' });
    const json = smallProgram();
    (json.measures as Record<string, unknown>[])[0] = { key: 'x' };
    const answer = handle({ type: 'recompute', id: 3, rulebook: json });
    expect(answer.type).toBe('invalid');
  });
});
