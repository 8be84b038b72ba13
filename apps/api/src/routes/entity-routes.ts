import { OpenAPIHono, z } from '@hono/zod-openapi';
import { isPlainName } from '@quip/core';
import { appendAudit, type Database, findEntity, listEntities, upsertEntities } from '@quip/db';
import type { Kysely } from 'kysely';
import { requireRole } from '../auth/authenticate.ts';
import { canSeeEntity, scopedEntityIds } from '../auth/principal.ts';
import { readEntityUpload } from '../entities/upload-entities.ts';
import { lockWritableFiscalYear } from '../fiscal-years/writable-fiscal-year.ts';
import { apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import {
  bearerSecurity,
  bulkErrors,
  conflictError,
  FiscalYearParam,
  notFoundError,
  ProgramParam,
} from '../http/common-schemas.ts';
import { IdempotencyHeaders } from '../http/idempotency.ts';
import { problems } from '../http/problem.ts';
import { bodyFormatOf } from '../ingest/body-format.ts';
import { idempotentUpload } from '../ingest/idempotent-upload.ts';
import { decodeCursor, encodeCursor } from '../ingest/page-cursor.ts';
import { findProgramRulebook } from '../ingest/published-rulebook.ts';

const route = apiRoutes('payees');

export interface BulkRouteDependencies {
  db: Kysely<Database>;
  maxRowsPerRequest: number;
  /** The server's clock (receipt time of submissions). */
  clock: () => Date;
}

const EntitySchema = z
  .object({ id: z.string(), name: z.string() })
  .catchall(z.unknown())
  .openapi('Entity', {
    description: "A payee: its id, name and the program's payee fields (the rulebook's `payee.fields`).",
    example: { id: 'PR-0042', name: 'Valley Family Clinic', assignedMembers: 920, milestoneCount: 25 },
  });

const EntityPath = z.object({ fy: FiscalYearParam, program: ProgramParam });
const PATH = '/fiscal-years/{fy}/programs/{program}/entities';

const ListQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Search in id and name (case-insensitive)', example: 'pediatrics' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ example: 100 }),
  cursor: z
    .string()
    .optional()
    .openapi({ description: 'The nextCursor of the previous page', example: 'ImVwdC0wMDAyIg' }),
});
const RESERVED_QUERY = new Set(['q', 'limit', 'cursor']);

const toJson = (e: { id: string; name: string; attributes: Record<string, unknown> }) => ({
  ...e.attributes,
  id: e.id,
  name: e.name,
});

