const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * `2026-07-01` -> `July 1, 2026`. Dates are calendar dates, so they are read and printed in UTC:
 * in a local zone west of UTC, midnight UTC would print as the day before.
 */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const date = new Date(time);
  // Date.UTC rolls 2026-02-30 over to March 2; such a string is not a date, so show it as given.
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return iso;
  return longDate.format(date);
}
