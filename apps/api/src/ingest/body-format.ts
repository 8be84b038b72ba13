import { Problem } from '../http/problem.ts';

export type BodyFormat = 'json' | 'ndjson' | 'csv';

/** The bulk body format from Content-Type; 415 problem for anything else. */
export function bodyFormatOf(contentType: string | undefined): BodyFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return 'json';
  if (type === 'application/x-ndjson' || type === 'application/ndjson') return 'ndjson';
  if (type === 'text/csv') return 'csv';
  throw new Problem(
    415,
    'unsupported-media-type',
    'Unsupported media type',
    'Send the rows as application/json (an array), application/x-ndjson or text/csv with a header row.',
  );
}
