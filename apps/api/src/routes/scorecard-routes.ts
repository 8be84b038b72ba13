import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultAsOf } from '@quip/core';
import { type Database, ROLES } from '@quip/db';
import type { Kysely } from 'kysely';
import { canSeeEntity } from '../auth/principal.ts';
import { answer, apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { FiscalYearParam, ProgramParam } from '../http/common-schemas.ts';
import { problems } from '../http/problem.ts';
import { findProgramRulebook } from '../ingest/published-rulebook.ts';
import { todayIn } from '../review/run-rulebook.ts';
import { runScorecard } from '../review/run-scorecard.ts';
import { ScorecardSchema, StandingSchema } from '../review/scorecard-schemas.ts';
import { payeeStanding } from '../review/standing.ts';
import { requireVisiblePayee, requireVisibleRun } from '../review/visible-run.ts';
import { RunIdParam } from '../runs/run-schemas.ts';
import { requireOutput } from '../runs/run-view.ts';

const route = apiRoutes('scorecards');

const EntityIdParam = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'entityId', in: 'path' }, example: 'PV1234-950' });

/** Payees' scorecards: of a stored run, and the live standing computed now. */
export function scorecardRoutes(db: Kysely<Database>, clock: () => Date) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'get',
      path: '/runs/{id}/scorecards/{entityId}',
      operationId: 'getRunScorecard',
      summary: "A payee's scorecard of a run, in plain words: each measure, then the money",
      description:
        "Built from what the run stored and pinned (results, payment, the payee's submissions current at its snapshot, the rulebook version). `run.stage` says which results it shows: draft (not published), preliminary or final. Administrators and analysts read any payee of any run; a submitter its own payees of published runs; anything else answers 404. 409 while the run has no results.",
      roles: ROLES,
      request: { params: z.object({ id: RunIdParam, entityId: EntityIdParam }) },
      responses: { 200: answer('The scorecard', ScorecardSchema) },
      problems: [404, 409],
    }),
    async (c) => {
      const { id, entityId } = c.req.valid('param');
      const principal = c.get('principal');
      const run = await requireVisibleRun(db, principal, id);
      requireVisiblePayee(principal, run, entityId);
      requireOutput(run);
      return c.json((await runScorecard(db, run, entityId)) as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/fiscal-years/{fy}/programs/{program}/entities/{entityId}/standing',
      operationId: 'getPayeeStanding',
      summary: "A payee's standing now: its scorecard from the data stored today, and its calendar",
      description:
        "Computed now from the stored payees and submissions with the published rulebook, stored nowhere (`run.id` null, `run.stage` 'standing'). `asOf` defaults to today in the rulebook's time zone, or the run's default as-of day when that is earlier. `calendar` lists what is due when: received (on time), late, missing (due and not received) or upcoming. A submitter reads its own payees only (another answers 404); 409 when nothing is published.",
      roles: ROLES,
      request: {
        params: z.object({ fy: FiscalYearParam, program: ProgramParam, entityId: EntityIdParam }),
        query: z.object({
          asOf: z.iso.date().optional().openapi({ description: 'The evaluation day', example: '2027-03-31' }),
        }),
      },
      responses: { 200: answer('The standing', StandingSchema) },
      problems: [404, 409],
    }),
    async (c) => {
      const { fy, program, entityId } = c.req.valid('param');
      const query = c.req.valid('query');
      if (!canSeeEntity(c.get('principal'), { program, fiscalYear: fy }, entityId))
        throw problems.notFound('The program has no such payee.');
      const published = await findProgramRulebook(db, fy, program);
      if (!published) throw problems.conflict(`Program ${program} has no published rulebook for ${fy}.`);
      const today = todayIn(published.compiled, clock());
      const last = defaultAsOf(published.compiled);
      const asOf = query.asOf ?? [today, last].sort()[0]!;
      const standing = await payeeStanding(
        db,
        published.compiled,
        String(published.version),
        { fiscalYear: fy, program },
        entityId,
        asOf,
        today,
      );
      if (!standing) throw problems.notFound('The program has no such payee.');
      return c.json(standing as never, 200);
    },
  );

  return app;
}
