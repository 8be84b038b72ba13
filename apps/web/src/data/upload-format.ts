/** The content type of a pasted or chosen file: a JSON array, NDJSON (one object a line) or CSV. */
export function uploadContentType(text: string): 'application/json' | 'application/x-ndjson' | 'text/csv' {
  const start = text.trimStart();
  if (start.startsWith('[')) return 'application/json';
  if (start.startsWith('{')) return 'application/x-ndjson';
  return 'text/csv';
}
