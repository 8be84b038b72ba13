import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROBLEM_TYPES, type ProblemSlug, problemTypeUri } from './problem-types.ts';

/** One problem of a request, as `errors` lists them. */
const RowErrorSchema = z.object({ row: z.number().int(), path: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowErrorSchema>;

/** RFC 9457 problem details as the API answers them: the one definition of their shape. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({
      description:
        'The problem type: `/problems/<slug>`, a reference relative to this server (RFC 9457, 3.1.1) to the page that documents the problem and what to do about it',
      example: problemTypeUri('not-found'),
    }),
    title: z
      .string()
      .openapi({ description: "The problem type's title (the same for every problem of its type)" }),
    status: z.number().int().openapi({ description: 'The HTTP status code of the answer' }),
    detail: z
      .string()
      .openapi({ description: 'What went wrong with this request, never echoing submitted data' }),
    errors: z.array(RowErrorSchema).optional().openapi({
      description:
        'Every problem of the request: `row` 1 is the first data row of a bulk request (0: not a row), `path` the field',
    }),
  })
  .catchall(z.unknown())
  .openapi('Problem', {
    description:
      'RFC 9457 problem details (`application/problem+json`). Some problems add members of their own, documented on their page: e.g. `retryAfter` (too-many-requests), `reasons` (a fiscal year that cannot close), `overCents` (budget-exceeded).',
    example: {
      type: problemTypeUri('not-found'),
      title: 'Not found',
      status: 404,
      detail: 'Fiscal year 2031-32 does not exist.',
    },
  });

export type ProblemDetails = z.infer<typeof ProblemSchema>;

/**
 * An error the API answers as RFC 9457 problem details. Messages are written by Quip, never copied
 * from submitted data, so no error echoes personal data. Its type is one of the catalog's
 * (problem-types.ts), whose page the server serves at the `type` it answers.
 */
export class Problem extends Error {
  override readonly name = 'Problem';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: ProblemSlug,
    readonly title: string,
    detail: string,
    readonly extensions: Omit<Partial<ProblemDetails>, 'type' | 'title' | 'status' | 'detail'> = {},
  ) {
    super(detail);
  }

  toJSON(): ProblemDetails {
    return {
      type: problemTypeUri(this.slug),
      title: this.title,
      status: this.status,
      detail: this.message,
      ...this.extensions,
    };
  }
}

/** A problem of a type of the catalog, with the type's status and title. */
export function problem(
  slug: ProblemSlug,
  detail: string,
  extensions: Omit<Partial<ProblemDetails>, 'type' | 'title' | 'status' | 'detail'> = {},
): Problem {
  const { status, title } = PROBLEM_TYPES[slug];
  return new Problem(status, slug, title, detail, extensions);
}

export const problems = {
  notFound: (detail: string) => problem('not-found', detail),
  unauthorized: (detail: string) => problem('unauthorized', detail),
  forbidden: (detail: string) => problem('forbidden', detail),
  badRequest: (detail: string, errors?: RowError[]) =>
    problem('bad-request', detail, errors ? { errors } : {}),
  unprocessable: (detail: string, errors?: RowError[]) =>
    problem('unprocessable', detail, errors ? { errors } : {}),
  tooLarge: (detail: string) => problem('payload-too-large', detail),
  conflict: (detail: string) => problem('conflict', detail),
  unsupportedMediaType: (detail: string) => problem('unsupported-media-type', detail),
  tooManyRequests: (detail: string) => problem('too-many-requests', detail),
  internal: () => problem('internal', 'Something went wrong on our side; it has been logged.'),
};

/** PostgreSQL error codes caused by what a client sent, never by a fault of ours. */
const INPUT_ERRORS: Record<string, string> = {
  // text or jsonb refuses U+0000 (a NUL that slipped past the checks at the door)
  '22021': 'The request holds a NUL character (U+0000), which cannot be stored.',
  '22P05': 'The request holds a NUL character (U+0000), which cannot be stored.',
  '22003': 'The request holds a number out of the range that can be stored.',
  '54001': 'The request is nested too deeply to be stored.',
};

/**
 * The one place that maps an error to the problem the API answers, or null for a fault of ours
 * (answered 500 and logged). Hono's own errors (malformed or empty JSON, a media type a route does
 * not take, a body over the limit) and database errors caused by the input are the client's
 * problem; none of their messages is copied, so nothing the client sent is echoed.
 */
export function problemOf(error: unknown): Problem | null {
  if (error instanceof Problem) return error;
  if (error instanceof HTTPException) {
    switch (error.status) {
      case 400:
        return problems.badRequest(
          'The request body is not valid JSON (it is empty or malformed): send one JSON value.',
        );
      case 413:
        return problems.tooLarge('The request body is too large.');
      case 415:
        return problems.unsupportedMediaType('Send the request body as application/json.');
      default:
        return error.status >= 400 && error.status < 500
          ? new Problem(error.status, 'bad-request', 'Bad request', 'The request cannot be answered as sent.')
          : null;
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in INPUT_ERRORS) return problems.unprocessable(INPUT_ERRORS[code]!);
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return problems.unprocessable('The request is nested too deeply.');
  }
  return null;
}

export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem.toJSON()), problem.status, {
    'Content-Type': 'application/problem+json',
  });
}
