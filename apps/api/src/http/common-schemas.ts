import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { IDEMPOTENCY_HEADER } from './idempotency.ts';
import { ProblemSchema } from './problem.ts';

/**
 * The problem answers, each defined once under `components.responses` and referenced by every
 * operation that can give it: the ones middleware gives (authentication, the rate limit, the body
 * guard, parameter validation) are added to the document by `documentStandardAnswers`, where that
 * middleware applies; the ones a route gives itself (404, 409, ...) are in its `responses`.
 */
const PROBLEM_ANSWERS = {
  400: {
    name: 'BadRequest',
    description:
      'The request does not match the API description (a path or query parameter, a header, a JSON body that is malformed or of the wrong shape); `errors` names each bad field',
  },
  401: { name: 'Unauthorized', description: 'No valid API key: send `Authorization: Bearer <api key>`' },
  403: { name: 'Forbidden', description: "The key's role or entity scope does not allow this" },
  404: {
    name: 'NotFound',
    description:
      "No such resource; a payee outside the key's scope is answered exactly as one that does not exist",
  },
  408: {
    name: 'RequestTimeout',
    description: 'The body of a bulk upload stopped arriving, or took too long to arrive; nothing was stored',
  },
  409: {
    name: 'Conflict',
    description: 'Conflicts with the current state (e.g. the fiscal year is closed); nothing was changed',
  },
  413: {
    name: 'PayloadTooLarge',
    description:
      'The body is larger than the size limit, or a bulk upload has more rows than one request may carry',
  },
  415: { name: 'UnsupportedMediaType', description: 'The body is not in a media type this operation takes' },
  422: {
    name: 'UnprocessableContent',
    description:
      'Well-formed but invalid (or holding what cannot be stored: a NUL character, nesting deeper than 32 levels, a number beyond 2^53); `errors` lists every problem',
  },
  429: {
    name: 'TooManyRequests',
    description:
      'Too many requests for this API key (RateLimit-Limit a minute), or too many failed authentications from this address: retry after `Retry-After` seconds',
  },
  500: {
    name: 'InternalServerError',
    description: "A fault of Quip's, logged under the request's X-Request-Id",
  },
} as const;
export type ProblemStatus = keyof typeof PROBLEM_ANSWERS;

const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** The answers of the given statuses, as references to their one definition. */
export function problemAnswers<const S extends ProblemStatus>(...statuses: S[]): Record<S, { $ref: string }> {
  return Object.fromEntries(
    statuses.map((status) => [status, responseRef(PROBLEM_ANSWERS[status].name)]),
  ) as Record<S, { $ref: string }>;
}

export const notFoundError = problemAnswers(404);
export const conflictError = problemAnswers(409);
export const unprocessableError = problemAnswers(422);
/** What a bulk upload (a streamed JSON array, NDJSON or CSV body) can answer beyond the others. */
export const bulkErrors = problemAnswers(408, 413, 415, 422);

type Registry = OpenAPIHono['openAPIRegistry'];

/** Registers the problem schema, the problem answers and the rate-limit headers under `components`. */
export function registerProblemAnswers(registry: Registry): void {
  registry.register('Problem', ProblemSchema);
  const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const [status, { name, description }] of Object.entries(PROBLEM_ANSWERS)) {
    registry.registerComponent('responses', name, {
      description,
      content: problemContent,
      ...(status === '429'
        ? {
            headers: {
              'Retry-After': headerRef('RetryAfter'),
              'RateLimit-Limit': headerRef('RateLimitLimit'),
              'RateLimit-Remaining': headerRef('RateLimitRemaining'),
            },
          }
        : {}),
    });
  }
  registry.registerComponent('responses', 'MalformedRequest', {
    description:
      'A request the HTTP server itself refuses before any route runs: malformed HTTP (400), headers too large (431) or too slow to arrive (408), without a body',
  });
  registry.registerComponent('headers', 'RetryAfter', {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer', minimum: 1, example: 12 },
  });
  registry.registerComponent('headers', 'RateLimitLimit', {
    description:
      "Requests this API key may send a minute (sent with every answer that counted against the key's limit; a 429 for failed authentications has none)",
    schema: { type: 'integer', minimum: 1, example: 600 },
  });
  registry.registerComponent('headers', 'IdempotentReplayed', {
    description:
      '`true` when this is the stored answer of an earlier request with the same Idempotency-Key (nothing new was stored); absent otherwise',
    schema: { type: 'string', enum: ['true'], example: 'true' },
  });
  registry.registerComponent('headers', 'RateLimitRemaining', {
    description: 'Requests this API key may still send in the current minute',
    schema: { type: 'integer', minimum: 0, example: 599 },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: a generated OpenAPI document, completed in place
type Json = any;

/**
 * Adds to every operation of `document` the answers its middleware can give, as references:
 * - under /api/v1 (authentication, then the per-key rate limit): 401, 403, 429, and the rate-limit
 *   headers on every success (and Idempotent-Replayed where Idempotency-Key is taken);
 * - with parameters or a body (their validators): 400; with a body (size limit, media type, the
 *   JSON guard): 413, 415, 422; with Idempotency-Key: 409 (the first request is still running)
 *   and 422 (the key was used for another request);
 * - everywhere: 500; and an operation that gives no 4xx of its own documents the HTTP server's.
 * An answer a route documents itself is kept.
 */
export function documentStandardAnswers(document: Json): void {
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const operation of Object.values<Json>(item)) {
      const answers: Record<string, Json> = operation.responses;
      const add = (...statuses: ProblemStatus[]) => {
        for (const [status, ref] of Object.entries(problemAnswers(...statuses))) answers[status] ??= ref;
      };
      const parameters: Json[] = operation.parameters ?? [];
      const hasBody = operation.requestBody !== undefined;
      if (hasBody || parameters.length > 0) add(400);
      if (hasBody) add(413, 415, 422);
      const idempotent = parameters.some((p) => p.in === 'header' && p.name === IDEMPOTENCY_HEADER);
      if (idempotent) add(409, 422);
      const limited = path.startsWith('/api/v1/');
      if (limited) add(401, 403, 429);
      for (const [status, answer] of Object.entries<Json>(answers)) {
        if (!status.startsWith('2') || answer.$ref) continue;
        answer.headers = {
          ...(limited
            ? {
                'RateLimit-Limit': headerRef('RateLimitLimit'),
                'RateLimit-Remaining': headerRef('RateLimitRemaining'),
              }
            : {}),
          ...(idempotent ? { 'Idempotent-Replayed': headerRef('IdempotentReplayed') } : {}),
          ...answer.headers,
        };
      }
      add(500);
      if (!Object.keys(answers).some((status) => status.startsWith('4'))) {
        answers['4XX'] = responseRef('MalformedRequest');
      }
      operation.responses = Object.fromEntries(
        Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
}

export const FiscalYearParam = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'a fiscal year is named like 2026-27')
  .openapi({ param: { name: 'fy', in: 'path' }, example: '2026-27' });

export const bearerSecurity = [{ apiKey: [] }];

export const ProgramParam = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a program id is lower-case letters, digits and dashes')
  .openapi({ param: { name: 'program', in: 'path' }, example: 'dhcs-ept' });
