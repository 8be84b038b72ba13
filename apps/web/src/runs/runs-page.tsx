import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { useProgramParams } from '../app/use-program-params.ts';
import { useMe } from '../auth/use-me.ts';
import { rulebookQueryOptions } from '../rulebook/rulebook-queries.ts';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyMessage } from '../ui/query-feedback.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { TextField } from '../ui/text-field.tsx';
import { whatIfAsOf } from '../what-if/what-if-as-of.ts';
import { FinalRunBadge } from './final-run-badge.tsx';
import { runApi } from './run-api.ts';
import { RunProgressBar } from './run-progress-bar.tsx';

/** A program's runs in a fiscal year; admins start a new one here. */
export function RunsPage() {
  const { fy, program } = useProgramParams();
  const { api } = useQuip();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const runs = useQuery({
    queryKey: ['runs', fy, program],
    queryFn: ({ signal }) => runApi.list(api, fy, program, signal),
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false,
  });
  const [asOf, setAsOf] = useState('');
  const published = useQuery({ ...rulebookQueryOptions(api, fy, program), enabled: me?.role === 'admin' })
    .data?.published;
  // The day a run takes when none is given: the same rule as the API's, worked out here to show it.
  const defaultDay = useMemo(() => {
    try {
      return published ? whatIfAsOf(published.rulebook) : null;
    } catch {
      return null;
    }
  }, [published]);
  const start = useMutation({
    mutationFn: () => runApi.start(api, fy, program, asOf || undefined),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: ['runs', fy, program] });
      await navigate({ to: '/runs/$runId', params: { runId: String(id) } });
    },
  });
  return (
    <>
      <PageHeader title={`Runs: ${program} ${fy}`}>
        <p>
          A run recomputes every payee's results and payment from the published rulebook and the data
          submitted so far. Pay a succeeded run through a{' '}
          <Link
            to="/fiscal-years/$fy/programs/$program/payments"
            params={{ fy, program }}
            className="text-blue-800 underline"
          >
            payment cycle
          </Link>
          .
        </p>
      </PageHeader>
      {me?.role === 'admin' ? (
        <div className="mb-6 flex flex-wrap items-end gap-3">
          <TextField
            label="Evaluate as of (optional)"
            type="date"
            value={asOf}
            onValue={setAsOf}
            aria-describedby="as-of-hint"
          />
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            {start.isPending ? 'Starting…' : 'Start a run'}
          </Button>
          <p id="as-of-hint" className="w-full text-xs text-slate-600">
            Submissions dated after this day are left out. Default
            {defaultDay ? `: ${defaultDay}, ` : ': '}the fiscal year's last day or the rulebook's last due
            date, whichever is later.
          </p>
          <ErrorAlert error={start.error} />
        </div>
      ) : null}
      <QueryView
        query={runs}
        loading="Loading runs…"
        errorTitle="The runs could not be loaded."
        retry
        empty={<EmptyMessage>No runs yet.</EmptyMessage>}
      >
        {(data) => (
          <ul className="space-y-3">
            {data.map((run) => (
              <li key={String(run.id)} className="rounded-md border border-slate-200 bg-white p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link
                    to="/runs/$runId"
                    params={{ runId: String(run.id) }}
                    className="font-medium text-blue-800 underline"
                  >
                    Run {String(run.id)}
                  </Link>
                  <span className="text-sm text-slate-700">
                    {run.status}
                    {typeof run.createdAt === 'string'
                      ? ` · ${new Date(run.createdAt).toLocaleString()}`
                      : ''}
                  </span>
                </div>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  {run.asOf ? (
                    <span>
                      as of <span className="font-medium text-slate-900">{run.asOf}</span>
                      {run.rulebookVersion === undefined ? null : (
                        <>
                          {' '}
                          · rulebook version{' '}
                          <span className="font-medium text-slate-900">{run.rulebookVersion}</span>
                        </>
                      )}
                    </span>
                  ) : null}
                  {run.official ? <FinalRunBadge /> : null}
                </p>
                <RunProgressBar run={run} />
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}
