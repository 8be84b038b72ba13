import { formatDollars } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { RunPayment } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { useMe } from '../auth/use-me.ts';
import { fiscalYearsQueryOptions } from '../fiscal-years/fiscal-year-queries.ts';
import { PublishPreliminary } from '../review/publish-preliminary.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageTabs } from '../ui/page-tabs.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { saveBlob } from '../ui/save-blob.ts';
import { FinalRunBadge } from './final-run-badge.tsx';
import { MarkOfficialButton } from './mark-official-button.tsx';
import { PayeeDrilldown } from './payee-drilldown.tsx';
import { PaymentsTable, type RunPaymentTotals } from './payments-table.tsx';
import { runApi } from './run-api.ts';
import { RunCompare } from './run-compare.tsx';
import { RunFacts } from './run-facts.tsx';
import { isFinished } from './run-progress.ts';
import { RunProgressBar } from './run-progress-bar.tsx';
import { RunResultsPanel } from './run-results-panel.tsx';
import { useAllPages } from './use-all-pages.ts';
import { useRunEvents } from './use-run-events.ts';
import { useRunResults } from './use-run-results.ts';

const TOTAL_LABELS: Record<string, string> = { totalCents: 'Total paid', payees: 'Payees' };

/** One run: live progress (server-sent events, polling as fallback), then results, payments, a payee, a comparison. */
export function RunPage() {
  const { runId = '' } = useParams({ strict: false }) as { runId?: string };
  const { api } = useQuip();
  const [going, setGoing] = useState(true);
  const live = useRunEvents(runId, going);
  const run = useQuery({
    queryKey: ['run', runId],
    queryFn: ({ signal }) => runApi.get(api, runId, signal),
    // The event stream pushes progress; polling is the slow fallback (and the fast one without it).
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : live ? 3000 : 500),
  });
  const finished = run.data ? isFinished(run.data) : false;
  useEffect(() => {
    if (finished) setGoing(false);
  }, [finished]);
  const done = run.data?.status === 'succeeded';
  const fy = run.data?.fiscalYear ?? '';
  const program = run.data?.program ?? '';
  const me = useMe();
  const yearStatus = useQuery(fiscalYearsQueryOptions(api)).data?.find((y) => y.fiscalYear === fy)?.status;
  const results = useRunResults(api, run.data, done);
  const [tabValue, setTab] = useState('results');
  // Payments load once their tab is first opened, so they do not compete with the results.
  const [paymentsWanted, setPaymentsWanted] = useState(false);
  useEffect(() => {
    if (tabValue === 'payments') setPaymentsWanted(true);
  }, [tabValue]);
  const payments = useAllPages<RunPayment>(
    done && paymentsWanted,
    (cursor, signal) => runApi.payments(api, runId, cursor, signal),
    runId,
  );
  const siblings = useQuery({
    queryKey: ['runs', fy, program],
    queryFn: ({ signal }) => runApi.list(api, fy, program, signal),
    enabled: done && fy !== '' && program !== '',
  });
  const [payee, setPayee] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    try {
      setDownloadError(null);
      saveBlob(await runApi.paymentFile(api, runId, format), `payments-run-${runId}.${format}`);
    } catch (error) {
      setDownloadError(error);
    }
  };

  if (run.isPending) return <LoadingMessage>Loading run {runId}…</LoadingMessage>;
  if (run.isError)
    return (
      <ErrorMessage
        title={`Run ${runId} could not be loaded.`}
        error={run.error}
        onRetry={() => void run.refetch()}
      />
    );
  const totals = (run.data.totals ?? {}) as Record<string, unknown>;
  return (
    <>
      <PageHeader title={`Run ${runId}`}>
        <p>
          {program && fy ? (
            <Link
              to="/fiscal-years/$fy/programs/$program/runs"
              params={{ fy, program }}
              className="text-blue-800 underline"
            >
              {program} {fy}
            </Link>
          ) : null}{' '}
          <span role="status" data-testid="run-status">
            {run.data.status}
          </span>{' '}
          {run.data.official ? <FinalRunBadge /> : null}
        </p>
      </PageHeader>
      <RunProgressBar run={run.data} />
      <RunFacts run={run.data} yearStatus={yearStatus} />
      {me?.role === 'admin' &&
      done &&
      !run.data.official &&
      yearStatus !== undefined &&
      yearStatus !== 'closed' ? (
        <div className="mt-4">
          <MarkOfficialButton
            run={run.data}
            currentFinal={
              (siblings.data ?? []).find((r) => r.official && String(r.id) !== runId)?.id?.toString() ?? null
            }
          />
        </div>
      ) : null}
      {done ? (
        <PublishPreliminary run={run.data} canPublish={me?.role === 'admin' && yearStatus !== 'closed'} />
      ) : null}
      {run.data.status === 'failed' ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          The run failed{typeof run.data.reason === 'string' ? `: ${run.data.reason}` : ''}.
        </p>
      ) : null}
      {Object.keys(totals).length > 0 ? (
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {Object.entries(totals)
            .filter(([, v]) => typeof v === 'number')
            .map(([k, v]) => (
              <div key={k} className="rounded-md border border-slate-200 bg-white p-3">
                <dt className="text-xs text-slate-600">{TOTAL_LABELS[k] ?? k}</dt>
                <dd className="text-lg font-semibold">
                  {k.endsWith('Cents') ? formatDollars(Number(v)) : Number(v).toLocaleString('en-US')}
                </dd>
              </div>
            ))}
        </dl>
      ) : null}
      {done ? (
        <>
          <div className="my-4 flex flex-wrap gap-3">
            <Button variant="secondary" onClick={() => void download('csv')}>
              Download payment file (CSV)
            </Button>
            <Button variant="secondary" onClick={() => void download('xlsx')}>
              Download payment file (XLSX)
            </Button>
            {program && fy ? (
              <Link
                to="/fiscal-years/$fy/programs/$program/payments"
                params={{ fy, program }}
                className="self-center text-sm text-blue-800 underline"
              >
                Pay it in a payment cycle
              </Link>
            ) : null}
            <ErrorAlert error={downloadError} className="self-center" />
          </div>
          <PageTabs
            label="Run"
            value={tabValue}
            onValueChange={setTab}
            tabs={[
              {
                value: 'results',
                label: 'Results',
                content: (
                  <RunResultsPanel
                    results={results}
                    runId={runId}
                    onPayee={(id) => {
                      setPayee(id);
                      setTab('payee');
                    }}
                  />
                ),
              },
              {
                value: 'payments',
                label: 'Payments',
                content: (
                  <>
                    {payments.error ? (
                      <ErrorMessage title="The payments could not be loaded." error={payments.error} />
                    ) : null}
                    {payments.rows.length === 0 && !payments.done ? (
                      <LoadingMessage>Loading payments…</LoadingMessage>
                    ) : (
                      <PaymentsTable
                        payments={payments.rows}
                        loaded={payments.loaded}
                        done={payments.done}
                        totals={paymentTotals(totals)}
                        fileName={`run-${runId}-payments`}
                        runId={runId}
                      />
                    )}
                  </>
                ),
              },
              {
                value: 'payee',
                label: `Payee${payee ? ` ${payee}` : ''}`,
                content: payee ? (
                  <PayeeDrilldown runId={runId} entityId={payee} />
                ) : (
                  <p className="text-sm text-slate-700">Choose a payee in the results.</p>
                ),
              },
              {
                value: 'compare',
                label: 'Compare',
                content: <RunCompare run={run.data} others={siblings.data ?? []} />,
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

/** The run's payment totals as the server reported them (numbers only; absent when not given). */
function paymentTotals(totals: Record<string, unknown>): RunPaymentTotals {
  const out: RunPaymentTotals = {};
  if (typeof totals.payees === 'number') out.payees = totals.payees;
  if (typeof totals.totalCents === 'number') out.totalCents = totals.totalCents;
  const byKind = totals.byLineKind;
  if (byKind && typeof byKind === 'object') {
    const kinds = Object.entries(byKind).filter((e): e is [string, number] => typeof e[1] === 'number');
    out.byLineKind = Object.fromEntries(kinds);
  }
  return out;
}
