import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { ApiKeyRole } from '@quip/db';
import type { MiddlewareHandler } from 'hono';
import { requireRole } from '../auth/authenticate.ts';
import type { AppEnv } from './app-env.ts';
import { bearerSecurity, type ProblemStatus, problemAnswers } from './common-schemas.ts';

/** A JSON body or answer of the given schema. */
export const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

/** An operation as a route file declares it: what createRoute takes, less what every operation shares. */
type Operation = Omit<RouteConfig, 'tags' | 'security' | 'middleware'> & {
  /** The roles that may call it (403 for the others); any key's when absent. */
  roles?: readonly ApiKeyRole[];
  /** Middleware after the role check (e.g. idempotency). */
  use?: readonly MiddlewareHandler<AppEnv>[];
  /** The problems the route gives itself (404, 409, ...); middleware's are documented for it. */
  problems?: readonly ProblemStatus[];
};

type ProblemsOf<R extends Operation> = R['problems'] extends readonly (infer S extends ProblemStatus)[]
  ? S
  : never;

/**
 * The operations of one tag of /api/v1: each declared with what is its own (method, path, texts,
 * request, success answers, the roles it admits, the problems it gives itself) and given the bearer
 * security, the role check and the problem answers by reference, so no route writes them out again.
 */
export function apiRoutes(tag: string) {
  return <const R extends Operation>(operation: R) => {
    const { roles, use = [], problems = [], responses, ...own } = operation;
    return createRoute({
      ...own,
      tags: [tag],
      security: bearerSecurity,
      middleware: [...(roles ? [requireRole(...roles)] : []), ...use],
      responses: { ...responses, ...problemAnswers(...problems) } as R['responses'] &
        Record<ProblemsOf<R>, { $ref: string }>,
    });
  };
}

/** A success answer: its description and its JSON schema. */
export const answer = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: json(schema),
});

/** The answer of a route that streams server-sent events, shown by an example of them. */
export const eventStream = (example: string) => ({
  description: 'An event stream',
  content: { 'text/event-stream': { schema: z.string().openapi({ example }) } },
});
