import { OpenAPIHono, z } from '@hono/zod-openapi';
import { compileRulebook, defaultAsOf } from '@quip/core';
import {
  appendAudit,
  cancelRun,
  countOpenProgramRequests,
  createRun,
  type Database,
  findOfficialRun,
  findRun,
  finishRun,
  isActiveRunStatus,
  listRuns,
  lockFiscalYear,
  markRunOfficial,
  ROLES,
  runProgress,
} from '@quip/db';
import { enqueueRun, type JobRunner } from '@quip/jobs';
import { streamSSE } from 'hono/streaming';
import type { Kysely } from 'kysely';
import { scopedEntityIds } from '../auth/principal.ts';
import { requireProgramYear } from '../fiscal-years/program-year.ts';
import { answer, apiRoutes, eventStream, json } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { pageOf, pageQuery } from '../http/page.ts';
import { problems } from '../http/problem.ts';
import { decodeCursor } from '../ingest/page-cursor.ts';
import { narrowForSubmitter, requireVisibleRun } from '../review/visible-run.ts';
import { NewRunSchema, ProgramYearParams, RunListSchema, RunParams, RunSchema } from '../runs/run-schemas.ts';
import { requireRun, requireSucceeded, runView } from '../runs/run-view.ts';
import { runOutputRoutes } from './run-output-routes.ts';

const route = apiRoutes('runs');
const runsOf = '/fiscal-years/{fy}/programs/{program}/runs';

export interface RunRouteDependencies {
  db: Kysely<Database>;
  jobs: JobRunner;
  /** Chunk size of new runs (payees per phase-1 job); default 1,000. */
  chunkSize?: number;
}

