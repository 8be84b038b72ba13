import { randomUUID } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { canonicalJson } from '@quip/core';
import {
  type ApiKeyRecord,
  appendAudit,
  countActiveAdminKeys,
  type Database,
  findApiKey,
  insertApiKey,
  listApiKeys,
  lockApiKeys,
  ROLES,
  revokeApiKey,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-key-secret.ts';
import { resolveKeyScope, type ScopeItem, ScopeItemSchema } from '../auth/resolve-key-scope.ts';
import { answer, apiRoutes, json } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import {
  createRequestHasher,
  IdempotencyHeaders,
  replayAnswer,
  startIdempotent,
} from '../http/idempotency.ts';
import { problems } from '../http/problem.ts';

const route = apiRoutes('api keys');

const API_KEY_EXAMPLE = {
  id: '0b6f2a52-7d43-4c1e-9a51-4c8e1f0d2a17',
  name: 'Regional center upload key',
  role: 'submitter' as const,
  entityIds: ['dds-qip:PV-000123'],
  keyPrefix: 'quip_Xk3vQ9',
  createdAt: '2026-07-01T08:00:00.000Z',
  revokedAt: null,
};

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    entityIds: z.array(z.string()).nullable().openapi({
      description:
        'null = every payee; else the payees the key may see and submit for, each `program:entityId` or `program/fiscalYear:entityId`',
    }),
    keyPrefix: z.string().openapi({ description: 'The first characters of the key, to tell keys apart' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    revokedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('ApiKey', { example: API_KEY_EXAMPLE });

const NewApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    entityIds: z.array(ScopeItemSchema).max(100_000).optional().openapi({
      description:
        'Required for submitter keys: the payees they may see and submit for, each named with its program (and optionally a fiscal year). Other roles see all.',
    }),
  })
  .strict()
  .openapi('NewApiKey', {
    example: {
      name: 'Regional center upload key',
      role: 'submitter',
      entityIds: ['dds-qip:PV-000123', { program: 'dhcs-ept', fiscalYear: '2026-27', entityId: 'PR-0042' }],
    },
  });

const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().nullable().openapi({
    description:
      'The secret, shown this once (only its hash is stored). null when an Idempotency-Key replay answers: the secret is never stored, so a replay cannot show it again.',
  }),
}).openapi('CreatedApiKey', {
  example: {
    ...API_KEY_EXAMPLE,
    key: 'quip_Xk3vQ9mZ0b1c2d3e4f5g6h7i8j9k0l1m2n3o4p5q6r',
  },
});

const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: API_KEY_EXAMPLE.id }),
});

/** The scope rules a schema cannot say: submitters need payees; the others see everything. */
function scopeProblem(role: ApiKeyRecord['role'], entityIds: readonly ScopeItem[] | undefined) {
  if (role === 'submitter' && (!entityIds || entityIds.length === 0)) {
    return 'a submitter key needs entityIds: the payees it may see and submit for';
  }
  if (role !== 'submitter' && entityIds !== undefined) {
    return `an ${role} key sees every payee; entityIds scope submitter keys only`;
  }
  return null;
}

/** API keys, admins only: listed without secrets, created with the secret shown once, revoked. */
export function apiKeyRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'get',
      path: '/api-keys',
      operationId: 'listApiKeys',
      summary: 'Every API key, active and revoked, without secrets (admins)',
      roles: ['admin'],
      responses: { 200: answer('The keys, oldest first', z.object({ items: z.array(ApiKeySchema) })) },
    }),
    async (c) => c.json({ items: await listApiKeys(db) }, 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api-keys',
      operationId: 'createApiKey',
      summary: 'Create an API key; the secret is in this answer only (admins)',
      roles: ['admin'],
      request: { headers: IdempotencyHeaders, body: { required: true, content: json(NewApiKeySchema) } },
      responses: { 201: answer('The key and its secret', CreatedApiKeySchema) },
      problems: [422],
    }),
    async (c) => {
      const body = c.req.valid('json');
      const scope = scopeProblem(body.role, body.entityIds);
      if (scope) throw problems.unprocessable(scope, [{ row: 0, path: 'entityIds', message: scope }]);

      const requestHash = createRequestHasher(c).update(canonicalJson(body)).digest('hex');
      const start = await startIdempotent(c, db, requestHash);
      // The stored answer is typed like this route's own (it is one), without the secret.
      if (start.kind === 'replay') return replayAnswer(c, start.record, requestHash) as never;

      const secret = generateApiKey();
      const actor = c.get('principal').keyId;
      let entityIds: string[] | null = null;
      if (body.entityIds) {
        const resolved = await resolveKeyScope(db, body.entityIds);
        if (resolved.errors.length > 0) {
          if (start.kind === 'claimed') await start.claim.release();
          throw problems.unprocessable(
            'Some entityIds name no payee this key can be scoped to.',
            resolved.errors,
          );
        }
        entityIds = resolved.entries;
      }
      try {
        const created = await db.transaction().execute(async (trx) => {
          const id = randomUUID();
          await insertApiKey(trx, {
            id,
            name: body.name,
            role: body.role,
            entityIds,
            keyHash: hashApiKey(secret),
            keyPrefix: apiKeyPrefix(secret),
            createdBy: actor,
          });
          const record = (await findApiKey(trx, id))!;
          await appendAudit(trx, {
            actor,
            action: 'api-key.create',
            subject: `api-key/${id}`,
            details: { role: body.role, entityCount: entityIds?.length ?? null },
          });
          // The stored answer of a replay never holds the secret.
          if (start.kind === 'claimed')
            await start.claim.complete(trx, requestHash, 201, { ...record, key: null });
          return record;
        });
        return c.json({ ...created, key: secret }, 201);
      } catch (error) {
        if (start.kind === 'claimed') await start.claim.release();
        throw error;
      }
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/api-keys/{id}',
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key (admins)',
      description:
        'Revoking is idempotent: an already revoked key answers 204 again. The last active admin key cannot be revoked (409): create another admin key first.',
      roles: ['admin'],
      request: { params: IdParams },
      responses: {
        204: { description: 'Revoked; the key answers 401 from now on' },
      },
      problems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await db.transaction().execute(async (trx) => {
        await lockApiKeys(trx);
        const key = await findApiKey(trx, id);
        if (!key) throw problems.notFound(`API key ${id} does not exist.`);
        if (key.revokedAt !== null) return;
        if (key.role === 'admin' && (await countActiveAdminKeys(trx)) <= 1) {
          throw problems.conflict(
            'This is the last active admin key; create another admin key before revoking it.',
          );
        }
        await revokeApiKey(trx, id);
        await appendAudit(trx, {
          actor: c.get('principal').keyId,
          action: 'api-key.revoke',
          subject: `api-key/${id}`,
          details: { role: key.role },
        });
      });
      return c.body(null, 204);
    },
  );

  return app;
}
