import { isPlainName } from '@quip/core';

// The rule itself is core's isPlainName (core words record errors with it too); these apply it.

/** The name when it is plain, else `fallback` (e.g. '' or 'column 4'). */
export function safeName(name: string, fallback = ''): string {
  return isPlainName(name) ? name : fallback;
}

/**
 * A dotted path (`data.note`, `entities.3.id`) as far as its segments are plain names or array
 * indexes: it stops before the first segment that is not, so `data.<anything>` answers `data`.
 */
export function safePath(segments: readonly (string | number)[]): string {
  const shown: string[] = [];
  for (const segment of segments) {
    if (typeof segment === 'number') shown.push(String(segment));
    else if (isPlainName(segment)) shown.push(segment);
    else break;
  }
  return shown.join('.');
}
