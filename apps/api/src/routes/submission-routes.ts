import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listEntityIds, listSubmissions } from '@quip/db';
import { requireRole } from '../auth/authenticate.ts';
import { canSeeEntity } from '../auth/principal.ts';
import type { AppEnv } from '../http/app-env.ts';
import {
  authErrors,
  bearerSecurity,
  conflictError,
  FiscalYearParam,
  notFoundError,
  ProgramParam,
  unprocessableError,
} from '../http/common-schemas.ts';
import { IdempotencyHeaders } from '../http/idempotency.ts';
import { problems } from '../http/problem.ts';
import { bodyFormatOf } from '../ingest/body-format.ts';
import { bulkErrors } from '../ingest/bulk-responses.ts';
import { idempotentUpload } from '../ingest/idempotent-upload.ts';
import { decodeCursor, encodeCursor } from '../ingest/page-cursor.ts';
import { findProgramRulebook, requireProgramRulebook } from '../ingest/published-rulebook.ts';
import { ingestSubmissions } from '../submissions/ingest-submissions.ts';
import type { BulkRouteDependencies } from './entity-routes.ts';

const SubmissionSchema = z
  .object({
    entityId: z.string(),
    measure: z.string(),
    period: z.string(),
    submittedOn: z
      .string()
      .optional()
      .openapi({ format: 'date', description: 'Default: the day received (UTC)' }),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('Submission', {
    example: {
      entityId: 'PR-0042',
      measure: 'ept-milestone',
      period: '2026-27',
      submittedOn: '2026-10-01',
      data: { milestone: 3, completedOn: '2026-09-30' },
    },
  });

const StoredSubmissionSchema = SubmissionSchema.extend({
  id: z.number().int(),
  batchId: z.number().int(),
  submittedOn: z.string().openapi({ format: 'date' }),
}).openapi('StoredSubmission');

const Path = z.object({ fy: FiscalYearParam, program: ProgramParam });
const PATH = '/fiscal-years/{fy}/programs/{program}/submissions';

const ListQuery = z.object({
  entityId: z.string().max(200).optional().openapi({ example: 'PR-0042' }),
  measure: z.string().max(200).optional().openapi({ example: 'ept-milestone' }),
  period: z.string().max(20).optional().openapi({ example: '2026-27' }),
  history: z.enum(['0', '1']).default('0').openapi({
    description: '1: every version, oldest first; 0: only the current version of each record',
    example: '0',
  }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ example: 100 }),
  cursor: z
    .string()
    .optional()
    .openapi({ description: 'The nextCursor of the previous page', example: 'MTIzNDU' }),
});

const today = () => new Date().toISOString().slice(0, 10);

export function submissionRoutes({ db, maxRowsPerRequest }: BulkRouteDependencies) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: PATH,
      tags: ['submissions'],
      summary: 'Submitted data: the current version of each record, or its whole history',
      description:
        'A resubmission makes a new version and keeps the old one: the current version of a record (payee x measure x period x record key) is the latest stored. A submitter sees only its own payees.',
      security: bearerSecurity,
      request: { params: Path, query: ListQuery },
      responses: {
        200: {
          description: 'One page of submissions, by id',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(StoredSubmissionSchema), nextCursor: z.string().nullable() }),
              example: {
                items: [
                  {
                    id: 17,
                    batchId: 3,
                    entityId: 'PR-0042',
                    measure: 'ept-milestone',
                    period: '2026-27',
                    submittedOn: '2026-10-01',
                    data: { milestone: 3, completedOn: '2026-09-30' },
                  },
                ],
                nextCursor: null,
              },
            },
          },
        },
        ...authErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const query = c.req.valid('query');
      const principal = c.get('principal');
      await findProgramRulebook(db, fy, program);
      if (query.entityId !== undefined && !canSeeEntity(principal, query.entityId)) {
        throw problems.notFound('No such payee.');
      }
      const rows = await listSubmissions(db, {
        fiscalYear: fy,
        programId: program,
        entityIds: principal.entityIds,
        history: query.history === '1',
        limit: query.limit + 1,
        ...(query.entityId !== undefined ? { entityId: query.entityId } : {}),
        ...(query.measure !== undefined ? { measure: query.measure } : {}),
        ...(query.period !== undefined ? { period: query.period } : {}),
        ...(query.cursor ? { afterId: decodeCursor(query.cursor, 'number') } : {}),
      });
      const page = rows.slice(0, query.limit);
      const nextCursor = rows.length > query.limit ? encodeCursor(page[page.length - 1]!.id) : null;
      return c.json({ items: page, nextCursor }, 200);
    },
  );

  // The body is streamed, so it is documented here and read by the handler, not by a validator.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: PATH,
    tags: ['submissions'],
    summary: 'Submit data in bulk (JSON array, NDJSON or CSV); stored whole or not at all',
    description: [
      'Each row is checked against the published rulebook: a known payee (a payee outside the key\'s scope is reported as "unknown payee", exactly like one that does not exist), a known measure, a period, `submittedOn` a real day (default: the day received, UTC), `data` by the measure\'s field schema (types, required fields, enums, bounds, rules), and no two rows for the same payee, measure, period and record.',
      'Any bad row rejects the batch: 422 with every bad row in `errors` (the first 1,000; `detail` counts the rest), nothing stored. A resubmission of a record makes a new version; the old one stays in the history.',
      'CSV columns: `entityId,measure,period,submittedOn,data.<field>,...` (numbers and booleans are parsed, list fields are `;`-separated, an empty cell is an absent field). The body is streamed: files of millions of rows are fine up to the body and row limits (413).',
    ].join('\n\n'),
    security: bearerSecurity,
    request: {
      params: Path,
      headers: IdempotencyHeaders,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.array(SubmissionSchema),
            example: [
              {
                entityId: 'PR-0042',
                measure: 'ept-milestone',
                period: '2026-27',
                data: { milestone: 3, completedOn: '2026-09-30' },
              },
            ],
          },
          'application/x-ndjson': {
            schema: z.string(),
            example:
              '{"entityId":"PR-0042","measure":"ept-milestone","period":"2026-27","data":{"milestone":3,"completedOn":"2026-09-30"}}\n',
          },
          'text/csv': {
            schema: z.string(),
            example:
              'entityId,measure,period,submittedOn,data.milestone,data.completedOn\nPR-0042,ept-milestone,2026-27,2026-10-01,3,2026-09-30\n',
          },
        },
      },
    },
    responses: {
      201: {
        description: 'The batch was stored',
        content: {
          'application/json': {
            schema: z.object({ batchId: z.number().int(), rows: z.number().int(), receivedOn: z.string() }),
            example: { batchId: 3, rows: 1, receivedOn: '2026-10-01' },
          },
        },
      },
      ...authErrors,
      ...notFoundError,
      ...conflictError,
      ...bulkErrors,
      ...unprocessableError,
    },
  });
  app.post(
    '/fiscal-years/:fy/programs/:program/submissions',
    requireRole('admin', 'submitter'),
    async (c) => {
      const params = Path.safeParse(c.req.param());
      if (!params.success) throw problems.notFound(`No resource at ${c.req.method} ${c.req.path}.`);
      const { fy, program } = params.data;
      const format = bodyFormatOf(c.req.header('content-type'));
      const principal = c.get('principal');
      const published = await requireProgramRulebook(db, fy, program);
      const existing = await listEntityIds(db, { fiscalYear: fy, programId: program });
      const scope = principal.entityIds;
      const entities = new Set(scope === null ? existing : existing.filter((id) => scope.includes(id)));
      return idempotentUpload(c, db, async (body, recordAnswer) => {
        const answer = await ingestSubmissions(
          db,
          body,
          {
            fiscalYear: fy,
            programId: program,
            compiled: published.compiled,
            entities,
            keyId: principal.keyId,
            format,
            receivedOn: today(),
            maxRows: maxRowsPerRequest,
          },
          recordAnswer,
        );
        return c.json(answer, 201);
      });
    },
  );

  return app;
}
