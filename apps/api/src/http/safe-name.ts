/**
 * A name a client sent (a field, a column, a query parameter) is repeated in an answer or a log
 * line only when it is a plain identifier: letters, digits and underscores, at most 64, not
 * starting with a digit. Anything else could be personal data typed into the wrong place, or
 * markup, so it is never echoed. The one rule for every answer that names a client's field.
 */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function isPlainName(name: string): boolean {
  return PLAIN_NAME.test(name);
}

/** The name when it is plain, else `fallback` (e.g. '' or 'column 4'). */
export function safeName(name: string, fallback = ''): string {
  return PLAIN_NAME.test(name) ? name : fallback;
}

/**
 * A dotted path (`data.note`, `entities.3.id`) as far as its segments are plain names or array
 * indexes: it stops before the first segment that is not, so `data.<anything>` answers `data`.
 */
export function safePath(segments: readonly (string | number)[]): string {
  const shown: string[] = [];
  for (const segment of segments) {
    if (typeof segment === 'number') shown.push(String(segment));
    else if (PLAIN_NAME.test(segment)) shown.push(segment);
    else break;
  }
  return shown.join('.');
}
