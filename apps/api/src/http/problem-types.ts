/**
 * Every problem type the API answers (RFC 9457), in one catalog: each `Problem` names one by its
 * slug, its `type` is `/problems/<slug>` (a reference relative to the server that answered, which
 * serves the page: routes/problem-routes.ts), and its page is written from this entry.
 */
export interface ProblemType {
  status: number;
  title: string;
  /** What the problem means, in a sentence or two. */
  means: string;
  /** What a client (or the person behind it) does about it. */
  todo: string;
  /** Members this problem adds to the standard ones, by name. */
  members?: Record<string, string>;
}

export const PROBLEM_TYPES = {
  'bad-request': {
    status: 400,
    title: 'Bad request',
    means:
      'The request does not match the API description: a path or query parameter, a header or the body has the wrong form, the JSON body is malformed, or a cursor is not one the API gave out.',
    todo: "Correct the request as `detail` and `errors` say (each error's `path` names the parameter or field), then send it again. GET /openapi.json describes every operation.",
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    means:
      'The request carries no valid API key: none, a malformed `Authorization` header, or a revoked key.',
    todo: 'Send `Authorization: Bearer <api key>` with an active key. An administrator creates keys (POST /api/v1/api-keys).',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    means:
      "The key's role does not allow this operation (e.g. a submitter writing payees), or an admin approves a payment cycle its own key created.",
    todo: 'Use a key with the role the operation needs (its description says which), or ask another administrator to approve.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    means:
      "Nothing is at this path, or the fiscal year, program, payee, run, measure or key it names does not exist. A payee outside the key's scope is answered exactly as one that does not exist.",
    todo: 'Check the names and ids in the path (fiscal years are named like 2026-27); list what exists with the collection routes (GET /api/v1/fiscal-years, .../programs, .../entities).',
  },
  'request-timeout': {
    status: 408,
    title: 'Request timeout',
    means:
      'The body of a bulk upload stopped arriving, or took longer than the upload time limit to arrive. Nothing was stored.',
    todo: 'Send the body without pauses; split a very large upload into several smaller requests.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    means:
      'The request conflicts with the current state: the fiscal year is closed (read-only), the program has no published rulebook, the run has not succeeded or has ended, a payment cycle is stale, or a request with the same Idempotency-Key is still being answered. Nothing was changed.',
    todo: 'Read `detail`, which says what is in the way and what to do first; then send the request again.',
    members: {
      reasons:
        'When a fiscal year cannot be closed: each program that is not ready (`program`, `reason`, `message`).',
    },
  },
  'budget-exceeded': {
    status: 409,
    title: 'Budget exceeded',
    means:
      "The payment cycle would pay more than the rulebook's fiscal-year or lifetime budget allows. Nothing was stored.",
    todo: "Correct the run's entitlements, or raise `cycles.budgetCents` in the rulebook if the budget changed; then create the cycle again.",
    members: {
      budget: '`fiscalYear` or `lifetime`: the budget that would be exceeded.',
      limitCents: 'The budget, in cents.',
      paidCents: 'What approved cycles have already paid against it, in cents.',
      cycleCents: 'What this cycle would pay, net, in cents.',
      overCents: 'By how much the budget would be exceeded, in cents.',
    },
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload too large',
    means:
      'The request body is larger than the size limit (QUIP_BODY_LIMIT_MB), or a bulk upload has more rows than one request may carry (QUIP_MAX_ROWS_PER_REQUEST). Nothing was stored.',
    todo: 'Split the rows into several smaller requests.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    means:
      'The body is not in a media type the operation takes: application/json, or for bulk uploads also application/x-ndjson and text/csv.',
    todo: 'Send the body with the right `Content-Type` header.',
  },
  unprocessable: {
    status: 422,
    title: 'Unprocessable content',
    means:
      'The request is well formed but invalid: rows a rulebook refuses, a rulebook with problems, an Idempotency-Key reused with another body, or a value that cannot be stored (a NUL character, nesting deeper than 32 levels, a number beyond 2^53). Nothing was stored.',
    todo: "Correct every problem `errors` lists (`row` 1 is the first data row, `path` the field) and send the whole request again. A measure's submission schema (GET .../measures/{measure}/submission-schema) checks rows before they are sent.",
  },
  'too-many-requests': {
    status: 429,
    title: 'Too many requests',
    means:
      'The API key sent more requests this minute than its limit (RateLimit-Limit), or this address failed to authenticate too often.',
    todo: 'Wait the `Retry-After` seconds, then send the request again; spread requests over time.',
    members: { retryAfter: 'After failed authentications: the seconds to wait, as in `Retry-After`.' },
  },
  internal: {
    status: 500,
    title: 'Internal server error',
    means: "Something went wrong on Quip's side. It has been logged with the request's X-Request-Id.",
    todo: "Send the request again later; if it keeps failing, give Quip's operators the X-Request-Id of the answer.",
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** The `type` of a problem: where this server documents it. */
export function problemTypeUri(slug: ProblemSlug): string {
  return `/problems/${slug}`;
}
