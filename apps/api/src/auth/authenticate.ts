import { type Database, findActiveApiKeyByHash } from '@quip/db';
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../http/app-env.ts';
import { type Problem, problemResponse, problems } from '../http/problem.ts';
import { type AuthFailureGate, clientAddress } from '../limits/auth-failure-limiter.ts';
import { hashApiKey } from './api-key-secret.ts';
import { type Principal, parseKeyScope } from './principal.ts';

/**
 * `Authorization: Bearer <api key>`; anything else is 401 with the same message, whatever was
 * wrong. With a gate, failures are counted per client address and an address over its limit is
 * answered 429 (Retry-After) before its key is looked at.
 */
export function authenticate(db: Kysely<Database>, gate?: AuthFailureGate): MiddlewareHandler<AppEnv> {
  const refuse = (c: Parameters<MiddlewareHandler<AppEnv>>[0], problem: Problem) => {
    c.header('Retry-After', String(problem.extensions.retryAfter));
    return problemResponse(c, problem);
  };
  return async (c, next) => {
    const address = gate ? clientAddress(c) : undefined;
    const blocked = await gate?.blocked(address);
    if (blocked) return refuse(c, blocked);
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const record = match ? await findActiveApiKeyByHash(db, hashApiKey(match[1]!)) : null;
    if (!record) {
      const over = await gate?.failed(address);
      if (over) return refuse(c, over);
      throw problems.unauthorized('A valid API key is required: send `Authorization: Bearer <api key>`.');
    }
    const principal: Principal = {
      keyId: record.id,
      name: record.name,
      role: record.role,
      scope: parseKeyScope(record.entityIds),
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
