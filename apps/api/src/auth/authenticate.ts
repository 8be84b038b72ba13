import { type Database, findActiveApiKeyByHash } from '@quip/db';
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../http/app-env.ts';
import { problems } from '../http/problem.ts';
import { hashApiKey } from './api-key-secret.ts';
import type { Principal } from './principal.ts';

/** `Authorization: Bearer <api key>`; anything else is 401 with the same message, whatever was wrong. */
export function authenticate(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const record = match ? await findActiveApiKeyByHash(db, hashApiKey(match[1]!)) : null;
    if (!record) {
      throw problems.unauthorized('A valid API key is required: send `Authorization: Bearer <api key>`.');
    }
    const principal: Principal = {
      keyId: record.id,
      name: record.name,
      role: record.role,
      entityIds: record.entityIds,
    };
    c.set('principal', principal);
    await next();
  };
}

/** Only the listed roles may continue; the others get 403. */
export function requireRole(...roles: Principal['role'][]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('principal').role)) {
      throw problems.forbidden(`This needs the ${roles.join(' or ')} role.`);
    }
    await next();
  };
}
