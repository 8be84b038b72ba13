import { formatDollars } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import type { Standing } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatIsoDate } from '../format/format-iso-date.ts';
import { standingQueryOptions } from '../scorecard/scorecard-api.ts';
import { ScorecardView } from '../scorecard/scorecard-view.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { type SummaryColumn, SummaryTable } from '../ui/summary-table.tsx';

const CALENDAR_WORDS: Record<Standing['calendar'][number]['status'], string> = {
  received: 'received on time',
  late: 'received late',
  missing: 'missing: due and not received',
  upcoming: 'not due yet',
};
const CALENDAR_STYLE: Record<Standing['calendar'][number]['status'], string> = {
  received: 'text-green-900',
  late: 'text-amber-900',
  missing: 'font-semibold text-red-800',
  upcoming: 'text-slate-700',
};

const CALENDAR_COLUMNS: SummaryColumn<Standing['calendar'][number]>[] = [
  { heading: 'Measure', cell: (c) => c.name, className: 'pr-4' },
  { heading: 'Due', cell: (c) => formatIsoDate(c.dueDate), className: 'pr-4 whitespace-nowrap' },
  { heading: 'Status', cell: (c) => CALENDAR_WORDS[c.status], className: (c) => CALENDAR_STYLE[c.status] },
];

/** A payee's standing now: what is due when and what is missing, the money so far, and the whole card. */
export function PayeeStanding({
  fiscalYear,
  program,
  entityId,
}: {
  fiscalYear: string;
  program: string;
  entityId: string;
}) {
  const { api } = useQuip();
  const standing = useQuery(standingQueryOptions(api, fiscalYear, program, entityId));
  if (standing.isPending) return <LoadingMessage>Loading the standing of {entityId}…</LoadingMessage>;
  if (standing.error instanceof ApiError && standing.error.status === 404)
    return (
      <p className="text-sm text-slate-700">
        {entityId} is not a payee of {program} in {fiscalYear}.
      </p>
    );
  if (standing.isError)
    return <ErrorMessage title={`The standing of ${entityId} could not be loaded.`} error={standing.error} />;
  const s = standing.data;
  return (
    <section
      className="rounded-md border border-slate-200 bg-white p-4"
      aria-label={`Standing of ${s.name}`}
      data-testid={`standing-${entityId}`}
    >
      <h3 className="text-lg font-semibold text-slate-900">
        {s.name} <span className="font-mono text-sm font-normal text-slate-600">{entityId}</span>
      </h3>
      <p className="text-sm text-slate-800" data-testid="standing-money">
        As of {formatIsoDate(s.run.asOf)}: {formatDollars(s.payment.totalCents)} earned
        {s.payment.potentialCents === undefined
          ? ''
          : ` of a possible ${formatDollars(s.payment.potentialCents)}`}
        .
      </p>
      {s.calendar.length > 0 ? (
        <SummaryTable
          className="mt-3"
          testId="standing-calendar"
          caption="What is due when"
          columns={CALENDAR_COLUMNS}
          rows={s.calendar}
          rowKey={(c) => c.measure}
        />
      ) : null}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-blue-800 underline">
          The whole standing, measure by measure
        </summary>
        <div className="mt-2">
          <ScorecardView card={s} />
        </div>
      </details>
    </section>
  );
}
