import { formatDollars } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import type { Standing } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatIsoDate } from '../format/format-iso-date.ts';
import { standingQueryOptions } from '../scorecard/scorecard-api.ts';
import { ScorecardView } from '../scorecard/scorecard-view.tsx';
import { ColumnHeaders } from '../ui/column-headers.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';

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
        <table className="mt-3 w-full text-left text-sm" data-testid="standing-calendar">
          <caption className="text-left font-medium text-slate-900">What is due when</caption>
          <ColumnHeaders
            columns={['Measure', 'Due', 'Status']}
            rowClassName="border-b border-slate-300 text-slate-600"
            cellClassName="py-1 font-medium"
          />
          <tbody>
            {s.calendar.map((c) => (
              <tr key={c.measure} className="border-b border-slate-100">
                <td className="py-1 pr-4">{c.name}</td>
                <td className="py-1 pr-4 whitespace-nowrap">{formatIsoDate(c.dueDate)}</td>
                <td className={`py-1 ${CALENDAR_STYLE[c.status]}`}>{CALENDAR_WORDS[c.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
