import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  appendAudit,
  findEntity,
  findNewerSucceededRun,
  findReviewRequest,
  insertReviewRequest,
  listReviewRequests,
  lockFiscalYear,
  markRunPreliminary,
  payeeRunSide,
  type ReviewRequestRecord,
  ROLES,
} from '@quip/db';
import { canSeeEntity, type Principal } from '../auth/principal.ts';
import { answer, apiRoutes, json } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { definedFields, pageOf, pageQuery } from '../http/page.ts';
import { problems } from '../http/problem.ts';
import { decodeCursor } from '../ingest/page-cursor.ts';
import { requireProgramRulebook } from '../ingest/published-rulebook.ts';
import { decideRequest } from '../review/decide-request.ts';
import {
  DecisionSchema,
  NewReviewRequestSchema,
  PreliminarySchema,
  RequestIdParam,
  ReviewRequestListSchema,
  ReviewRequestSchema,
} from '../review/review-schemas.ts';
import { runRulebook, todayIn } from '../review/run-rulebook.ts';
import { requireVisiblePayee, requireVisibleRun } from '../review/visible-run.ts';
import { RunParams, RunSchema } from '../runs/run-schemas.ts';
import { requireRun, requireSucceeded, runView } from '../runs/run-view.ts';
import { checkPreviewSubmissions } from '../submissions/check-preview-submissions.ts';
import type { BulkRouteDependencies } from './entity-routes.ts';

const route = apiRoutes('review');

/** A request as its payee's submitter and the office see it (who decided is the office's business). */
function requestView(r: ReviewRequestRecord) {
  return {
    id: r.id,
    runId: r.runId,
    program: r.program,
    fiscalYear: r.fiscalYear,
    entityId: r.entityId,
    measure: r.measure,
    lineKey: r.lineKey,
    reason: r.reason,
    proposedValue: r.proposedValue ?? null,
    corrections: r.corrections,
    status: r.status,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt,
    correctionBatchId: r.correctionBatchId,
    createdAt: r.createdAt,
  };
}

function canSeeRequest(principal: Principal, r: ReviewRequestRecord): boolean {
  return canSeeEntity(principal, { program: r.program, fiscalYear: r.fiscalYear }, r.entityId);
}

/**
 * Review and correction: publishing a run as preliminary with a review window, the
 * payees' requests on it, and the office's decisions.
 */
