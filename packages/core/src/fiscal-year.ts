/** California's fiscal year runs July 1 to June 30 and is named by its two calendar years: `2026-27`. */
export const FISCAL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

export interface FiscalYearSpan {
  fiscalYear: string;
  startsOn: string;
  endsOn: string;
}

/** Returns the span of a fiscal year name, or null when the name is not a valid `YYYY-YY` pair. */
export function parseFiscalYear(name: string): FiscalYearSpan | null {
  const match = FISCAL_YEAR_PATTERN.exec(name);
  if (!match) return null;
  const start = Number(match[1]);
  if ((start + 1) % 100 !== Number(match[2])) return null;
  return { fiscalYear: name, startsOn: `${start}-07-01`, endsOn: `${start + 1}-06-30` };
}

/** The fiscal year that follows `name` (`2026-27` -> `2027-28`). */
export function nextFiscalYear(name: string): string {
  const span = parseFiscalYear(name);
  if (!span) throw new RangeError(`not a fiscal year: ${name}`);
  const start = Number(name.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The fiscal year an ISO date falls in (`2026-07-01` -> `2026-27`, `2026-06-30` -> `2025-26`). */
export function fiscalYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * A run's evaluation day when none is given: the fiscal year's last day once it is over, else
 * today. Preview takes the same default, so the two see the same submissions.
 */
export function defaultAsOf(fiscalYear: string, today: string): string {
  const span = parseFiscalYear(fiscalYear);
  if (!span) throw new RangeError(`not a fiscal year: ${fiscalYear}`);
  return span.endsOn < today ? span.endsOn : today;
}
