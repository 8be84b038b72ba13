import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { dataOf } from '../api/api-client.ts';
import { useQuip } from '../app/quip-context.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';

/** The program's payees, searched on the server (`?q=`), first 100 matches. */
export function PayeeList({ fiscalYear, program }: { fiscalYear: string; program: string }) {
  const { api } = useQuip();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const payees = useQuery({
    queryKey: ['payees', fiscalYear, program, query],
    queryFn: ({ signal }) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/entities', {
          params: {
            path: { fy: fiscalYear, program },
            query: { limit: 100, ...(query ? { q: query } : {}) },
          },
          signal,
        }),
      ),
  });
  const columns = Array.from(new Set((payees.data?.items ?? []).flatMap((p) => Object.keys(p)))).slice(0, 8);
  return (
    <div className="space-y-4">
      <label className="block max-w-sm text-sm font-medium">
        Search payees
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
          placeholder="id or name"
        />
      </label>
      {payees.isPending ? (
        <LoadingMessage>Loading payees…</LoadingMessage>
      ) : payees.isError ? (
        <ErrorMessage title="The payees could not be loaded." error={payees.error} />
      ) : payees.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">No payees{query ? ` match “${query}”` : ''}.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Payees</caption>
            <thead className="bg-slate-100">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2 text-left">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {payees.data.items.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  {columns.map((c) => (
                    <td key={c} className="px-3 py-2">
                      {p[c] === undefined ? '' : String(p[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {payees.data.nextCursor ? (
            <p className="p-3 text-xs text-slate-600">First 100 shown; search to narrow down.</p>
          ) : null}
        </div>
      )}
    </div>
  );
}
