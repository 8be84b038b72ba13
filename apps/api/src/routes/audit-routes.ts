import { OpenAPIHono, z } from '@hono/zod-openapi';
import { type Database, listAudit, verifyAuditChain } from '@quip/db';
import type { Kysely } from 'kysely';
import { apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';

const route = apiRoutes('audit');

const AUDIT_ENTRY_EXAMPLE = {
  id: 42,
  at: '2026-06-15T17:02:11.000Z',
  actor: '0b6f2a52-7d43-4c1e-9a51-4c8e1f0d2a17',
  actorName: 'Program office',
  action: 'rulebook.publish',
  subject: 'dhcs-ept/2026-27',
  details: { version: 2, revision: 5, contentHash: '9d1c6a0f…' },
  hash: '5be1f0c2…',
};

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.string().nullable().openapi({ description: 'id of the API key; null for Quip itself' }),
    actorName: z
      .string()
      .nullable()
      .openapi({ description: 'name of the API key that acted; null for Quip itself or a key not known' }),
    action: z.string(),
    subject: z.string(),
    details: z.record(z.string(), z.unknown()).openapi({ description: 'ids and counts only' }),
    hash: z.string().openapi({ description: "sha256 over the entry and the previous entry's hash" }),
  })
  .openapi('AuditEntry', { example: AUDIT_ENTRY_EXAMPLE });

const AuditPageSchema = z
  .object({
    items: z.array(AuditEntrySchema),
    nextAfter: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'pass as `after` for the next page; null at the end' }),
    intact: z
      .boolean()
      .optional()
      .openapi({ description: 'with verify=1: whether the whole hash chain recomputes' }),
    firstBrokenId: z.number().int().nullable().optional().openapi({
      description: 'with verify=1: the first entry whose hash does not match, or null',
    }),
  })
  .openapi('AuditPage', {
    example: {
      items: [{ ...AUDIT_ENTRY_EXAMPLE, details: { version: 2 } }],
      nextAfter: null,
      intact: true,
      firstBrokenId: null,
    },
  });

const AuditQuery = z.object({
  action: z
    .string()
    .max(100)
    .optional()
    .openapi({ param: { name: 'action', in: 'query' }, example: 'rulebook.publish' }),
  subject: z
    .string()
    .max(300)
    .optional()
    .openapi({ param: { name: 'subject', in: 'query' }, example: 'dhcs-ept/2026-27' }),
  actionContains: z
    .string()
    .max(100)
    .optional()
    .openapi({
      param: { name: 'actionContains', in: 'query' },
      example: 'publish',
      description: 'part of the action, any case',
    }),
  program: z
    .string()
    .max(100)
    .optional()
    .openapi({
      param: { name: 'program', in: 'query' },
      example: 'ept',
      description: 'part of the program of a `{program}/{fiscalYear}` subject, any case',
    }),
  fiscalYear: z
    .string()
    .max(20)
    .optional()
    .openapi({
      param: { name: 'fiscalYear', in: 'query' },
      example: '2026',
      description: 'part of the fiscal year the subject names',
    }),
  key: z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: 'key', in: 'query' },
      example: 'office',
      description: "part of the acting key's name or id, any case",
    }),
  after: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'after', in: 'query' }, example: 0, description: 'entries with a larger id' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .openapi({ param: { name: 'limit', in: 'query' }, example: 100 }),
  verify: z
    .enum(['0', '1'])
    .optional()
    .openapi({
      param: { name: 'verify', in: 'query' },
      example: '1',
      description: '1: recompute the hash chain',
    }),
});

/** The append-only, hash-chained audit log: who changed or submitted what, and when (admins). */
export function auditRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    route({
      method: 'get',
      path: '/audit',
      operationId: 'listAuditEntries',
      summary: 'Who changed or submitted what, and when, oldest first (admins)',
      roles: ['admin'],
      request: { query: AuditQuery },
      responses: {
        200: {
          description: 'One page of entries',
          content: { 'application/json': { schema: AuditPageSchema } },
        },
      },
    }),
    async (c) => {
      const { action, subject, after, limit, verify, actionContains, program, fiscalYear, key } =
        c.req.valid('query');
      const rows = await listAudit(db, {
        afterId: after,
        limit,
        action,
        subject,
        actionContains,
        program,
        fiscalYear,
        key,
      });
      const items = rows.map(({ prevHash: _prevHash, ...row }) => row);
      const nextAfter = rows.length === limit ? (rows.at(-1)?.id ?? null) : null;
      if (verify !== '1') return c.json({ items, nextAfter }, 200);
      const firstBrokenId = await verifyAuditChain(db);
      return c.json({ items, nextAfter, intact: firstBrokenId === null, firstBrokenId }, 200);
    },
  );
  return app;
}
