import type { FiscalYear } from '../api/resources.ts';
import { formatIsoDate } from '../format/format-iso-date.ts';
import { FiscalYearActions } from './fiscal-year-actions.tsx';
import { FiscalYearStatusBadge } from './fiscal-year-status-badge.tsx';
import { ProgramList } from './program-list.tsx';

export function FiscalYearSection({ year, years }: { year: FiscalYear; years: FiscalYear[] }) {
  const headingId = `fy-${year.fiscalYear}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h2 id={headingId} className="text-xl font-semibold text-slate-900">
              <span className="sr-only">Fiscal year </span>
              {year.fiscalYear}
            </h2>
            <FiscalYearStatusBadge status={year.status} />
          </div>
          <p className="mt-1 text-sm text-slate-700">
            <time dateTime={year.startsOn}>{formatIsoDate(year.startsOn)}</time> to{' '}
            <time dateTime={year.endsOn}>{formatIsoDate(year.endsOn)}</time>
          </p>
        </div>
        <div className="max-w-xl">
          <FiscalYearActions year={year} years={years} />
        </div>
      </div>
      <h3 className="mt-5 mb-2 text-sm font-semibold uppercase tracking-wide text-slate-700">Programs</h3>
      <ProgramList fiscalYear={year.fiscalYear} />
    </section>
  );
}
