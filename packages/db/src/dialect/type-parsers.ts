/**
 * One set of value parsers for both drivers, so PGlite and node-postgres return identical values:
 * - int8 / bigint -> number (money is integer cents; refuse values beyond 2^53 rather than lose cents)
 * - numeric -> string (exact decimal, never a float)
 * - date -> 'YYYY-MM-DD' string (no time zone shifts)
 * - timestamp / timestamptz -> ISO 8601 string in UTC
 */
export const PG_TYPE = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`bigint value ${text} is outside the safe integer range`);
  }
  return value;
}

export function parseNumeric(text: string): string {
  return text;
}

export function parseDate(text: string): string {
  return text;
}

/** Postgres prints `2026-11-23 17:00:00.123+00`; sessions run in UTC, so a missing zone means UTC. */
export function parseTimestamp(text: string): string {
  let iso = text.replace(' ', 'T');
  if (/[+-]\d\d$/.test(iso)) iso += ':00';
  else if (!/(Z|[+-]\d\d:\d\d)$/.test(iso)) iso += 'Z';
  return new Date(iso).toISOString();
}

export const TYPE_PARSERS: Record<number, (text: string) => unknown> = {
  [PG_TYPE.int8]: parseInt8,
  [PG_TYPE.numeric]: parseNumeric,
  [PG_TYPE.date]: parseDate,
  [PG_TYPE.timestamp]: parseTimestamp,
  [PG_TYPE.timestamptz]: parseTimestamp,
};
