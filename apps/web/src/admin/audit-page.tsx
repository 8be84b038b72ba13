import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf } from '../api/api-client.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';

/** Who changed or submitted what, when; filter by action or subject, page on. */
export function AuditPage() {
  const { api } = useQuip();
  const [action, setAction] = useState('');
  const [subject, setSubject] = useState('');
  const entries = useInfiniteQuery({
    queryKey: ['audit', action, subject],
    initialPageParam: 0,
    queryFn: async ({ pageParam, signal }) => {
      const query = {
        limit: 100,
        ...(pageParam ? { after: pageParam } : {}),
        ...(action ? { action } : {}),
        ...(subject ? { subject } : {}),
      };
      return (await dataOf(api.GET('/api/v1/audit', { params: { query }, signal }))).items;
    },
    getNextPageParam: (last) => (last.length === 100 ? last[last.length - 1]?.id : undefined),
  });
  const rows = entries.data?.pages.flat() ?? [];
  const verify = useMutation({
    mutationFn: () => dataOf(api.GET('/api/v1/audit', { params: { query: { verify: '1', limit: 1 } } })),
  });
  return (
    <>
      <PageHeader title="Audit log">
        <p>Every change and submission, in order, hash-chained so that an edited entry shows.</p>
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          Verify the hash chain
        </Button>
        <p role="status" className="text-sm">
          {verify.data
            ? verify.data.intact
              ? 'The chain is intact: no entry was changed or removed.'
              : `The chain breaks at entry ${verify.data.firstBrokenId}: it was changed after it was written.`
            : verify.isError
              ? 'The chain could not be checked.'
              : ''}
        </p>
      </div>
      <div className="mb-4 flex flex-wrap gap-4">
        <label className="text-sm font-medium">
          Action
          <input
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
            value={action}
            onChange={(e) => setAction(e.target.value)}
            placeholder="e.g. rulebook.publish"
          />
        </label>
        <label className="text-sm font-medium">
          Subject
          <input
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            placeholder="e.g. dhcs-ept/2026-27"
          />
        </label>
      </div>
      {entries.isPending ? (
        <LoadingMessage>Loading the audit log…</LoadingMessage>
      ) : entries.isError ? (
        <ErrorMessage title="The audit log could not be loaded." error={entries.error} />
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Audit entries</caption>
            <thead className="bg-slate-100">
              <tr>
                {['#', 'When', 'Who', 'Action', 'Subject', 'Details'].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">{e.id}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{new Date(e.at).toLocaleString()}</td>
                  <td className="px-3 py-2 font-mono text-xs">{e.actor ?? 'system'}</td>
                  <td className="px-3 py-2">{e.action}</td>
                  <td className="px-3 py-2">{e.subject}</td>
                  <td
                    className="max-w-md truncate px-3 py-2 font-mono text-xs"
                    title={JSON.stringify(e.details)}
                  >
                    {JSON.stringify(e.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.hasNextPage ? (
            <div className="p-3">
              <Button
                variant="secondary"
                onClick={() => void entries.fetchNextPage()}
                disabled={entries.isFetchingNextPage}
              >
                Load more
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </>
  );
}
