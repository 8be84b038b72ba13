import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-client.ts';
import { fetchAllPages } from '../api/fetch-all-pages.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatReceivedAt } from '../format/format-received-at.ts';
import { ColumnHeaders } from '../ui/column-headers.tsx';
import { QueryView } from '../ui/query-view.tsx';

interface Props {
  fiscalYear: string;
  program: string;
  entityId: string;
  /** The submissions' measure key (a measure's dataFrom, when it reads another's data). */
  dataKey: string;
  timeZone: string;
}

/**
 * Every stored version of one payee's records for one measure, oldest first, with who sent it
 * and when: asked of the API when opened (the inbox's data may be minutes old).
 */
export function SubmissionHistory({ fiscalYear, program, entityId, dataKey, timeZone }: Props) {
  const { api } = useQuip();
  const versions = useQuery({
    // The program is in the key so that an upload's invalidation refreshes an open history.
    queryKey: ['submission-history', fiscalYear, program, entityId, dataKey],
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        dataOf(
          api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/submissions', {
            params: {
              path: { fy: fiscalYear, program },
              query: { history: '1', entityId, measure: dataKey, limit: 1000, cursor },
            },
            signal,
          }),
        ),
      ),
  });
  return (
    <QueryView
      query={versions}
      loading="Loading the history…"
      errorTitle="The history could not be loaded."
      empty={<p>No stored version.</p>}
    >
      {(data) => (
        <table className="min-w-full border border-slate-200 bg-white text-xs">
          <caption className="px-2 py-1 text-left font-medium text-slate-800">
            Versions of {entityId} / {dataKey}, oldest first
          </caption>
          <ColumnHeaders
            columns={['Version', 'Batch', 'Period', 'Received', 'Declared', 'Sent with key', 'Findings']}
            className="whitespace-nowrap bg-slate-100"
            cellClassName="px-2 py-1"
          />
          <tbody>
            {data.map((v, n) => (
              <tr key={v.id} className="border-t border-slate-200 align-top">
                <td className="px-2 py-1 tabular-nums">{n + 1}</td>
                <td className="px-2 py-1 tabular-nums">{v.batchId}</td>
                <td className="whitespace-nowrap px-2 py-1">{v.period}</td>
                <td className="whitespace-nowrap px-2 py-1">
                  <time dateTime={v.receivedAt}>{formatReceivedAt(v.receivedAt, timeZone)}</time>
                </td>
                <td className="whitespace-nowrap px-2 py-1">{v.declaredOn ?? '—'}</td>
                <td className="px-2 py-1">{v.keyName ?? '—'}</td>
                <td className="px-2 py-1">
                  {v.findings.length === 0 ? (
                    'None'
                  ) : (
                    <ul>
                      {v.findings.map((f) => (
                        <li key={`${f.path}-${f.message}`}>
                          <span className="font-mono">{f.path}</span>: {f.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}
