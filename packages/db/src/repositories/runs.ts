import { type Kysely, sql, type Transaction, type UpdateObject } from 'kysely';
import { ACTIVE_RUN_STATUSES, isActiveRunStatus, type RunStage, type RunStatus } from '../runs-schema.ts';
import type { Database } from '../schema.ts';
import { lockFiscalYear } from './fiscal-year-writes.ts';
import { findPublishedRulebook } from './rulebooks.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface RunTotals {
  payees: number;
  totalCents: number;
  byLineKind: Record<string, number>;
}

export interface RunRecord {
  id: number;
  fiscalYear: string;
  programId: string;
  status: RunStatus;
  rulebookRevisionId: number;
  rulebookVersion: number;
  contentHash: string;
  snapshotSubmissionId: number;
  asOf: string;
  payees: number;
  chunks: number;
  official: boolean;
  /** none, preliminary (published for review until reviewUntil) or final (the official run). */
  stage: RunStage;
  reviewUntil: string | null;
  publishedAt: string | null;
  reason: string | null;
  totals: RunTotals | null;
  issues: unknown[] | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const columns = [
  'id',
  'fiscal_year as fiscalYear',
  'program_id as programId',
  'status',
  'rulebook_revision_id as rulebookRevisionId',
  'rulebook_version as rulebookVersion',
  'content_hash as contentHash',
  'snapshot_submission_id as snapshotSubmissionId',
  'as_of as asOf',
  'payees',
  'chunks',
  'official',
  'stage',
  'review_until as reviewUntil',
  'published_at as publishedAt',
  'reason',
  'totals',
  'issues',
  'created_by as createdBy',
  'created_at as createdAt',
  'started_at as startedAt',
  'finished_at as finishedAt',
] as const;

export interface NewRun {
  fiscalYear: string;
  programId: string;
  /**
   * The evaluation day, or how to work it out from the rulebook the run pins (its content as
   * published), so a default day always belongs to the very version the run uses.
   */
  asOf: string | ((pinned: { content: unknown; version: number }) => string);
  createdBy: string | null;
  /** Payees per phase-1 job. */
  chunkSize: number;
}

/**
 * Creates a queued run: pins the newest published rulebook and the data snapshot (highest
 * submission id, once the batches being written have committed), copies the payees and cuts them into chunks by id, all in one statement each.
 * Null when the program has no published rulebook, or when the fiscal year is closed (closed =
 * read-only: callers check the status first to say why).
 */
export async function createRun(db: Db, input: NewRun): Promise<RunRecord | null> {
  const work = async (trx: Transaction<Database>): Promise<RunRecord | null> => {
    // Submission batches hold the fiscal year's row in share mode until they commit, and take
    // their ids while they write: waiting for them here means every id up to the snapshot is
    // committed, so a batch still being written cannot later slip in under the snapshot.
    const year = await lockFiscalYear(trx, input.fiscalYear, 'update');
    if (!year || year.status === 'closed') return null;
    const rulebook = await findPublishedRulebook(trx, input.fiscalYear, input.programId);
    if (!rulebook || rulebook.version === null) return null;
    const asOf =
      typeof input.asOf === 'string'
        ? input.asOf
        : input.asOf({ content: rulebook.content, version: rulebook.version });
    const snapshot = await trx
      .selectFrom('submissions')
      .select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql<number>`0`).as('max'))
      .where('fiscal_year', '=', input.fiscalYear)
      .where('program_id', '=', input.programId)
      .executeTakeFirstOrThrow();
    const run = await trx
      .insertInto('runs')
      .values({
        fiscal_year: input.fiscalYear,
        program_id: input.programId,
        status: 'queued',
        rulebook_revision_id: rulebook.id,
        rulebook_version: rulebook.version,
        content_hash: rulebook.contentHash,
        snapshot_submission_id: Number(snapshot.max),
        as_of: asOf,
        payees: 0,
        chunks: 0,
        created_by: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      insert into run_payees (run_id, entity_id, chunk_no, name, attributes)
      select ${run.id}, id, ((row_number() over (order by id)) - 1) / ${input.chunkSize}, name, attributes
      from entities where fiscal_year = ${input.fiscalYear} and program_id = ${input.programId}
    `.execute(trx);
    await sql`
      insert into run_chunks (run_id, chunk_no, payees)
      select run_id, chunk_no, count(*) from run_payees where run_id = ${run.id} group by run_id, chunk_no
    `.execute(trx);
    await sql`
      update runs set
        payees = (select count(*) from run_payees where run_id = ${run.id}),
        chunks = (select count(*) from run_chunks where run_id = ${run.id})
      where id = ${run.id}
    `.execute(trx);
    return findRun(trx, run.id);
  };
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

export async function findRun(db: Db, id: number): Promise<RunRecord | null> {
  const row = await db.selectFrom('runs').select(columns).where('id', '=', id).executeTakeFirst();
  return (row as RunRecord | undefined) ?? null;
}

export async function listRuns(
  db: Db,
  query: {
    fiscalYear: string;
    programId: string;
    beforeId?: number;
    limit: number;
    /** Only runs published to payees (stage preliminary or final). */
    publishedOnly?: boolean;
  },
): Promise<RunRecord[]> {
  let q = db
    .selectFrom('runs')
    .select(columns)
    .where('fiscal_year', '=', query.fiscalYear)
    .where('program_id', '=', query.programId)
    .orderBy('id', 'desc')
    .limit(query.limit);
  if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
  if (query.publishedOnly) q = q.where('stage', '<>', 'none');
  return (await q.execute()) as RunRecord[];
}

/** Payees whose phase-1 chunk is done, out of all. */
export async function runProgress(db: Db, id: number): Promise<{ done: number; total: number }> {
  const row = await db
    .selectFrom('run_chunks')
    .select([
      sql<number>`coalesce(sum(payees) filter (where done_at is not null), 0)::int`.as('done'),
      sql<number>`coalesce(sum(payees), 0)::int`.as('total'),
    ])
    .where('run_id', '=', id)
    .executeTakeFirstOrThrow();
  return { done: Number(row.done), total: Number(row.total) };
}

/** Changes a run that has not ended; false when it has (succeeded, failed, cancelled) or does not exist. */
async function updateActiveRun(db: Db, id: number, set: UpdateObject<Database, 'runs'>): Promise<boolean> {
  const row = await db
    .updateTable('runs')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', ACTIVE_RUN_STATUSES)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** queued -> running; false when the run is no longer queued or running (cancelled, ended). */
export function startRunning(db: Db, id: number): Promise<boolean> {
  return updateActiveRun(db, id, { status: 'running', started_at: sql`coalesce(started_at, now())` });
}

/** Ends a run that is still going; an ended (or cancelled) run is left as it is. */
export function finishRun(
  db: Db,
  id: number,
  end: { status: 'succeeded' | 'failed'; reason?: string; totals?: RunTotals; issues?: unknown[] },
): Promise<boolean> {
  return updateActiveRun(db, id, {
    status: end.status,
    reason: end.reason ?? null,
    totals: end.totals ? JSON.stringify(end.totals) : null,
    issues: end.issues ? JSON.stringify(end.issues) : null,
    finished_at: sql`now()`,
  });
}

/** Cancels a queued or running run; false when it has already ended. */
export function cancelRun(db: Db, id: number): Promise<boolean> {
  return updateActiveRun(db, id, {
    status: 'cancelled',
    reason: 'cancelled by an administrator',
    finished_at: sql`now()`,
  });
}

/**
 * Marks a run official (stage final) and the program's other final run of the year not (back to
 * stage none): one official run per year.
 */
export async function markRunOfficial(
  db: Db,
  run: Pick<RunRecord, 'id' | 'fiscalYear' | 'programId'>,
): Promise<void> {
  const work = async (trx: Transaction<Database>) => {
    // Two marks at once for one program and year would each clear the other's: take turns.
    await sql`select pg_advisory_xact_lock(hashtext(${`official:${run.fiscalYear}:${run.programId}`}))`.execute(
      trx,
    );
    await trx
      .updateTable('runs')
      .set({ stage: 'none' })
      .where('fiscal_year', '=', run.fiscalYear)
      .where('program_id', '=', run.programId)
      .where('stage', '=', 'final')
      .where('id', '<>', run.id)
      .execute();
    await trx
      .updateTable('runs')
      .set({ stage: 'final', review_until: null, published_at: sql`coalesce(published_at, now())` })
      .where('id', '=', run.id)
      .execute();
  };
  await (db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work));
}

/** Publishes a run as preliminary, open for review requests until `reviewUntil` (inclusive). */
export async function markRunPreliminary(db: Db, runId: number, reviewUntil: string): Promise<void> {
  await db
    .updateTable('runs')
    .set({
      stage: 'preliminary',
      review_until: reviewUntil,
      published_at: sql`coalesce(published_at, now())`,
    })
    .where('id', '=', runId)
    .execute();
}

export async function isRunActive(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom('runs').select('status').where('id', '=', id).executeTakeFirst();
  return row !== undefined && isActiveRunStatus(row.status);
}

/** The program's official (final) run of the fiscal year, or null. */
export async function findOfficialRun(
  db: Db,
  fiscalYear: string,
  programId: string,
): Promise<RunRecord | null> {
  const row = await db
    .selectFrom('runs')
    .select(columns)
    .where('fiscal_year', '=', fiscalYear)
    .where('program_id', '=', programId)
    .where('official', '=', true)
    .executeTakeFirst();
  return (row as RunRecord | undefined) ?? null;
}

/** Runs that have not ended (queued or running), oldest first. */
export async function listUnfinishedRuns(db: Db): Promise<RunRecord[]> {
  const rows = await db
    .selectFrom('runs')
    .select(columns)
    .where('status', 'in', ACTIVE_RUN_STATUSES)
    .orderBy('id')
    .execute();
  return rows as RunRecord[];
}
