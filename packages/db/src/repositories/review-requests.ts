import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReviewRequestStatus } from '../runs-schema.ts';
import type { Database } from '../schema.ts';
import type { ResultSide } from './run-diff.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A payee's review-and-correction request on a preliminary run. */
export interface ReviewRequestRecord {
  id: number;
  runId: number;
  program: string;
  fiscalYear: string;
  entityId: string;
  measure: string | null;
  lineKey: string | null;
  reason: string;
  proposedValue: unknown;
  /** Corrected records as submission objects, checked as an upload checks them. */
  corrections: Record<string, unknown>[] | null;
  status: ReviewRequestStatus;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The submission batch that stored the corrections of an accepted request. */
  correctionBatchId: number | null;
  createdBy: string;
  createdAt: string;
}

const columns = [
  'id',
  'run_id as runId',
  'program_id as program',
  'fiscal_year as fiscalYear',
  'entity_id as entityId',
  'measure',
  'line_key as lineKey',
  'reason',
  'proposed_value as proposedValue',
  'corrections',
  'status',
  'decision_note as decisionNote',
  'decided_by as decidedBy',
  'decided_at as decidedAt',
  'correction_batch_id as correctionBatchId',
  'created_by as createdBy',
  'created_at as createdAt',
] as const;

function record(row: Record<string, unknown>): ReviewRequestRecord {
  return {
    ...(row as unknown as ReviewRequestRecord),
    id: Number(row.id),
    runId: Number(row.runId),
    correctionBatchId: row.correctionBatchId === null ? null : Number(row.correctionBatchId),
  };
}

export type NewReviewRequest = Pick<
  ReviewRequestRecord,
  | 'runId'
  | 'program'
  | 'fiscalYear'
  | 'entityId'
  | 'measure'
  | 'lineKey'
  | 'reason'
  | 'proposedValue'
  | 'createdBy'
> & { corrections: readonly Record<string, unknown>[] | null };

export async function insertReviewRequest(db: Db, input: NewReviewRequest): Promise<ReviewRequestRecord> {
  const row = await db
    .insertInto('review_requests')
    .values({
      run_id: input.runId,
      program_id: input.program,
      fiscal_year: input.fiscalYear,
      entity_id: input.entityId,
      measure: input.measure,
      line_key: input.lineKey,
      reason: input.reason,
      proposed_value: input.proposedValue === undefined ? null : JSON.stringify(input.proposedValue),
      corrections: input.corrections === null ? null : JSON.stringify(input.corrections),
      created_by: input.createdBy,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return record(row);
}

export async function findReviewRequest(
  db: Db,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<ReviewRequestRecord | null> {
  let q = db.selectFrom('review_requests').select(columns).where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? record(row) : null;
}

export interface ReviewRequestQuery {
  runId?: number;
  status?: ReviewRequestStatus;
  entityId?: string;
  program?: string;
  fiscalYear?: string;
  measure?: string;
  /** A scoped key's payees: only requests of these (program, entity) pairs; null = all. */
  scope: readonly { program: string; fiscalYear?: string; entityId: string }[] | null;
  beforeId?: number;
  limit: number;
}

/** Requests, newest first, filtered; a scoped key's list holds its own payees' requests only. */
export async function listReviewRequests(db: Db, query: ReviewRequestQuery): Promise<ReviewRequestRecord[]> {
  if (query.scope !== null && query.scope.length === 0) return [];
  let q = db.selectFrom('review_requests').select(columns).orderBy('id', 'desc').limit(query.limit);
  if (query.runId !== undefined) q = q.where('run_id', '=', query.runId);
  if (query.status !== undefined) q = q.where('status', '=', query.status);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.program !== undefined) q = q.where('program_id', '=', query.program);
  if (query.fiscalYear !== undefined) q = q.where('fiscal_year', '=', query.fiscalYear);
  if (query.measure !== undefined) q = q.where('measure', '=', query.measure);
  if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
  const scope = query.scope;
  if (scope !== null) {
    q = q.where((eb) =>
      eb.or(
        scope.map((s) =>
          eb.and([
            eb('program_id', '=', s.program),
            eb('entity_id', '=', s.entityId),
            ...(s.fiscalYear !== undefined ? [eb('fiscal_year', '=', s.fiscalYear)] : []),
          ]),
        ),
      ),
    );
  }
  return (await q.execute()).map(record);
}

/** How many requests on the run are still open (marking it official waits for none). */
export async function countOpenReviewRequests(db: Db, runId: number): Promise<number> {
  const row = await db
    .selectFrom('review_requests')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('run_id', '=', runId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many requests on the program's preliminary runs of the year are still open. */
export async function countOpenProgramRequests(db: Db, fiscalYear: string, program: string): Promise<number> {
  const row = await db
    .selectFrom('review_requests')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('fiscal_year', '=', fiscalYear)
    .where('program_id', '=', program)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Decides an open request; false when it was decided already (by someone else in between). */
export async function decideReviewRequest(
  db: Db,
  id: number,
  decision: {
    status: 'accepted' | 'rejected';
    note: string | null;
    decidedBy: string;
    correctionBatchId: number | null;
  },
): Promise<boolean> {
  const row = await db
    .updateTable('review_requests')
    .set({
      status: decision.status,
      decision_note: decision.note,
      decided_by: decision.decidedBy,
      decided_at: sql`now()`,
      correction_batch_id: decision.correctionBatchId,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The disputed measure and the payment of one payee in one run, as a run diff shows each side. */
export interface PayeeRunSide {
  runId: number;
  result: ResultSide | null;
  totalCents: number | null;
}

/** One payee's side of a run: its result of one measure (when given) and its payment total. */
export async function payeeRunSide(
  db: Db,
  runId: number,
  entityId: string,
  measure: string | null,
): Promise<PayeeRunSide> {
  const [result, payment] = await Promise.all([
    measure === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('run_results')
          .select(['status', 'value', 'target', 'met', 'points'])
          .where('run_id', '=', runId)
          .where('entity_id', '=', entityId)
          .where('measure', '=', measure)
          .executeTakeFirst(),
    db
      .selectFrom('run_payee_payments')
      .select('total_cents')
      .where('run_id', '=', runId)
      .where('entity_id', '=', entityId)
      .executeTakeFirst(),
  ]);
  return {
    runId,
    result: result
      ? {
          status: result.status,
          value: result.value === null ? null : Number(result.value),
          target: result.target === null ? null : Number(result.target),
          met: result.met,
          points: result.points === null ? null : Number(result.points),
        }
      : null,
    totalCents: payment ? Number(payment.total_cents) : null,
  };
}

/** The newest succeeded run of the program's year after the given one, or null. */
export async function findNewerSucceededRun(
  db: Db,
  run: { id: number; fiscalYear: string; programId: string },
): Promise<number | null> {
  const row = await db
    .selectFrom('runs')
    .select('id')
    .where('fiscal_year', '=', run.fiscalYear)
    .where('program_id', '=', run.programId)
    .where('status', '=', 'succeeded')
    .where('id', '>', run.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}
