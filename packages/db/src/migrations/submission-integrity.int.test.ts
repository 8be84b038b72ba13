import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { upsertEntities } from '../repositories/entities.ts';
import {
  createSubmissionBatch,
  insertSubmissionRows,
  submissionRowJson,
} from '../repositories/submissions.ts';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { DATABASE_KINDS } from '../testing/test-databases.ts';

const SCOPE = { fiscalYear: '2026-27', programId: 'dds-qip' };
const OTHER = { fiscalYear: '2026-27', programId: 'dhcs-ept' };

/**
 * What the statement-level checks of migrations 0006/0007 keep true without per-row foreign keys:
 * every submission names an existing payee and an existing batch of its own fiscal year and
 * program, and neither can be removed from under its submissions.
 */
describe.each(DATABASE_KINDS)('submission integrity on %s', (kind) => {
  const database = seededTestDatabase(kind);
  const count = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from submissions`.execute(database.db)).rows[0]?.n);
  const openBatch = (scope: typeof SCOPE) =>
    database.db
      .transaction()
      .execute((trx) =>
        createSubmissionBatch(trx, { ...scope, keyId: null, format: 'json', receivedOn: '2026-11-23' }),
      );
  const row = (entityId: string) => submissionRowJson(entityId, 'm', '2026-27', '', '2026-09-01', { a: 1 });

  beforeAll(async () => {
    await upsertEntities(database.db, SCOPE, [{ id: 'V1', name: 'One', attributes: {} }]);
  });

  it('stores a row of an existing payee in an existing batch of the same program', async () => {
    const batchId = await openBatch(SCOPE);
    await database.db
      .transaction()
      .execute((trx) => insertSubmissionRows(trx, { id: batchId, ...SCOPE }, [row('V1')]));
    expect(await count()).toBe(1);
  });

  it('refuses rows that name a batch that does not exist, or a batch of another program', async () => {
    const before = await count();
    await expect(
      database.db
        .transaction()
        .execute((trx) => insertSubmissionRows(trx, { id: 987_654, ...SCOPE }, [row('V1')])),
    ).rejects.toThrow(/batch that does not exist/);
    const otherBatch = await openBatch(OTHER);
    await expect(
      database.db
        .transaction()
        .execute((trx) => insertSubmissionRows(trx, { id: otherBatch, ...SCOPE }, [row('V1')])),
    ).rejects.toThrow(/batch that does not exist/);
    expect(await count()).toBe(before);
  });

  it('refuses deleting or renumbering a batch that has submissions, and deletes an empty one', async () => {
    const batchId = await openBatch(SCOPE);
    await database.db
      .transaction()
      .execute((trx) => insertSubmissionRows(trx, { id: batchId, ...SCOPE }, [row('V1')]));
    await expect(
      sql`delete from submission_batches where id = ${batchId}`.execute(database.db),
    ).rejects.toThrow(/batch with submissions/);
    await expect(
      sql`update submission_batches set id = ${batchId + 1_000_000} where id = ${batchId}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/batch with submissions/);
    // Changing what is not a key (the row count) is allowed.
    await sql`update submission_batches set row_count = 1 where id = ${batchId}`.execute(database.db);
    const empty = await openBatch(SCOPE);
    await sql`delete from submission_batches where id = ${empty}`.execute(database.db);
    const left = await sql`select id from submission_batches where id in (${batchId}, ${empty})`.execute(
      database.db,
    );
    expect(left.rows).toEqual([{ id: batchId }]);
  });
});
