import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface RowError {
  row: number;
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: RowError[];
  [extension: string]: unknown;
}

/**
 * An error the API answers as RFC 9457 problem details. Messages are written by Quip, never copied
 * from submitted data, so no error echoes personal data.
 */
export class Problem extends Error {
  override readonly name = 'Problem';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly extensions: Omit<Partial<ProblemDetails>, 'type' | 'title' | 'status' | 'detail'> = {},
  ) {
    super(detail);
  }

  toJSON(): ProblemDetails {
    return {
      type: `https://quip.invalid/problems/${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...this.extensions,
    };
  }
}

export const problems = {
  notFound: (detail: string) => new Problem(404, 'not-found', 'Not found', detail),
  unauthorized: (detail: string) => new Problem(401, 'unauthorized', 'Unauthorized', detail),
  forbidden: (detail: string) => new Problem(403, 'forbidden', 'Forbidden', detail),
  badRequest: (detail: string, errors?: RowError[]) =>
    new Problem(400, 'bad-request', 'Bad request', detail, errors ? { errors } : {}),
  unprocessable: (detail: string, errors?: RowError[]) =>
    new Problem(422, 'unprocessable', 'Unprocessable content', detail, errors ? { errors } : {}),
  tooLarge: (detail: string) => new Problem(413, 'payload-too-large', 'Payload too large', detail),
  conflict: (detail: string) => new Problem(409, 'conflict', 'Conflict', detail),
  internal: () =>
    new Problem(
      500,
      'internal',
      'Internal server error',
      'Something went wrong on our side; it has been logged.',
    ),
};

export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem.toJSON()), problem.status, {
    'Content-Type': 'application/problem+json',
  });
}
