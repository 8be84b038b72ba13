import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Run } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { runApi } from './run-api.ts';

/** Compare this run with another of the same program (GET /runs/{id}/diff?against=). */
export function RunCompare({ run, others }: { run: Run; others: Run[] }) {
  const { api } = useQuip();
  const [against, setAgainst] = useState<string>('');
  const runId = String(run.id);
  const diff = useQuery({
    queryKey: ['run', runId, 'diff', against],
    queryFn: ({ signal }) => runApi.diff(api, runId, against, signal),
    enabled: against !== '',
  });
  const items = (diff.data as { items?: Record<string, unknown>[] } | undefined)?.items;
  const columns = items?.[0] ? Object.keys(items[0]).slice(0, 8) : [];
  return (
    <div className="space-y-4">
      <label className="text-sm font-medium">
        Compare with
        <select
          value={against}
          onChange={(e) => setAgainst(e.target.value)}
          className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
        >
          <option value="">choose a run</option>
          {others
            .filter((o) => String(o.id) !== runId)
            .map((o) => (
              <option key={String(o.id)} value={String(o.id)}>
                Run {String(o.id)} ({o.status})
              </option>
            ))}
        </select>
      </label>
      {diff.isFetching ? <LoadingMessage>Comparing…</LoadingMessage> : null}
      {diff.isError ? <ErrorMessage title="The runs could not be compared." error={diff.error} /> : null}
      {items ? (
        <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Differences</caption>
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2 text-left">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.slice(0, 1_000).map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: diff rows have no single id field we can rely on
                <tr key={i} className="border-t border-slate-100">
                  {columns.map((c) => (
                    <td key={c} className="px-3 py-1 font-mono text-xs">
                      {typeof row[c] === 'object' ? JSON.stringify(row[c]) : String(row[c] ?? '')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : diff.data ? (
        <pre className="overflow-x-auto rounded-md bg-white p-3 text-xs">
          {JSON.stringify(diff.data, null, 2)}
        </pre>
      ) : null}
    </div>
  );
}
