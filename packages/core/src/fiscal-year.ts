import type { Rulebook } from './rulebook/rulebook-schema.ts';

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
 * A run's evaluation day when none is given: the last day of the rulebook's fiscal year or its
 * last due date, whichever is later, so a filing due after the year ends (DDS's July 31) still
 * counts as on time. The due dates are every reporting measure's `timely.dueDate` and every
 * milestone measure's `by`. It never depends on the clock: a run, a preview and the SPA's what-if
 * of one rulebook all take this same day, and running again later gives the same answer.
 */
export function defaultAsOf(compiled: { rulebook: Pick<Rulebook, 'fiscalYear' | 'measures'> }): string {
  const { fiscalYear, measures } = compiled.rulebook;
  const span = parseFiscalYear(fiscalYear);
  if (!span) throw new RangeError(`not a fiscal year: ${fiscalYear}`);
  let latest = span.endsOn;
  for (const measure of measures) {
    const compute = measure.compute;
    const due =
      compute.kind === 'reporting' && compute.timely
        ? compute.timely.dueDate
        : compute.kind === 'milestone'
          ? compute.by
          : undefined;
    // ISO dates compare as strings.
    if (due !== undefined && due > latest) latest = due;
  }
  return latest;
}
