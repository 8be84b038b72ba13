import { formatDollars } from '@quip/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Run } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatChange } from '../format/format-money.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { runApi } from './run-api.ts';
import { describeRunInputs } from './run-inputs.ts';

/**
 * This run against another of the same program: which inputs differ (as-of date, rulebook, data),
 * then the payees whose total or results changed, a page at a time, each with all its measures.
 */
export function RunCompare({ run, others }: { run: Run; others: Run[] }) {
  const { api } = useQuip();
  const [against, setAgainst] = useState<string>('');
  const runId = String(run.id);
  const diff = useInfiniteQuery({
    queryKey: ['run', runId, 'diff', against],
    queryFn: ({ pageParam, signal }) => runApi.diff(api, runId, against, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: against !== '',
  });
  const first = diff.data?.pages[0];
  const payees = diff.data?.pages.flatMap((p) => p.payees) ?? [];
  return (
    <div className="space-y-4">
      <label className="block text-sm font-medium">
        Compare with
        <select
          value={against}
          onChange={(e) => setAgainst(e.target.value)}
          className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
        >
          <option value="">choose a run</option>
          {others
            .filter((o) => String(o.id) !== runId && o.status === 'succeeded')
            .map((o) => (
              <option key={String(o.id)} value={String(o.id)}>
                Run {String(o.id)}
                {typeof o.asOf === 'string' ? ` (as of ${o.asOf})` : ''}
              </option>
            ))}
        </select>
      </label>
      {diff.isPending && against !== '' ? <LoadingMessage>Comparing…</LoadingMessage> : null}
      {diff.isError ? <ErrorMessage title="The runs could not be compared." error={diff.error} /> : null}
      {first ? (
        <>
          <ul aria-label="Inputs compared" className="space-y-1 text-sm">
            {describeRunInputs(first).map((line) => (
              <li key={line.input} className={line.changed ? 'font-medium text-amber-900' : 'text-slate-700'}>
                {line.changed ? '● ' : '○ '}
                {line.text}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-700">
            {payees.length.toLocaleString('en-US')} payee(s) differ
            {diff.hasNextPage ? ' so far' : ''}.
          </p>
          <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Differences by payee</caption>
              <thead className="sticky top-0 bg-slate-100">
                <tr>
                  {['Payee', `Run ${first.against}`, `Run ${first.run}`, 'Change', 'Measures changed'].map(
                    (h) => (
                      <th key={h} scope="col" className="px-3 py-2 text-left">
                        {h}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {payees.map((p) => (
                  <tr key={p.entityId} className="border-t border-slate-100 align-top">
                    <td className="whitespace-nowrap px-3 py-1 font-mono text-xs">{p.entityId}</td>
                    <td className="px-3 py-1 font-mono">
                      {p.totalCents.from === null ? '—' : formatDollars(p.totalCents.from)}
                    </td>
                    <td className="px-3 py-1 font-mono">
                      {p.totalCents.to === null ? '—' : formatDollars(p.totalCents.to)}
                    </td>
                    <td className="px-3 py-1">
                      {formatChange((p.totalCents.to ?? 0) - (p.totalCents.from ?? 0), true)}
                    </td>
                    <td className="px-3 py-1 text-xs">
                      {p.measures.map((m) => `${m.measure} (${m.changed.join(', ')})`).join('; ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {diff.hasNextPage ? (
            <Button
              variant="secondary"
              onClick={() => void diff.fetchNextPage()}
              disabled={diff.isFetchingNextPage}
            >
              {diff.isFetchingNextPage ? 'Loading…' : 'Show more payees'}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
