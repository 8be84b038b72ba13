import { ProblemSchema } from '../http/common-schemas.ts';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Error answers of the bulk endpoints, beside those in http/common-schemas.ts. */
export const bulkErrors = {
  413: {
    description: 'The body is larger than the size limit, or has more rows than one request may carry',
    content: problemContent,
  },
  415: {
    description: 'Not application/json, application/x-ndjson or text/csv',
    content: problemContent,
  },
} as const;

/** Example rows, for the request body descriptions. */
export const CSV_BODY = {
  schema: { type: 'string' as const },
};