/** Recompute runs: start, follow (JSON or server-sent events), cancel, mark official; results and payments. */
export function runRoutes(deps: RunRouteDependencies) {
  const { db, jobs } = deps;
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'post',
      path: runsOf,
      operationId: 'startRun',
      summary: 'Start a recompute of every result and payment of the program (admins)',
      description:
        'Pins the published rulebook version and the data (the submissions current now) and queues the run: `202 {"id"}`. Follow it at GET /runs/{id} or /runs/{id}/events. Without `asOf` the run evaluates on the fiscal year\'s last day or the rulebook\'s last due date, whichever is later. 409 when the fiscal year is closed or the program has no published rulebook.',
      roles: ['admin'],
      idempotent: db,
      request: {
        params: ProgramYearParams,
        body: { required: true, content: json(NewRunSchema) },
      },
      responses: {
        202: answer('Queued', z.object({ id: z.number().int() }).openapi({ example: { id: 12 } })),
      },
      problems: [404, 409],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const body = c.req.valid('json');
      await requireProgramYear(db, fy, program);
      const actor = c.get('principal').keyId;
      const run = await db.transaction().execute(async (trx) => {
        // Locked until the run is created, so the year cannot close under it.
        const locked = await lockFiscalYear(trx, fy, 'update');
        if (locked?.status === 'closed')
          throw problems.conflict(`Fiscal year ${fy} is closed: it is read-only, so no run can start in it.`);
        const created = await createRun(trx, {
          fiscalYear: fy,
          programId: program,
          // Default: the year's last day or the pinned rulebook's last due date, whichever is later.
          asOf: body.asOf ?? ((pinned) => defaultAsOf(compileRulebook(pinned.content))),
          createdBy: actor,
          chunkSize: deps.chunkSize ?? 1000,
        });
        if (!created) throw problems.conflict(`${program} has no published rulebook in ${fy}.`);
        await appendAudit(trx, {
          actor,
          action: 'run.start',
          subject: `${program}/${fy}`,
          details: {
            run: created.id,
            payees: created.payees,
            rulebookVersion: created.rulebookVersion,
            asOf: created.asOf,
          },
        });
        return created;
      });
      try {
        await enqueueRun(db, jobs, run);
      } catch (error) {
        await finishRun(db, run.id, { status: 'failed', reason: 'the run could not be queued' });
        throw error;
      }
      return c.json({ id: run.id }, 202);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: runsOf,
      operationId: 'listRuns',
      summary: 'The runs of a program in a fiscal year, newest first',
      description:
        'A submitter sees the published runs only (stage preliminary or final) that have one of its payees, each with the totals of its own payees.',
      roles: ROLES,
      request: {
        params: ProgramYearParams,
        query: z.object(pageQuery(200, 50, 'MTI')),
      },
      responses: { 200: answer('Runs', RunListSchema) },
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const query = c.req.valid('query');
      const principal = c.get('principal');
      const submitter = principal.role === 'submitter';
      if (submitter && scopedEntityIds(principal, { program, fiscalYear: fy })?.length === 0)
        return c.json({ items: [], nextCursor: null }, 200);
      const rows = await listRuns(db, {
        fiscalYear: fy,
        programId: program,
        limit: query.limit + 1,
        publishedOnly: submitter,
        ...(query.cursor ? { beforeId: decodeCursor(query.cursor, 'number') } : {}),
      });
      const page = pageOf(rows, query.limit, (last) => last.id);
      const items = await Promise.all(
        page.items.map(async (r) => narrowForSubmitter(db, principal, r, await runView(db, r))),
      );
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/runs/{id}',
      operationId: 'getRun',
      summary: 'A run: status, progress (payees done of total), totals, or why it failed',
      description:
        'A submitter sees a published run (stage preliminary or final) that has one of its payees, with the totals of its own payees only; any other run answers 404.',
      roles: ROLES,
      request: { params: RunParams },
      responses: { 200: answer('The run', RunSchema) },
      problems: [404],
    }),
    async (c) => {
      const principal = c.get('principal');
      const run = await requireVisibleRun(db, principal, c.req.valid('param').id);
      return c.json(await narrowForSubmitter(db, principal, run, await runView(db, run)), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/runs/{id}/events',
      operationId: 'streamRunEvents',
      summary: 'Progress pushed as server-sent events until the run ends',
      description:
        'Events `progress` with the run (as GET /runs/{id}) whenever status or progress changes; the stream ends after the run has ended.',
      roles: ['admin', 'analyst'],
      request: { params: RunParams },
      responses: {
        200: eventStream(
          'event: progress\ndata: {"id":12,"status":"running","progress":{"done":1000,"total":2400}}\n\n',
        ),
      },
      problems: [404],
    }),
    async (c) => {
      const first = await requireRun(db, c.req.valid('param').id);
      return streamSSE(c, async (stream) => {
        let last = '';
        let aborted = false;
        stream.onAbort(() => {
          aborted = true;
        });
        for (let id = 0; !aborted; id++) {
          const run = (await requireRun(db, String(first.id)).catch(() => null)) ?? first;
          const view = await runView(db, run);
          const text = JSON.stringify(view);
          if (text !== last) {
            await stream.writeSSE({ event: 'progress', data: text, id: String(id) });
            last = text;
          }
          if (!isActiveRunStatus(run.status)) break;
          await stream.sleep(500);
        }
      });
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/runs/{id}/cancel',
      operationId: 'cancelRun',
      summary: 'Cancel a queued or running run (admins): no further chunk is computed',
      roles: ['admin'],
      request: { params: RunParams },
      responses: { 200: answer('The cancelled run', RunSchema) },
      problems: [404, 409],
    }),
    async (c) => {
      const run = await requireRun(db, c.req.valid('param').id);
      const actor = c.get('principal').keyId;
      const cancelled = await db.transaction().execute(async (trx) => {
        if (!(await cancelRun(trx, run.id))) return false;
        await appendAudit(trx, {
          actor,
          action: 'run.cancel',
          subject: `${run.programId}/${run.fiscalYear}`,
          details: { run: run.id, done: (await runProgress(trx, run.id)).done },
        });
        return true;
      });
      if (!cancelled) throw problems.conflict(`Run ${run.id} has already ended (${run.status}).`);
      return c.json(await runView(db, (await requireRun(db, String(run.id)))!), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/runs/{id}/official',
      operationId: 'markRunOfficial',
      summary: "Mark a succeeded run as the program's final (official) run of its fiscal year (admins)",
      description:
        "One official run per program and fiscal year: its stage becomes `final` (published to its payees, no longer open for review); marking another moves the mark; marking the official run again changes nothing. Mark it while the year is open, then close the year, which locks it. 409 unless the run succeeded and its fiscal year is not closed, and while a review request on the program's preliminary run of the year is open.",
      roles: ['admin'],
      request: { params: RunParams },
      responses: { 200: answer('The official run', RunSchema) },
      problems: [404, 409],
    }),
    async (c) => {
      const run = await requireRun(db, c.req.valid('param').id);
      requireSucceeded(run);
      const actor = c.get('principal').keyId;
      await db.transaction().execute(async (trx) => {
        // Shared lock: closing the year waits for this, and this never lands in a closed year.
        const year = await lockFiscalYear(trx, run.fiscalYear, 'share');
        if (year?.status === 'closed') {
          throw problems.conflict(
            `Fiscal year ${run.fiscalYear} is closed: its official run can no longer change.`,
          );
        }
        const current = await findRun(trx, run.id);
        if (current?.official) return;
        const open = await countOpenProgramRequests(trx, run.fiscalYear, run.programId);
        if (open > 0) {
          throw problems.conflict(
            `${open} review request${open === 1 ? ' is' : 's are'} still open for ${run.programId} in ${run.fiscalYear}: decide ${open === 1 ? 'it' : 'them'} before marking a run official.`,
          );
        }
        const previous = await findOfficialRun(trx, run.fiscalYear, run.programId);
        await markRunOfficial(trx, run);
        await appendAudit(trx, {
          actor,
          action: 'run.official',
          subject: `${run.programId}/${run.fiscalYear}`,
          details: {
            run: run.id,
            previous: previous?.id ?? null,
            asOf: run.asOf,
            rulebookVersion: run.rulebookVersion,
            totalCents: run.totals?.totalCents ?? 0,
          },
        });
      });
      return c.json(await runView(db, await requireRun(db, String(run.id))), 200);
    },
  );

  app.route('/', runOutputRoutes(db));
  return app;
}
