import { sql, type Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PgClient, pgClientTransaction } from '../pg-client-transaction.ts';
import type { Database } from '../schema.ts';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { openTestDatabase } from '../testing/test-databases.ts';
import { appendAudit, verifyAuditChain } from './audit-log.ts';
import { upsertEntities } from './entities.ts';
import { copyText, SubmissionCopy, submissionCopyLine } from './submission-copy.ts';
import { createSubmissionBatch, insertSubmissionRows, submissionRowJson } from './submissions.ts';

const SCOPE = { fiscalYear: '2026-27', programId: 'dds-qip' };
/** Rows with every character COPY text treats specially, in ids, keys and data. */
const ROWS: [string, string, string, string, string, Record<string, unknown>][] = [
  ['V1', 'm', '2026-27', '["P1"]', '2026-09-01', { personId: 'P1', age: 50, note: 'tab\there' }],
  ['V1', 'm', '2026-27', '["P\\\\2"]', '2026-09-02', { personId: 'P\\2', note: 'line\nbreak\r\nand \\N' }],
  ['V\t2', 'm', 'Q\n1', '', '2026-09-03', { note: 'é ✓ "quoted" \\', list: ['a', 'b'], flag: true }],
];

/** A new batch of SCOPE, as a CSV upload received on 2026-11-23: its id. */
const openBatch = (trx: Transaction<Database>) =>
  createSubmissionBatch(trx, { ...SCOPE, keyId: null, format: 'csv', receivedOn: '2026-11-23' });

/** A new batch, and a COPY into it (on the transaction's connection) that has been sent `lines`. */
async function copyIntoNewBatch(
  trx: Transaction<Database>,
  client: PgClient,
  lines = ROWS.map((r) => submissionCopyLine(...r)),
) {
  const id = await openBatch(trx);
  const copy = new SubmissionCopy(client, { id, ...SCOPE });
  await copy.write(lines);
  return { id, copy };
}

describe('COPY of submission rows on postgres', () => {
  const database = seededTestDatabase('postgres');
  beforeAll(async () => {
    await upsertEntities(database.db, SCOPE, [
      { id: 'V1', name: 'One', attributes: {} },
      { id: 'V\t2', name: 'Two', attributes: {} },
    ]);
  });

  const batchRows = (batchId: number) =>
    sql<Record<string, unknown>>`
      select entity_id, measure, period, record_key, submitted_on, data::text as data
      from submissions where batch_id = ${batchId} order by id
    `
      .execute(database.db)
      .then((r) => r.rows);

  const counts = () =>
    sql<{ s: number; a: number }>`
      select (select count(*)::int from submissions) as s, (select count(*)::int from audit_log) as a
    `.execute(database.db);

  it('escapes backslash, tab, newline and carriage return, and nothing else', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText('plain "text" é')).toBe('plain "text" é');
  });

  it('stores exactly the rows the INSERT path stores, in one transaction with the audit entry', async () => {
    const viaCopy = await pgClientTransaction(database.db, async (trx, client) => {
      const { id, copy } = await copyIntoNewBatch(trx, client);
      expect(await copy.end()).toBe(3);
      await appendAudit(trx, { actor: null, action: 'test.copy', subject: 's', details: { batchId: id } });
      return id;
    });
    const viaInsert = await database.db.transaction().execute(async (trx) => {
      const id = await openBatch(trx);
      await insertSubmissionRows(
        trx,
        { id, ...SCOPE },
        ROWS.map((r) => submissionRowJson(...r)),
      );
      return id;
    });
    const copied = await batchRows(viaCopy as number);
    expect(copied).toEqual(await batchRows(viaInsert));
    expect(copied.map((r) => JSON.parse(r.data as string))).toEqual(ROWS.map((r) => r[5]));
    expect(copied.map((r) => [r.entity_id, r.period, r.record_key])).toEqual([
      ['V1', '2026-27', '["P1"]'],
      ['V1', '2026-27', '["P\\\\2"]'],
      ['V\t2', 'Q\n1', ''],
    ]);
    expect(await verifyAuditChain(database.db)).toBeNull();
  });

  it('rolls back the rows and the audit entry when the work fails after the COPY, or the COPY is aborted', async () => {
    const before = await counts();
    await expect(
      pgClientTransaction(database.db, async (trx, client) => {
        const { id, copy } = await copyIntoNewBatch(trx, client);
        await copy.end();
        await appendAudit(trx, { actor: null, action: 'test.copy', subject: 's', details: { batchId: id } });
        throw new Error('a bad row');
      }),
    ).rejects.toThrow('a bad row');
    await expect(
      pgClientTransaction(database.db, async (trx, client) => {
        const { copy } = await copyIntoNewBatch(trx, client);
        await copy.abort();
        throw new Error('rejected');
      }),
    ).rejects.toThrow('rejected');
    const after = await counts();
    expect(after.rows).toEqual(before.rows);
  });

  it('refuses a row of a payee that does not exist (the statement-level payee check)', async () => {
    await expect(
      pgClientTransaction(database.db, async (trx, client) => {
        const { copy } = await copyIntoNewBatch(trx, client, [
          submissionCopyLine('V9', 'm', '2026-27', '', '2026-09-01', {}),
        ]);
        await copy.end();
      }),
    ).rejects.toThrow(/payee that does not exist/);
    // The pool still works after a failed COPY.
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('is null for a database that is not PostgreSQL (PGlite takes the INSERT path)', async () => {
    const pglite = await openTestDatabase('pglite');
    try {
      expect(pgClientTransaction(pglite.db, async () => 1)).toBeNull();
    } finally {
      await pglite.close();
    }
  });
});
