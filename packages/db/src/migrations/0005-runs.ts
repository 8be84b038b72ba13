import { type Kysely, sql } from 'kysely';

/**
 * Recompute runs. A run pins a published rulebook revision and a data snapshot (the highest
 * submission id when it started) and copies its payees, so running it again gives the same
 * answer. Everything a job writes is keyed (run, payee, measure | line | chunk) and inserted with
 * ON CONFLICT DO NOTHING: a retried or stalled job writes nothing twice. The per-run tables have
 * no foreign key to runs: a foreign key checks every inserted row, and a run writes millions of
 * rows; only the run jobs write them, always for a run they have just read. Key columns compare
 * bytes (collate "C"): index inserts are several times cheaper than under a language collation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'text', (c) => c.notNull().references('fiscal_years.fiscal_year'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('rulebook_revision_id', 'bigint', (c) => c.notNull().references('rulebook_revisions.id'))
    .addColumn('rulebook_version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('snapshot_submission_id', 'bigint', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('payees', 'integer', (c) => c.notNull())
    .addColumn('chunks', 'integer', (c) => c.notNull())
    .addColumn('official', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reason', 'text')
    .addColumn('totals', 'jsonb')
    .addColumn('issues', 'jsonb')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('runs_program')
    .on('runs')
    .columns(['fiscal_year', 'program_id', 'id'])
    .execute();

  // The payees as they were when the run started (entities can change afterwards).
  await db.schema
    .createTable('run_payees')
    .addColumn('run_id', 'bigint', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull().modifyFront(sql`collate "C"`))
    .addColumn('chunk_no', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('attributes', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_payees_pk', ['run_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('run_payees_chunk').on('run_payees').columns(['run_id', 'chunk_no']).execute();

  // Phase 1 bookkeeping: a chunk is done once (done_at set by the first job that finishes it).
  await db.schema
    .createTable('run_chunks')
    .addColumn('run_id', 'bigint', (c) => c.notNull())
    .addColumn('chunk_no', 'integer', (c) => c.notNull())
    .addColumn('payees', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addPrimaryKeyConstraint('run_chunks_pk', ['run_id', 'chunk_no'])
    .execute();

  // Phase 1 output: a chunk's measure values (core MeasureResults before scoring) as one JSON
  // document [[payee, measure, value], ...], keyed (run, chunk): phase 2 reads a run's values in
  // one pass of ~100 rows instead of millions, and a retried chunk writes nothing twice.
  await db.schema
    .createTable('run_values')
    .addColumn('run_id', 'bigint', (c) => c.notNull())
    .addColumn('chunk_no', 'integer', (c) => c.notNull())
    .addColumn('payees', 'integer', (c) => c.notNull())
    .addColumn('values', 'json', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_values_pk', ['run_id', 'chunk_no'])
    .execute();

  await db.schema
    .createTable('run_results')
    .addColumn('run_id', 'bigint', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull().modifyFront(sql`collate "C"`))
    .addColumn('measure', 'text', (c) => c.notNull().modifyFront(sql`collate "C"`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('target', 'double precision')
    .addColumn('met', 'boolean')
    .addColumn('points', 'double precision')
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_results_pk', ['run_id', 'entity_id', 'measure'])
    .execute();

  // One row per payee paid: the count check (every payee accounted for) reads this table.
  await db.schema
    .createTable('run_payee_payments')
    .addColumn('run_id', 'bigint', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull().modifyFront(sql`collate "C"`))
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_payee_payments_pk', ['run_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('run_payments')
    .addColumn('run_id', 'bigint', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull().modifyFront(sql`collate "C"`))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('line', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_payments_pk', ['run_id', 'entity_id', 'line_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'run_payments',
    'run_payee_payments',
    'run_results',
    'run_values',
    'run_chunks',
    'run_payees',
    'runs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
