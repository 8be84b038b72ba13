import {
  appendAudit,
  type Database,
  decideReviewRequest,
  findEntity,
  findReviewRequest,
  type ReviewRequestRecord,
} from '@quip/db';
import type { Kysely, Transaction } from 'kysely';
import { lockWritableFiscalYear } from '../fiscal-years/writable-fiscal-year.ts';
import { problems } from '../http/problem.ts';
import { requireProgramRulebook } from '../ingest/published-rulebook.ts';
import { ingestSubmissions } from '../submissions/ingest-submissions.ts';
import { receiptTime } from '../submissions/receipt-time.ts';

export interface Decision {
  decision: 'accepted' | 'rejected';
  note: string | null;
  /** The day the corrections count as received (the office's declaration); null: received now. */
  submittedOn: string | null;
  keyId: string;
  now: Date;
  maxRows: number;
}

/**
 * Decides an open request in one transaction with its audit entry. Accepting a request with
 * corrections stores them through the upload itself (ingestSubmissions: the same row checker, a
 * submission batch received now, its own audit entry), and the decision, linked to that batch,
 * is written in the batch's transaction: both land or neither does.
 */
export async function decideRequest(
  db: Kysely<Database>,
  request: ReviewRequestRecord,
  decision: Decision,
): Promise<ReviewRequestRecord> {
  if (request.status !== 'open') {
    throw problems.conflict(`Review request ${request.id} was decided already (${request.status}).`);
  }
  const record = async (trx: Transaction<Database>, batchId: number | null) => {
    const done = await decideReviewRequest(trx, request.id, {
      status: decision.decision,
      note: decision.note,
      decidedBy: decision.keyId,
      correctionBatchId: batchId,
    });
    if (!done) throw problems.conflict(`Review request ${request.id} was decided already.`);
    await appendAudit(trx, {
      actor: decision.keyId,
      action: 'review.decision',
      subject: `${request.program}/${request.fiscalYear}`,
      details: {
        request: request.id,
        run: request.runId,
        entityId: request.entityId,
        decision: decision.decision,
        correctionBatchId: batchId,
        declaredSubmittedOn: batchId === null ? null : decision.submittedOn,
        corrections: batchId === null ? 0 : (request.corrections?.length ?? 0),
      },
    });
  };
  const corrections = request.corrections ?? [];
  if (decision.decision === 'accepted' && corrections.length > 0) {
    const published = await requireProgramRulebook(db, request.fiscalYear, request.program);
    const scope = { fiscalYear: request.fiscalYear, programId: request.program };
    const entity = await findEntity(db, scope, request.entityId);
    const payee = entity ? { ...entity.attributes, id: entity.id, name: entity.name } : undefined;
    // The office may declare the day the records were received; otherwise they count from now.
    const rows =
      decision.submittedOn === null
        ? corrections
        : corrections.map((r) => ({ ...r, submittedOn: decision.submittedOn }));
    const body = new Blob([JSON.stringify(rows)]).stream();
    await ingestSubmissions(
      db,
      body,
      {
        fiscalYear: request.fiscalYear,
        programId: request.program,
        compiled: published.compiled,
        payeeOf: (id) => (id === request.entityId ? payee : undefined),
        keyId: decision.keyId,
        format: 'json',
        ...receiptTime(decision.now, published.compiled),
        mayDeclare: decision.submittedOn !== null,
        dryRun: false,
        maxRows: decision.maxRows,
      },
      // Called inside the batch's transaction once every row is stored: the decision goes with it.
      async (trx, _status, answer) => {
        await record(trx, (answer as { batchId: number }).batchId);
      },
    );
  } else {
    await db.transaction().execute(async (trx) => {
      await lockWritableFiscalYear(trx, request.fiscalYear);
      await record(trx, null);
    });
  }
  const decided = await findReviewRequest(db, request.id);
  if (!decided) throw problems.notFound(`Review request ${request.id} does not exist.`);
  return decided;
}