export function entityRoutes({ db, maxRowsPerRequest }: BulkRouteDependencies) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'get',
      path: PATH,
      operationId: 'listEntities',
      summary: 'Payees of a program, by id, a page at a time',
      description:
        'Any other query parameter filters on a payee field: `?serviceCode=950` keeps payees whose serviceCode is 950 (or whose list serviceCodes holds it). A submitter sees only its own payees.',
      request: { params: EntityPath, query: ListQuery },
      responses: {
        200: {
          description: 'One page of payees',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(EntitySchema), nextCursor: z.string().nullable() }),
              example: {
                items: [
                  { id: 'PR-0042', name: 'Valley Family Clinic', assignedMembers: 920, milestoneCount: 25 },
                ],
                nextCursor: null,
              },
            },
          },
        },
      },
      problems: [404],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const { q, limit, cursor } = c.req.valid('query');
      await findProgramRulebook(db, fy, program);
      const attributes: Record<string, string> = {};
      for (const [name, value] of Object.entries(c.req.query())) {
        if (RESERVED_QUERY.has(name)) continue;
        // The name is not echoed: it could be anything a client typed.
        if (!isPlainName(name)) {
          throw problems.badRequest(
            'A query parameter is neither q, limit, cursor nor a payee field name (letters, digits and underscores).',
          );
        }
        attributes[name] = value;
      }
      const rows = await listEntities(db, {
        fiscalYear: fy,
        programId: program,
        ids: scopedEntityIds(c.get('principal'), { program, fiscalYear: fy }),
        limit: limit + 1,
        attributes,
        ...(q ? { q } : {}),
        ...(cursor ? { afterId: decodeCursor(cursor) } : {}),
      });
      const page = rows.slice(0, limit);
      const nextCursor = rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null;
      return c.json({ items: page.map(toJson), nextCursor }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${PATH}/{id}`,
      operationId: 'getEntity',
      summary: 'One payee',
      request: {
        params: EntityPath.extend({
          id: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: 'id', in: 'path' }, example: 'PR-0042' }),
        }),
      },
      responses: {
        200: { description: 'The payee', content: { 'application/json': { schema: EntitySchema } } },
      },
      problems: [404],
    }),
    async (c) => {
      const { fy, program, id } = c.req.valid('param');
      await findProgramRulebook(db, fy, program);
      const entity = canSeeEntity(c.get('principal'), { program, fiscalYear: fy }, id)
        ? await findEntity(db, { fiscalYear: fy, programId: program }, id)
        : null;
      if (!entity) throw problems.notFound('No such payee.');
      return c.json(toJson(entity), 200);
    },
  );

  // The body is streamed, so it is documented here and read by the handler, not by a validator.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: PATH,
    operationId: 'upsertEntities',
    tags: ['payees'],
    summary: 'Add or replace payees (JSON array, NDJSON or CSV)',
    description:
      "Upserts payees by id. In CSV, one column per field: `id`, `name` and the payee fields; numbers and booleans are parsed and list fields are `;`-separated, as the rulebook's payee field schema types them. The batch is checked whole: any bad row rejects it (422, every bad row in `errors`) and nothing is stored. Admins only: payee fields are the inputs of a payee's own payment (rates, units, capitation, members), so a submitter reads its own payees and may not write them (403).",
    security: bearerSecurity,
    request: {
      params: EntityPath,
      headers: IdempotencyHeaders,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.array(EntitySchema),
            example: [
              { id: 'PR-0042', name: 'Valley Family Clinic', assignedMembers: 920, milestoneCount: 25 },
            ],
          },
          'application/x-ndjson': {
            schema: z.string(),
            example:
              '{"id":"PR-0042","name":"Valley Family Clinic","assignedMembers":920,"milestoneCount":25}\n',
          },
          'text/csv': {
            schema: z.string(),
            example: 'id,name,assignedMembers,milestoneCount\nPR-0042,Valley Family Clinic,920,25\n',
          },
        },
      },
    },
    responses: {
      200: {
        description: 'The payees were stored',
        content: {
          'application/json': {
            schema: z.object({
              rows: z.number().int(),
              inserted: z.number().int(),
              updated: z.number().int(),
            }),
            example: { rows: 1, inserted: 1, updated: 0 },
          },
        },
      },
      ...notFoundError,
      ...conflictError,
      ...bulkErrors,
    },
  });
  app.post('/fiscal-years/:fy/programs/:program/entities', requireRole('admin'), async (c) => {
    const params = EntityPath.safeParse(c.req.param());
    if (!params.success) throw problems.notFound('No resource at this path for this method.');
    const { fy, program } = params.data;
    const format = bodyFormatOf(c.req.header('content-type'));
    const principal = c.get('principal');
    const published = await findProgramRulebook(db, fy, program, { forWrite: true });
    return idempotentUpload(c, db, async (body, recordAnswer) => {
      const upload = await readEntityUpload(body, format, {
        payeeFields: published?.compiled.rulebook.payee?.fields ?? null,
        scope: scopedEntityIds(principal, { program, fiscalYear: fy }),
        maxRows: maxRowsPerRequest,
      });
      if (upload.foreignRows.length > 0) throw problems.notFound('No such payee.');
      const answer = await db.transaction().execute(async (trx) => {
        await lockWritableFiscalYear(trx, fy);
        const counts = await upsertEntities(trx, { fiscalYear: fy, programId: program }, upload.entities);
        const result = { rows: upload.entities.length, ...counts };
        await appendAudit(trx, {
          actor: principal.keyId,
          action: 'entities.upsert',
          subject: `${program}/${fy}`,
          details: { format, ...result },
        });
        await recordAnswer(trx, 200, result);
        return result;
      });
      return c.json(answer, 200);
    });
  });

  return app;
}