export function reviewRoutes({ db, clock, maxRowsPerRequest }: BulkRouteDependencies) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'post',
      path: '/runs/{id}/preliminary',
      operationId: 'publishRunPreliminary',
      summary: 'Publish a succeeded run to its payees as preliminary, open for review until a day (admins)',
      description:
        "The run's payees' submitters then see it (GET /runs/{id} with their own totals), its results, payments and scorecards, and may file review requests until `reviewUntil` inclusive (the rulebook's time zone). Publishing it again moves the date. 409 unless the run succeeded, is not final and its fiscal year is open; 422 when `reviewUntil` is before today.",
      roles: ['admin'],
      request: { params: RunParams, body: { required: true, content: json(PreliminarySchema) } },
      responses: { 200: answer('The run, stage preliminary', RunSchema) },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const run = await requireRun(db, c.req.valid('param').id);
      const { reviewUntil } = c.req.valid('json');
      requireSucceeded(run);
      if (run.stage === 'final')
        throw problems.conflict(`Run ${run.id} is final: it is no longer open for review.`);
      const compiled = await runRulebook(db, run);
      const today = todayIn(compiled, clock());
      if (reviewUntil < today) {
        throw problems.unprocessable(`reviewUntil ${reviewUntil} is before today (${today}).`, [
          { row: 0, path: 'reviewUntil', message: `is before today (${today})` },
        ]);
      }
      const actor = c.get('principal').keyId;
      await db.transaction().execute(async (trx) => {
        const year = await lockFiscalYear(trx, run.fiscalYear, 'share');
        if (year?.status === 'closed') throw problems.conflict(`Fiscal year ${run.fiscalYear} is closed.`);
        await markRunPreliminary(trx, run.id, reviewUntil);
        await appendAudit(trx, {
          actor,
          action: 'run.preliminary',
          subject: `${run.programId}/${run.fiscalYear}`,
          details: { run: run.id, reviewUntil, asOf: run.asOf, rulebookVersion: run.rulebookVersion },
        });
      });
      return c.json(await runView(db, await requireRun(db, String(run.id))), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/runs/{id}/requests',
      operationId: 'fileReviewRequest',
      summary:
        'File a review-and-correction request on a preliminary run (a submitter for its payees, or an admin)',
      description:
        "Names the disputed measure or payment line, the reason, and optionally the proposed value and corrected records (submission objects, checked exactly as an upload checks them: 422 with `errors` per row). Open until the run's `reviewUntil` inclusive, in the rulebook's time zone: after it, 409 naming the date. Another payee answers 404.",
      roles: ['admin', 'submitter'],
      idempotent: db,
      request: {
        params: RunParams,
        body: { required: true, content: json(NewReviewRequestSchema) },
      },
      responses: {
        201: {
          description: 'Filed',
          content: json(
            z
              .object({ id: z.number().int(), status: z.literal('open') })
              .openapi({ example: { id: 7, status: 'open' } }),
          ),
        },
      },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const principal = c.get('principal');
      const body = c.req.valid('json');
      const run = await requireVisibleRun(db, principal, c.req.valid('param').id);
      requireVisiblePayee(principal, run, body.entityId);
      const payee = await db
        .selectFrom('run_payees')
        .select('entity_id')
        .where('run_id', '=', run.id)
        .where('entity_id', '=', body.entityId)
        .executeTakeFirst();
      if (!payee) throw problems.notFound('The run has no such payee.');
      if (run.stage !== 'preliminary' || run.reviewUntil === null) {
        throw problems.conflict(`Run ${run.id} is not open for review (it is ${run.stage}).`);
      }
      const compiled = await runRulebook(db, run);
      const today = todayIn(compiled, clock());
      if (today > run.reviewUntil) {
        throw problems.conflict(`The review window of run ${run.id} ended on ${run.reviewUntil}.`);
      }
      if (body.measure === undefined && body.lineKey === undefined) {
        throw problems.unprocessable('Name the disputed measure or payment line.', [
          { row: 0, path: 'measure', message: 'name the disputed measure (or a lineKey)' },
        ]);
      }
      if (body.measure !== undefined && !compiled.measureIndex.has(body.measure)) {
        throw problems.unprocessable('The run has no such measure.', [
          { row: 0, path: 'measure', message: "is not one of the run's measures" },
        ]);
      }
      if (body.corrections !== undefined && body.corrections.length > 0) {
        // The upload's own row checker, against the payee alone and the published rulebook (what
        // the corrections will be stored under); a correction counts as received when accepted.
        const published = await requireProgramRulebook(db, run.fiscalYear, run.programId);
        const entity = await findEntity(
          db,
          { fiscalYear: run.fiscalYear, programId: run.programId },
          body.entityId,
        );
        const entities = entity ? [{ ...entity.attributes, id: entity.id, name: entity.name }] : [];
        checkPreviewSubmissions(published.compiled, entities, body.corrections, {
          receivedOn: todayIn(published.compiled, clock()),
          mayDeclare: false,
        });
      }
      const created = await db.transaction().execute(async (trx) => {
        const request = await insertReviewRequest(trx, {
          runId: run.id,
          program: run.programId,
          fiscalYear: run.fiscalYear,
          entityId: body.entityId,
          measure: body.measure ?? null,
          lineKey: body.lineKey ?? null,
          reason: body.reason,
          proposedValue: body.proposedValue,
          corrections: body.corrections && body.corrections.length > 0 ? body.corrections : null,
          createdBy: principal.keyId,
        });
        await appendAudit(trx, {
          actor: principal.keyId,
          action: 'review.request',
          subject: `${run.programId}/${run.fiscalYear}`,
          details: {
            request: request.id,
            run: run.id,
            entityId: body.entityId,
            measure: body.measure ?? null,
            lineKey: body.lineKey ?? null,
            corrections: body.corrections?.length ?? 0,
          },
        });
        return request;
      });
      return c.json({ id: created.id, status: 'open' as const }, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/requests',
      operationId: 'listReviewRequests',
      summary: 'Review requests, newest first (a submitter sees its own payees only)',
      roles: ROLES,
      request: {
        query: z.object({
          runId: z
            .string()
            .regex(/^[1-9]\d{0,14}$/)
            .optional()
            .openapi({ example: '12' }),
          status: z.enum(['open', 'accepted', 'rejected']).optional().openapi({ example: 'open' }),
          entityId: z.string().min(1).max(200).optional().openapi({ example: 'PV1234-950' }),
          program: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
            .optional()
            .openapi({ example: 'dds-qip' }),
          measure: z.string().min(1).max(200).optional().openapi({ example: 'qip-employment-outcomes' }),
          ...pageQuery(500, 100, 'Nw'),
        }),
      },
      responses: { 200: answer('Requests', ReviewRequestListSchema) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const principal = c.get('principal');
      const rows = await listReviewRequests(db, {
        ...(q.runId !== undefined ? { runId: Number(q.runId) } : {}),
        ...definedFields({ status: q.status, entityId: q.entityId, program: q.program, measure: q.measure }),
        ...(q.cursor ? { beforeId: decodeCursor(q.cursor, 'number') } : {}),
        scope: principal.scope,
        limit: q.limit + 1,
      });
      const page = pageOf(rows, q.limit, (last) => last.id);
      return c.json({ items: page.items.map(requestView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/requests/{id}',
      operationId: 'getReviewRequest',
      summary: 'A review request, its decision, and once a newer run exists the before and after',
      description:
        "`outcome` compares the request's run with the newest succeeded run of the program's year: the disputed measure's result and the payee's payment total on each side. Another payee's request answers 404.",
      roles: ROLES,
      request: { params: z.object({ id: RequestIdParam }) },
      responses: { 200: answer('The request', ReviewRequestSchema) },
      problems: [404],
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const request = await findReviewRequest(db, Number(id));
      if (!request || !canSeeRequest(c.get('principal'), request))
        throw problems.notFound(`Review request ${id} does not exist.`);
      const run = { id: request.runId, fiscalYear: request.fiscalYear, programId: request.program };
      const newer = await findNewerSucceededRun(db, run);
      const outcome =
        newer === null
          ? null
          : {
              before: await payeeRunSide(db, request.runId, request.entityId, request.measure),
              after: await payeeRunSide(db, newer, request.entityId, request.measure),
            };
      return c.json({ ...requestView(request), outcome } as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/requests/{id}/decision',
      operationId: 'decideReviewRequest',
      summary: 'Accept or reject an open review request (admins)',
      description:
        'Accepting stores the corrections (if any) as a submission batch received now, linked to the request (`correctionBatchId`) and audited; rejecting keeps the note the payee reads (a note is required to reject). 409 when the request was decided already or the fiscal year is closed.',
      roles: ['admin'],
      request: {
        params: z.object({ id: RequestIdParam }),
        body: { required: true, content: json(DecisionSchema) },
      },
      responses: { 200: answer('The decided request', ReviewRequestSchema) },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const id = Number(c.req.valid('param').id);
      const body = c.req.valid('json');
      const request = await findReviewRequest(db, id);
      if (!request) throw problems.notFound(`Review request ${id} does not exist.`);
      if (body.decision === 'rejected' && body.note === undefined) {
        throw problems.unprocessable('A rejection needs a note: the payee reads why.', [
          { row: 0, path: 'note', message: 'is required to reject' },
        ]);
      }
      const decided = await decideRequest(db, request, {
        decision: body.decision,
        note: body.note ?? null,
        submittedOn: body.submittedOn ?? null,
        keyId: c.get('principal').keyId,
        now: clock(),
        maxRows: maxRowsPerRequest,
      });
      return c.json({ ...requestView(decided), outcome: null } as never, 200);
    },
  );

  return app;
}
