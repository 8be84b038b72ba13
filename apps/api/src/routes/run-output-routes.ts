import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type Database,
  expandResultJson,
  listRunPayments,
  listRunResults,
  ROLES,
  type RunPayment,
  type RunRecord,
} from '@quip/db';
import { explainRunPayee } from '@quip/jobs';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { answer, apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { FileFormatQuery, fileAnswer, pageOrFile } from '../http/file-answer.ts';
import { decodePairCursor, definedFields, pageOf, pairKey } from '../http/page.ts';
import { problems } from '../http/problem.ts';
import { decodeCursor } from '../ingest/page-cursor.ts';
import { requireVisiblePayee, requireVisibleRun, visiblePayees } from '../review/visible-run.ts';
import { paymentCsv, paymentXlsx } from '../runs/payment-file.ts';
import { runDiff } from '../runs/run-diff.ts';
import {
  PageQuery,
  RunDiffSchema,
  RunParams,
  RunPaymentPageSchema,
  RunResultPageSchema,
} from '../runs/run-schemas.ts';
import { requireOutput, requireRun } from '../runs/run-view.ts';

const route = apiRoutes('runs');

const EntityIdQuery = z.string().min(1).max(200).optional().openapi({ example: 'PV-00017-950' });

/**
 * A run's output as a principal may see it: the run (404 as for none when it may not see it), the
 * payees it may see (null = all; asking for another's answers exactly as for a payee the run does not
 * have: 404, no hint), then 409 unless the run has output.
 */
async function visibleOutput(
  db: Kysely<Database>,
  principal: Principal,
  { id }: { id: string },
  { entityId }: { entityId?: string | undefined },
): Promise<{ run: RunRecord; entityIds: readonly string[] | null }> {
  const run = await requireVisibleRun(db, principal, id);
  if (entityId !== undefined) requireVisiblePayee(principal, run, entityId);
  const entityIds = visiblePayees(principal, run);
  requireOutput(run);
  return { run, entityIds };
}

export function runOutputRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'get',
      path: '/runs/{id}/results',
      operationId: 'listRunResults',
      summary: 'Results per payee and measure (value, target, met, points), a page at a time',
      description:
        "With `explain=1` and an `entityId`, the payee's results come with their explanation trace, recomputed exactly from what the run pinned. Submitters see their own payees of published runs (stage preliminary or final) only; another run answers 404.",
      roles: ROLES,
      request: {
        params: RunParams,
        query: z.object({
          entityId: EntityIdQuery,
          measure: z.string().min(1).max(200).optional().openapi({ example: 'cie' }),
          explain: z.enum(['0', '1']).optional().openapi({ example: '1' }),
          ...PageQuery,
        }),
      },
      responses: { 200: answer('Results', RunResultPageSchema) },
      problems: [404, 409],
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { run, entityIds } = await visibleOutput(db, c.get('principal'), c.req.valid('param'), query);
      if (query.explain === '1') {
        if (query.entityId === undefined)
          throw problems.badRequest('explain=1 explains one payee: give its entityId.');
        // The stored results name the payee as the run copied it; the explanation is recomputed.
        const [stored] = await listRunResults(db, {
          runId: run.id,
          entityIds,
          entityId: query.entityId,
          limit: 1,
        });
        const explained = stored ? await explainRunPayee(db, run, query.entityId) : null;
        if (!stored || !explained) throw problems.notFound('The run has no such payee.');
        const items = explained.results
          .filter((r) => query.measure === undefined || r.measure === query.measure)
          .map((r) => ({ ...JSON.parse(JSON.stringify(r)), name: stored.name }));
        return c.json({ items, nextCursor: null } as never, 200);
      }
      const after = decodePairCursor(query.cursor);
      const rows = await listRunResults(db, {
        runId: run.id,
        entityIds,
        ...definedFields({ entityId: query.entityId, measure: query.measure }),
        ...(after ? { after: { entityId: after[0], measure: after[1] } } : {}),
        limit: query.limit + 1,
      });
      if (query.entityId !== undefined && rows.length === 0 && !query.cursor && query.measure === undefined) {
        throw problems.notFound('The run has no such payee.');
      }
      const page = pageOf(rows, query.limit, (last) => pairKey(last.entityId, last.measure));
      const items = page.items.map((r) => ({
        ...expandResultJson(r.entityId, r.measure, r.result),
        name: r.name,
      }));
      return c.json({ items, nextCursor: page.nextCursor } as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/runs/{id}/payments',
      operationId: 'listRunPayments',
      summary: 'Payments per payee with their lines; or the payment file (?format=csv or xlsx)',
      description:
        'JSON pages of payments, or the whole payment file: one row per payment line with payee id, name, program, fiscal year, line kind and the amount in dollars.cents (column amount_dollars), then a TOTAL row. CSV text cells that a spreadsheet would read as a formula start with an apostrophe. Submitters see their own payees of published runs (stage preliminary or final) only; another run answers 404.',
      roles: ROLES,
      request: {
        params: RunParams,
        query: z.object({
          entityId: EntityIdQuery,
          format: FileFormatQuery,
          ...PageQuery,
        }),
      },
      responses: {
        200: pageOrFile(
          'Payments, or the payment file',
          RunPaymentPageSchema,
          'payee_id,payee_name,program,fiscal_year,line_kind,amount_dollars\r\nPV-1,Sunrise,dds-qip,2026-27,base,45.00\r\nTOTAL,,dds-qip,2026-27,,45.00\r\n',
        ),
      },
      problems: [404, 409],
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { run, entityIds } = await visibleOutput(db, c.get('principal'), c.req.valid('param'), query);
      const filter = { runId: run.id, entityIds, ...definedFields({ entityId: query.entityId }) };
      if (query.format !== 'json') {
        const all: RunPayment[] = [];
        for (let after: string | undefined; ; ) {
          const page = await listRunPayments(db, {
            ...filter,
            limit: 5000,
            ...(after ? { afterEntityId: after } : {}),
          });
          all.push(...page);
          if (page.length < 5000) break;
          after = page[page.length - 1]!.entityId;
        }
        if (query.entityId !== undefined && all.length === 0)
          throw problems.notFound('The run has no such payee.');
        const ctx = { program: run.programId, fiscalYear: run.fiscalYear, runId: run.id };
        return (await fileAnswer(
          c,
          query.format,
          `payments-${run.programId}-${run.fiscalYear}-run-${run.id}`,
          {
            csv: () => paymentCsv(all, ctx),
            xlsx: () => paymentXlsx(all, ctx),
          },
        )) as never;
      }
      const rows = await listRunPayments(db, {
        ...filter,
        limit: query.limit + 1,
        ...(query.cursor ? { afterEntityId: decodeCursor(query.cursor) } : {}),
      });
      if (query.entityId !== undefined && rows.length === 0)
        throw problems.notFound('The run has no such payee.');
      return c.json(pageOf(rows, query.limit, (last) => last.entityId) as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/runs/{id}/diff',
      operationId: 'diffRuns',
      summary:
        'Compare a run with another, payee by payee: what changed, and which of its inputs (as-of date, rulebook, data) did',
      description:
        '`changedInputs` names every input that differs between the two runs, and `inputs` shows each side by side. Payees come a page at a time (`limit` payees, then `cursor`=`nextCursor`); a page holds every changed measure of each of its payees.',
      roles: ['admin', 'analyst'],
      request: {
        params: RunParams,
        query: z.object({
          against: z
            .string()
            .regex(/^[1-9]\d{0,14}$/)
            .openapi({ description: 'The other run', example: '11' }),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(5000)
            .default(500)
            .openapi({ description: 'Payees per page', example: 500 }),
          cursor: PageQuery.cursor,
        }),
      },
      responses: { 200: answer('What changed', RunDiffSchema) },
      problems: [404, 409],
    }),
    async (c) => {
      const query = c.req.valid('query');
      const run = await requireRun(db, c.req.valid('param').id);
      const against = await requireRun(db, query.against);
      requireOutput(run);
      requireOutput(against);
      const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
      return c.json(await runDiff(db, run, against, { limit: query.limit, after }), 200);
    },
  );

  return app;
}
