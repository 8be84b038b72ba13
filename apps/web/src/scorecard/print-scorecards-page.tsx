import { useQueries } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { RunPayment } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { runApi } from '../runs/run-api.ts';
import { useAllPages } from '../runs/use-all-pages.ts';
import { Button } from '../ui/button.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { payeesOf } from './print-scorecards-search.ts';
import { scorecardQueryOptions } from './scorecard-api.ts';
import { ScorecardView } from './scorecard-view.tsx';

/**
 * Every payee's scorecard of a run (or the set the search names) in one document, one payee a
 * page on paper, for an office that mails them. The payees come from the run's payments when
 * the search names none; the browser fetches the scorecards a few at a time.
 */
export function PrintScorecardsPage() {
  const { runId = '' } = useParams({ strict: false }) as { runId?: string };
  const search = useSearch({ strict: false }) as { payees?: string };
  const named = useMemo(() => payeesOf(search), [search]);
  const { api } = useQuip();
  const payments = useAllPages<RunPayment>(
    named === null,
    (cursor, signal) => runApi.payments(api, runId, cursor, signal),
    `print-${runId}`,
  );
  const ids = useMemo(
    () => named ?? (payments.done ? payments.rows.map((p) => p.entityId) : []),
    [named, payments.done, payments.rows],
  );
  const cards = useQueries({ queries: ids.map((id) => scorecardQueryOptions(api, runId, id)) });
  const loaded = cards.filter((c) => c.data).length;
  const failed = cards.find((c) => c.isError);
  const ready = ids.length > 0 && loaded === ids.length;
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={`Scorecards of run ${runId}`}>
          <p>
            {named === null ? 'Every payee of the run' : `${named.length} payees chosen`}, one a page on
            paper.
          </p>
        </PageHeader>
        <div className="mb-6 flex items-center gap-4">
          <Button onClick={() => window.print()} disabled={!ready}>
            Print {ids.length > 0 ? `${ids.length} scorecards` : 'scorecards'}
          </Button>
          <p role="status" className="text-sm text-slate-700" data-testid="print-progress">
            {named === null && !payments.done
              ? `Finding the run's payees… ${payments.loaded.toLocaleString('en-US')} so far`
              : `${loaded.toLocaleString('en-US')} of ${ids.length.toLocaleString('en-US')} scorecards loaded`}
          </p>
        </div>
        {payments.error ? (
          <ErrorMessage title="The run's payees could not be loaded." error={payments.error} />
        ) : null}
        {failed ? <ErrorMessage title="A scorecard could not be loaded." error={failed.error} /> : null}
        {!ready && ids.length === 0 && payments.done ? <p>The run has no payees.</p> : null}
        {!ready && ids.length > 0 ? <LoadingMessage>Loading scorecards…</LoadingMessage> : null}
      </div>
      <div className="space-y-6 print:space-y-0">
        {cards.map((c, i) => (c.data ? <ScorecardView key={ids[i]} card={c.data} /> : null))}
      </div>
    </>
  );
}
