import { formatDollars } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Run } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatIsoDate } from '../format/format-iso-date.ts';
import { RequestForm } from '../review/request-form.tsx';
import { runApi } from '../runs/run-api.ts';
import { scorecardQueryOptions } from '../scorecard/scorecard-api.ts';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The runs of a program published to the key's payees (preliminary or final), with their totals
 * for those payees only, each payee's scorecard, and while a preliminary run is open for review
 * the form that asks for one.
 */
export function PublishedRuns({
  fiscalYear,
  program,
  entityIds,
}: {
  fiscalYear: string;
  program: string;
  entityIds: string[];
}) {
  const { api } = useQuip();
  const runs = useQuery({
    queryKey: ['runs', fiscalYear, program],
    queryFn: ({ signal }) => runApi.list(api, fiscalYear, program, signal),
  });
  if (runs.isPending) return <LoadingMessage>Loading published results…</LoadingMessage>;
  if (runs.isError)
    return <ErrorMessage title="The published results could not be loaded." error={runs.error} />;
  if (runs.data.length === 0) return <p className="text-sm text-slate-700">No results published yet.</p>;
  return (
    <ul className="space-y-4" aria-label="Published results">
      {runs.data.map((run) => (
        <li
          key={run.id}
          className="rounded-md border border-slate-200 bg-white p-4"
          data-testid={`published-run-${run.id}`}
        >
          <p className="font-medium text-slate-900">
            Run {run.id}, as of {formatIsoDate(run.asOf)}, rulebook version {run.rulebookVersion}:{' '}
            {run.stage === 'final'
              ? 'final results'
              : `preliminary results, open for review until ${formatIsoDate(run.reviewUntil ?? '')}`}
          </p>
          <p className="text-sm text-slate-800">{ownTotals(run)}</p>
          <ul className="mt-2 space-y-2">
            {entityIds.map((entityId) => (
              <li key={entityId}>
                <Link
                  to="/runs/$runId/scorecards/$entityId"
                  params={{ runId: String(run.id), entityId }}
                  className="text-sm text-blue-800 underline"
                >
                  Scorecard of {entityId}
                </Link>
                {run.stage === 'preliminary' && run.reviewUntil !== null && run.reviewUntil >= today() ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-sm text-blue-800 underline">
                      Ask for a review of {entityId}
                    </summary>
                    <div className="mt-2">
                      <RunRequestForm run={run} entityId={entityId} />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function ownTotals(run: Run): string {
  const totals = (run.totals ?? {}) as { payees?: number; totalCents?: number };
  if (typeof totals.totalCents !== 'number') return '';
  return `${formatDollars(totals.totalCents)} to your ${totals.payees === 1 ? 'payee' : `${totals.payees ?? ''} payees`}.`;
}

function RunRequestForm({ run, entityId }: { run: Run; entityId: string }) {
  const { api } = useQuip();
  const card = useQuery(scorecardQueryOptions(api, String(run.id), entityId));
  if (card.isPending) return <LoadingMessage>Loading the scorecard…</LoadingMessage>;
  if (card.isError) return <ErrorMessage title="The scorecard could not be loaded." error={card.error} />;
  return <RequestForm runId={run.id} card={card.data} reviewUntil={run.reviewUntil} />;
}
