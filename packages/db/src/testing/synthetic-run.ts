import { contentHash } from '@quip/core';
import { type Kysely, sql } from 'kysely';
import { insertRunPayments } from '../repositories/run-payments.ts';
import { markRunOfficial } from '../repositories/runs.ts';
import type { Database } from '../schema.ts';

export interface SyntheticRun {
  fiscalYear: string;
  programId: string;
  /** The rulebook revision the run pins (its content's `cycles` block governs the cycles). */
  rulebookRevisionId: number;
  status?: 'succeeded' | 'failed' | 'running';
  official?: boolean;
  /** Payment lines per payee, as a run stores them. */
  payments: {
    entityId: string;
    name?: string;
    lines: { kind: string; amountCents: number; [k: string]: unknown }[];
  }[];
}

/**
 * A run row with its payees and payment lines written directly, as a finished recompute leaves
 * them: for tests and benchmarks of what reads runs (payment cycles) without computing one.
 */
export async function insertSyntheticRun(db: Kysely<Database>, run: SyntheticRun): Promise<number> {
  const inserted = await db
    .insertInto('runs')
    .values({
      fiscal_year: run.fiscalYear,
      program_id: run.programId,
      status: run.status ?? 'succeeded',
      rulebook_revision_id: run.rulebookRevisionId,
      rulebook_version: 1,
      content_hash: contentHash({ synthetic: run.rulebookRevisionId }),
      snapshot_submission_id: 0,
      as_of: '2027-06-30',
      payees: run.payments.length,
      chunks: 0,
      stage: 'none',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(inserted.id);
  // As the API marks one: the program year's earlier final run steps back (one final run each).
  if (run.official)
    await markRunOfficial(db, { id: runId, fiscalYear: run.fiscalYear, programId: run.programId });
  for (let i = 0; i < run.payments.length; i += 5000) {
    const part = run.payments.slice(i, i + 5000);
    await sql`
      insert into run_payees (run_id, entity_id, chunk_no, name, attributes)
      select ${runId}, x->>0, 0, x->>1, '{}'::jsonb from jsonb_array_elements(${JSON.stringify(
        part.map((p) => [p.entityId, p.name ?? `Payee ${p.entityId}`]),
      )}::jsonb) as x
    `.execute(db);
  }
  await insertRunPayments(
    db,
    runId,
    run.payments.map((p) => ({
      entityId: p.entityId,
      totalCents: p.lines.reduce((t, l) => t + l.amountCents, 0),
      details: {},
      lines: p.lines,
    })),
  );
  return runId;
}

/** A program of its own (tests that need a clean ledger) and its rulebook revision holding `cycles`. */
export async function insertCyclesProgram(
  db: Kysely<Database>,
  programId: string,
  cycles: Record<string, unknown> | undefined,
  fiscalYears: readonly string[],
): Promise<Record<string, number>> {
  await db
    .insertInto('programs')
    .values({ id: programId, name: programId, agency: 'test', payee_kind: 'payee', description: '' })
    .onConflict((c) => c.doNothing())
    .execute();
  const revisions: Record<string, number> = {};
  for (const fiscalYear of fiscalYears) {
    const content = { program: programId, fiscalYear, ...(cycles ? { cycles } : {}) };
    const row = await db
      .insertInto('rulebook_revisions')
      .values({
        fiscal_year: fiscalYear,
        program_id: programId,
        revision: 1,
        version: 1,
        content: JSON.stringify(content),
        content_hash: contentHash(content),
        source: 'admin',
        note: null,
        created_by: null,
        published_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    revisions[fiscalYear] = Number(row.id);
  }
  return revisions;
}
