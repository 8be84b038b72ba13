/**
 * Days as whole numbers (days since 1970-01-01, UTC) so the generator can add and compare them
 * cheaply, and ISO 'YYYY-MM-DD' text only when a record is written. Formatting is cached: the
 * generator writes millions of records over a few hundred distinct days.
 */
const DAY_MS = 86_400_000;
const formatted = new Map<number, string>();

export function dayOf(iso: string): number {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(ms / DAY_MS);
}

export function isoDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

export interface FiscalYearSpan {
  /** '2026-27' */
  name: string;
  /** 2026 for '2026-27' */
  startYear: number;
  /** 2026-07-01 */
  start: number;
  /** 2027-06-30 */
  end: number;
}

/** July 1 to June 30, as California counts its fiscal years. */
export function fiscalYearSpan(name: string): FiscalYearSpan {
  const match = /^(\d{4})-(\d{2})$/.exec(name);
  const startYear = Number(match?.[1]);
  if (!match || (startYear + 1) % 100 !== Number(match[2])) {
    throw new Error(`fiscal year must be named like 2026-27, got ${name}`);
  }
  return {
    name,
    startYear,
    start: dayOf(`${startYear}-07-01`),
    end: dayOf(`${startYear + 1}-06-30`),
  };
}

/** The same month and day `years` later (Feb 29 moves to Mar 1). */
export function shiftYears(iso: string, years: number): number {
  return dayOf(`${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`);
}
