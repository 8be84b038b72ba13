import { beforeAll, describe, expect, it } from 'vitest';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { upsertEntities } from './entities.ts';
import { loadSnapshotSubmissions } from './run-inputs.ts';
import { createSubmissionBatch, insertSubmissionRows, submissionRowJson } from './submissions.ts';

const SCOPE = { fiscalYear: '2026-27', programId: 'dds-qip' };

describe.each(['pglite', 'postgres'] as const)('snapshot submissions of a chunk: %s', (kind) => {
  const database = seededTestDatabase(kind);
  let ids: number[];
  beforeAll(async () => {
    await upsertEntities(database.db, SCOPE, [
      { id: 'A', name: 'A', attributes: {} },
      { id: 'B', name: 'B', attributes: {} },
      { id: 'C', name: 'C', attributes: {} },
    ]);
    // One batch per version, so each version gets a higher id than the one before.
    const store = (rows: Parameters<typeof submissionRowJson>[]) =>
      database.db.transaction().execute(async (trx) => {
        const id = await createSubmissionBatch(trx, {
          ...SCOPE,
          keyId: null,
          format: 'json',
          receivedOn: '2026-11-23',
        });
        await insertSubmissionRows(
          trx,
          { id, ...SCOPE },
          rows.map((r) => submissionRowJson(...r)),
        );
        return id;
      });
    await store([
      ['B', 'm2', '2026-27', '["r2"]', '2026-09-01', { v: 'B r2 first' }],
      ['B', 'm2', '2026-27', '["r1"]', '2026-09-01', { v: 'B r1 first' }],
      ['B', 'm1', '2026-27', '', '2026-09-01', { v: 'B m1' }],
      ['A', 'm1', '2026-27', '', '2026-09-01', { v: 'A m1 first' }],
      ['C', 'm1', '2026-27', '', '2026-09-01', { v: 'C m1' }],
    ]);
    await store([['B', 'm2', '2026-27', '["r1"]', '2026-09-02', { v: 'B r1 second' }]]);
    // After the snapshot a run pins below: never read by that run.
    await store([['A', 'm1', '2026-27', '', '2026-09-03', { v: 'A m1 after the snapshot' }]]);
    const rows = await database.db.selectFrom('submissions').select('id').orderBy('id').execute();
    ids = rows.map((r) => Number(r.id));
  });

  it('gives the latest version up to the snapshot per payee x measure x period x record, payee by payee in key order', async () => {
    // Rows 1..5 are the first batch, 6 the second, 7 the third: the snapshot is row 6.
    const run = { ...SCOPE, snapshotSubmissionId: ids[5] as number };
    const read = await loadSnapshotSubmissions(database.db, run, ['A', 'B']);
    expect(read.map((s) => [s.entityId, s.measure, s.data.v])).toEqual([
      ['A', 'm1', 'A m1 first'],
      ['B', 'm1', 'B m1'],
      ['B', 'm2', 'B r1 second'],
      ['B', 'm2', 'B r2 first'],
    ]);
    expect(read[0]).toEqual({
      entityId: 'A',
      measure: 'm1',
      period: '2026-27',
      submittedOn: '2026-09-01',
      data: { v: 'A m1 first' },
    });
    // Only the payees asked for: C's row is left out; no payees, no rows.
    expect(await loadSnapshotSubmissions(database.db, run, ['C'])).toHaveLength(1);
    expect(await loadSnapshotSubmissions(database.db, run, [])).toEqual([]);
    const later = await loadSnapshotSubmissions(
      database.db,
      { ...run, snapshotSubmissionId: ids[6] as number },
      ['A'],
    );
    expect(later.map((s) => s.data.v)).toEqual(['A m1 after the snapshot']);
  });
});
