const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A name a client sent (a field, a column, a query parameter) is repeated in an answer or a log
 * line only when it is a plain identifier: letters, digits and underscores, at most 64, not
 * starting with a digit. Anything else could be personal data typed into the wrong place, or
 * markup, so it is never echoed. The one rule for every message that names a client's field.
 */
export function isPlainName(name: string): boolean {
  return PLAIN_NAME.test(name);
}
