import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listSubmissions } from '@quip/db';
import { requireRole } from '../auth/authenticate.ts';
import { canSeeEntity, scopedEntityIds } from '../auth/principal.ts';
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
import { idempotentUpload, type RecordAnswer } from '../ingest/idempotent-upload.ts';
import { decodeCursor, encodeCursor } from '../ingest/page-cursor.ts';
import { findProgramRulebook, requireProgramRulebook } from '../ingest/published-rulebook.ts';
import { ingestSubmissions } from '../submissions/ingest-submissions.ts';
import { payeesForChecks } from '../submissions/payees-for-checks.ts';
import { receiptTime } from '../submissions/receipt-time.ts';
import type { BulkRouteDependencies } from './entity-routes.ts';
import { SUBMISSION_SCHEMA_PATH } from './submission-schema-routes.ts';

const SubmissionFieldValueSchema = z
  .union([z.number(), z.string(), z.boolean(), z.array(z.unknown()), z.null()])
  .openapi('SubmissionFieldValue', {
    description:
      "A field's value, by the field's type in the rulebook: a number, a string, a boolean, a date (a string YYYY-MM-DD) or a list; null or '' is an absent field",
    example: 3,
  });

const SubmissionDataSchema = z.record(z.string(), SubmissionFieldValueSchema).openapi('SubmissionData', {
  description: `The record's fields, by the measure's field schema in the published rulebook (\`fields\`): no other field is taken. GET /api/v1${SUBMISSION_SCHEMA_PATH} answers the JSON Schema of a measure's rows, to validate them before sending.`,
  example: { milestone: 3, completedOn: '2026-09-30' },
});

