import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ row: z.number().int(), path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Row-level errors of a bulk request (row 1 = the first data row).' }),
  })
  .openapi('Problem', {
    example: {
      type: 'https://quip.invalid/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'Fiscal year 2031-32 does not exist.',
    },
  });

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** The error answers every authenticated route can give. */
export const authErrors = {
  401: { description: 'Missing or invalid API key', content: problemContent },
  403: { description: "The key's role or entity scope does not allow this", content: problemContent },
} as const;

export const notFoundError = { 404: { description: 'Not found', content: problemContent } } as const;
export const badRequestError = { 400: { description: 'Invalid request', content: problemContent } } as const;

export const FiscalYearParam = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'a fiscal year is named like 2026-27')
  .openapi({ param: { name: 'fy', in: 'path' }, example: '2026-27' });

export const bearerSecurity = [{ apiKey: [] }];

export const conflictError = {
  409: {
    description: 'Conflicts with the current state (e.g. the fiscal year is closed)',
    content: problemContent,
  },
} as const;
export const unprocessableError = {
  422: { description: 'Well-formed but invalid; `errors` lists every problem', content: problemContent },
} as const;
export const rateLimitError = {
  429: {
    description: 'Too many requests for this API key; retry after the `Retry-After` seconds',
    content: problemContent,
  },
} as const;

export const ProgramParam = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a program id is lower-case letters, digits and dashes')
  .openapi({ param: { name: 'program', in: 'path' }, example: 'dhcs-ept' });
