import { describe, expect, it } from 'vitest';
import { payeeChanges, type WhatIfPayees } from './payee-changes.ts';

describe('payeeChanges', () => {
  it('matches payees by id and measures by key; a side without one counts 0 and the measure as moved', () => {
    const side = (ids: string[], measures: string[], totals: number[], met: number[]): WhatIfPayees => ({
      entityIds: ids,
      measures,
      totals: Float64Array.from(totals),
      met: Int8Array.from(met),
      points: Float64Array.from(met.map((m) => (m === 1 ? 1 : 0))),
    });
    // Before: A 100 (m1 met), B 200 (m1 met). After (m1 dropped, m2 added): B 200, C 50.
    const before = side(['A', 'B'], ['m1'], [100, 200], [1, 1]);
    const after = side(['B', 'C'], ['m2'], [200, 50], [1, 1]);
    // B is paid the same: unchanged. C gains 50 (both measures moved), A loses 100 (paid 0 after).
    expect(payeeChanges(before, after)).toEqual({
      changes: [
        { entityId: 'C', beforeCents: 0, afterCents: 50, differenceCents: 50, moved: ['m2', 'm1'] },
        { entityId: 'A', beforeCents: 100, afterCents: 0, differenceCents: -100, moved: ['m2', 'm1'] },
      ],
      gainers: { payees: 1, cents: 50 },
      losers: { payees: 1, cents: -100 },
      unchanged: 1,
    });
  });
});
