import { type QuipDatabase, seedReferenceData, upsertEntities } from '@quip/db';
import { DATABASE_KINDS, openTestDatabase } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payeesForChecks } from './payees-for-checks.ts';

// The payees an upload is checked against are read 5,000 a page: 12,001 payees take three pages,
// and every one of them, first, last and at the pages' seams, must be found.
const SCOPE = { fiscalYear: '2026-27', programId: 'dds-qip' };
const N = 12_001;
const idOf = (i: number) => `PV-${String(i).padStart(6, '0')}`;

describe.each(DATABASE_KINDS)('payees for an upload on %s', (kind) => {
  let database: QuipDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    const payees = Array.from({ length: N }, (_, i) => ({
      id: idOf(i),
      name: `Provider ${i}`,
      attributes: { serviceCode: i % 2 === 0 ? '950' : '896' },
    }));
    await upsertEntities(database.db, SCOPE, payees);
  }, 120_000);
  afterAll(() => database?.close());

  it('finds every payee of a program larger than a page, as the engine reads one', async () => {
    const payeeOf = await payeesForChecks(database.db, SCOPE, null);
    // Ids sort as text: PV-000000 .. PV-012000; the seams fall after the 5,000th and 10,000th.
    for (const i of [0, 4_999, 5_000, 5_001, 9_999, 10_000, N - 1]) {
      expect(payeeOf(idOf(i))).toEqual({ id: idOf(i), serviceCode: i % 2 === 0 ? '950' : '896' });
    }
    expect(payeeOf(idOf(N))).toBeUndefined();
  });

  it("knows only a submitter's own payees", async () => {
    const payeeOf = await payeesForChecks(database.db, SCOPE, new Set([idOf(7_777)]));
    expect(payeeOf(idOf(7_777))?.id).toBe(idOf(7_777));
    expect(payeeOf(idOf(7_778))).toBeUndefined();
  });
});