const SubmissionSchema = z
  .object({
    entityId: z.string(),
    measure: z.string(),
    period: z.string(),
    submittedOn: z.string().optional().openapi({
      format: 'date',
      description:
        "Admins only, to load historic records: the day the record counts as received. A submitter's row with it is refused: the server records when it received each batch.",
    }),
    data: SubmissionDataSchema,
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

const ProblemRow = z.object({ row: z.number().int(), path: z.string(), message: z.string() });

const STORED_EXAMPLE = {
  id: 17,
  batchId: 3,
  entityId: 'PR-0042',
  measure: 'ept-milestone',
  period: '2026-27',
  submittedOn: '2026-10-01',
  receivedAt: '2026-10-01T17:04:05.000Z',
  declaredOn: null,
  keyName: 'Valley Family Clinic uploads',
  data: { milestone: 3, completedOn: '2026-09-30' },
  findings: [],
};

const StoredSubmissionSchema = SubmissionSchema.extend({
  id: z.number().int(),
  batchId: z.number().int(),
  submittedOn: z.string().openapi({
    format: 'date',
    description:
      "The day it counts as received for timeliness: declaredOn, or receivedAt's day in the program's time zone",
  }),
  receivedAt: z
    .string()
    .openapi({ format: 'date-time', description: "The server's clock when its batch was accepted" }),
  declaredOn: z.string().nullable().openapi({
    format: 'date',
    description: 'A submittedOn an admin declared for a historic record; null otherwise',
  }),
  keyName: z.string().nullable().openapi({ description: 'The name of the API key that sent it' }),
  findings: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .openapi({ description: 'Completeness and accuracy findings when received (empty: none)' }),
}).openapi('StoredSubmission', { example: STORED_EXAMPLE });

const BatchAnswerSchema = z
  .object({
    batchId: z.number().int().nullable().openapi({ description: 'null for a dry run: nothing was stored' }),
    rows: z.number().int(),
    receivedAt: z.string().openapi({ format: 'date-time' }),
    receivedOn: z.string().openapi({ format: 'date' }),
    replaced: z.number().int().openapi({ description: 'rows that made a new version of a stored record' }),
    warnings: z.array(ProblemRow).openapi({ description: 'findings of stored rows (the first 1,000)' }),
    warningCount: z.number().int(),
  })
  .openapi('SubmissionBatch');

const BATCH_ANSWER_EXAMPLE = {
  batchId: 3,
  rows: 2,
  receivedAt: '2026-10-01T17:04:05.000Z',
  receivedOn: '2026-10-01',
  replaced: 1,
  warnings: [{ row: 2, path: 'data.email', message: 'email has no @' }],
  warningCount: 1,
};

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

export function submissionRoutes({ db, maxRowsPerRequest, clock }: BulkRouteDependencies) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: PATH,
      operationId: 'listSubmissions',
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
                items: [STORED_EXAMPLE],
                nextCursor: null,
              },
            },
          },
        },
        ...notFoundError,
      },
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const query = c.req.valid('query');
      const principal = c.get('principal');
      await findProgramRulebook(db, fy, program);
      const where = { program, fiscalYear: fy };
      if (query.entityId !== undefined && !canSeeEntity(principal, where, query.entityId)) {
        throw problems.notFound('No such payee.');
      }
      const rows = await listSubmissions(db, {
        fiscalYear: fy,
        programId: program,
        entityIds: scopedEntityIds(principal, where),
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
    operationId: 'uploadSubmissions',
    tags: ['submissions'],
    summary: 'Submit data in bulk (JSON array, NDJSON or CSV); stored whole or not at all',
    description: [
      'Each row is checked against the published rulebook, by the same rules preview and runs apply: a known payee (a payee outside the key\'s scope is reported as "unknown payee", exactly like one that does not exist), a measure that takes submissions and applies to the payee, one of its periods, `data` by the measure\'s field schema, and no two rows for the same payee, measure, period and record.',
      "**Errors** (the record cannot be read as the rulebook defines it: unknown measure or field, wrong type, a value outside its enum or bounds, a date outside its window, a missing record key, a foreign period, a measure that does not apply): any such row rejects the batch: 422 with every bad row in `errors` (the first 1,000; `detail` counts the rest), nothing stored. **Findings** (a reporting measure's missing required field, a failed accuracy rule): the row is stored and flagged, listed in `warnings`; the reporting measure scores it incomplete or inaccurate and no rate reads it.",
      "**Receipt time is the server's**: every record carries `receivedAt`, and is timely when received by the end of its due date in the program's time zone (rulebook `timeZone`, default America/Los_Angeles). `submittedOn` is refused from a submitter; an admin may declare it to load historic records (kept, shown beside receivedAt, audited). `?dryRun=1` checks the file and answers the same body with 200, storing nothing. A resubmission of a record makes a new version (`replaced` counts them); the old one stays in the history.",
      'CSV columns: `entityId,measure,period,submittedOn,data.<field>,...` (numbers and booleans are parsed, list fields are `;`-separated, an empty cell is an absent field). The body is streamed: files of millions of rows are fine up to the body and row limits (413).',
    ].join('\n\n'),
    security: bearerSecurity,
    request: {
      params: Path,
      headers: IdempotencyHeaders,
      query: z.object({
        dryRun: z
          .enum(['0', '1'])
          .optional()
          .openapi({ description: '1: check and answer, store nothing', example: '1' }),
      }),
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
      200: {
        description: 'A dry run (`?dryRun=1`): what the upload would answer; nothing was stored',
        content: {
          'application/json': {
            schema: BatchAnswerSchema,
            example: { ...BATCH_ANSWER_EXAMPLE, batchId: null },
          },
        },
      },
      201: {
        description: 'The batch was stored',
        content: {
          'application/json': {
            schema: BatchAnswerSchema,
            example: BATCH_ANSWER_EXAMPLE,
          },
        },
      },
      ...notFoundError,
      ...conflictError,
      ...bulkErrors,
    },
  });
  app.post(
    '/fiscal-years/:fy/programs/:program/submissions',
    requireRole('admin', 'submitter'),
    async (c) => {
      const params = Path.safeParse(c.req.param());
      if (!params.success) throw problems.notFound('No resource at this path for this method.');
      const { fy, program } = params.data;
      const format = bodyFormatOf(c.req.header('content-type'));
      const principal = c.get('principal');
      const published = await requireProgramRulebook(db, fy, program);
      const scoped = scopedEntityIds(principal, { program, fiscalYear: fy });
      const scope = scoped === null ? null : new Set(scoped);
      const payeeOf = await payeesForChecks(db, { fiscalYear: fy, programId: program }, scope);
      const dryRun = c.req.query('dryRun') === '1';
      const upload = (body: ReadableStream<Uint8Array>, recordAnswer: RecordAnswer) =>
        ingestSubmissions(
          db,
          body,
          {
            fiscalYear: fy,
            programId: program,
            compiled: published.compiled,
            payeeOf,
            keyId: principal.keyId,
            format,
            ...receiptTime(clock(), published.compiled),
            mayDeclare: principal.role === 'admin',
            dryRun,
            maxRows: maxRowsPerRequest,
          },
          recordAnswer,
        );
      // A dry run stores nothing, its answer included: it needs no Idempotency-Key.
      if (dryRun) return c.json(await upload(c.req.raw.body ?? new Blob([]).stream(), async () => {}), 200);
      return idempotentUpload(c, db, async (body, recordAnswer) =>
        c.json(await upload(body, recordAnswer), 201),
      );
    },
  );

  return app;
}
