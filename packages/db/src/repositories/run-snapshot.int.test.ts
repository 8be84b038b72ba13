import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { upsertEntities } from './entities.ts';
import { lockFiscalYear } from './fiscal-year-writes.ts';
import { saveRulebookRevision } from './rulebooks.ts';
import { createRun } from './runs.ts';
import { createSubmissionBatch, insertSubmissionRows, submissionRowJson } from './submissions.ts';

const SCOPE = { fiscalYear: '2026-27', programId: 'dds-qip' };

/**
 * A run's snapshot is "every submission id up to N": it must never be taken while a batch that
 * already holds ids below N is still being written, or that batch would join the snapshot later
 * and two reads of the same run would differ. PostgreSQL only: PGlite has one connection, so
 * nothing is written while a run is created.
 */
describe('run snapshot while a batch is being written, on postgres', () => {
  const database = seededTestDatabase('postgres');
  beforeAll(async () => {
    await upsertEntities(database.db, SCOPE, [{ id: 'V1', name: 'One', attributes: {} }]);
    await saveRulebookRevision(database.db, {
      ...SCOPE,
      content: { n: 1 },
      contentHash: 'h1',
      source: 'admin',
      createdBy: null,
      publish: true,
    });
  });

  it('waits for the batch to commit and includes all of its rows', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let rowsWritten: () => void = () => {};
    const written = new Promise<void>((resolve) => {
      rowsWritten = resolve;
    });
    // The batch does what an upload does: share-lock the year, write its rows, then (later) commit.
    const batch = database.db.transaction().execute(async (trx) => {
      await lockFiscalYear(trx, SCOPE.fiscalYear, 'share');
      const id = await createSubmissionBatch(trx, {
        ...SCOPE,
        keyId: null,
        format: 'json',
        receivedOn: '2026-11-23',
      });
      await insertSubmissionRows(trx, { id, ...SCOPE }, [
        submissionRowJson('V1', 'm', '2026-27', '["a"]', '2026-09-01', { a: 1 }),
        submissionRowJson('V1', 'm', '2026-27', '["b"]', '2026-09-01', { a: 2 }),
      ]);
      rowsWritten();
      await gate;
    });
    await written;
    let created = false;
    const run = createRun(database.db, { ...SCOPE, asOf: '2026-11-23', createdBy: null, chunkSize: 10 }).then(
      (r) => {
        created = true;
        return r;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(created).toBe(false);
    release();
    await batch;
    const snapshot = (await run)?.snapshotSubmissionId;
    const { rows } = await sql<{ max: string }>`select max(id) as max from submissions`.execute(database.db);
    // Both rows of the batch are in the snapshot: it is the highest id, which is the batch's second row.
    expect(snapshot).toBe(Number(rows[0]?.max));
  });
});
