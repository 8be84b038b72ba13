import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { ApiKeyRole, Database } from '@quip/db';
import type { Kysely } from 'kysely';
import { requireRole } from '../auth/authenticate.ts';
import { bearerSecurity, type ProblemStatus, problemAnswers } from './common-schemas.ts';
import { IdempotencyHeaders, idempotency } from './idempotency.ts';

/** A JSON body or answer of the given schema. */
export const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

/** An operation as a route file declares it: what createRoute takes, less what every operation shares. */
type Operation = Omit<RouteConfig, 'tags' | 'security' | 'middleware'> & {
  /** The roles that may call it (403 for the others); any key's when absent. */
  roles?: readonly ApiKeyRole[];
  /** Takes an Idempotency-Key (the header documented, the answer recorded in this database). */
  idempotent?: Kysely<Database>;
  /** The problems the route gives itself (404, 409, ...); middleware's are documented for it. */
  problems?: readonly ProblemStatus[];
};

type ProblemsOf<R extends Operation> = R['problems'] extends readonly (infer S extends ProblemStatus)[]
  ? S
  : never;

/**
 * The operations of one tag of /api/v1: each declared with what is its own (method, path, texts,
 * request, success answers, the roles it admits, the problems it gives itself, whether it is
 * idempotent) and given the bearer security, the role check, the idempotency middleware and header,
 * and the problem answers by reference, so no route writes them out again.
 */
export function apiRoutes(tag: string) {
  return <const R extends Operation>(operation: R) => {
    const { roles, idempotent, problems = [], request, responses, ...own } = operation;
    return createRoute({
      ...own,
      ...((idempotent
        ? { request: { ...request, headers: IdempotencyHeaders } }
        : request
          ? { request }
          : {}) as Pick<R, 'request' & keyof R>),
      tags: [tag],
      security: bearerSecurity,
      middleware: [
        ...(roles ? [requireRole(...roles)] : []),
        ...(idempotent ? [idempotency(idempotent)] : []),
      ],
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
