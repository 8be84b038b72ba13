import type { components } from './openapi-types.gen.ts';

/**
 * RFC 9457 problem details, as the API answers every error (its `Problem` schema). One made here
 * from an answer that is not a problem (a proxy's page) has no `detail`.
 */
type ProblemSchema = components['schemas']['Problem'];
// Pick, not Omit: the schema allows extension members (an index signature), and Omit over an index
// signature turns every named member into `unknown`.
export type Problem = Pick<ProblemSchema, 'type' | 'title' | 'status' | 'errors'> & { detail?: string };

/**
 * Reads a problem from an error response body. Anything that is not a problem object (a proxy's
 * HTML page, an empty body) still becomes one, so callers handle a single error shape.
 */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  const fallback: Problem = { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
  if (typeof body !== 'object' || body === null) return fallback;
  const b = body as Record<string, unknown>;
  const problem: Problem = {
    type: typeof b.type === 'string' ? b.type : fallback.type,
    title: typeof b.title === 'string' ? b.title : fallback.title,
    status: typeof b.status === 'number' ? b.status : status,
  };
  if (typeof b.detail === 'string') problem.detail = b.detail;
  if (Array.isArray(b.errors)) problem.errors = b.errors as NonNullable<Problem['errors']>;
  return problem;
}
