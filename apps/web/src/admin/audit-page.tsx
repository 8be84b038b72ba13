import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { dataOf } from '../api/api-client.ts';
import type { components } from '../api/openapi-types.gen.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { TextField } from '../ui/text-field.tsx';

type AuditEntry = components['schemas']['AuditEntry'];

const COLUMNS: DataColumn<AuditEntry>[] = [
  { id: 'id', header: '#', kind: 'number', value: (e) => e.id },
  { id: 'at', header: 'When', value: (e) => e.at, text: (e) => new Date(e.at).toLocaleString() },
  {
    id: 'who',
    header: 'Who',
    value: (e) => e.actorName ?? e.actor ?? 'Quip',
    render: (e) => (
      <span title={e.actor ?? undefined}>
        {e.actorName ?? (e.actor ? <span className="font-mono text-xs">{e.actor}</span> : 'Quip')}
      </span>
    ),
  },
  { id: 'action', header: 'Action', value: (e) => e.action },
  { id: 'subject', header: 'Subject', value: (e) => e.subject },
  {
    id: 'details',
    header: 'Details',
    value: (e) => JSON.stringify(e.details),
    render: (e) => (
      <span className="block max-w-md truncate font-mono text-xs" title={JSON.stringify(e.details)}>
        {JSON.stringify(e.details)}
      </span>
    ),
  },
];

/** The server's filters: parts of values, any case. */
const FILTERS = [
  ['program', 'Program', 'e.g. ept'],
  ['fiscalYear', 'Fiscal year', 'e.g. 2026'],
  ['actionContains', 'Action', 'e.g. publish'],
  ['key', 'Key', 'name or id'],
] as const;
type FilterName = (typeof FILTERS)[number][0];

/** Who changed or submitted what, when, by key name; filtered on the server by parts of values, page on. */
export function AuditPage() {
  const { api } = useQuip();
  const [typed, setTyped] = useState<Record<FilterName, string>>({
    program: '',
    fiscalYear: '',
    actionContains: '',
    key: '',
  });
  const filters = useDeferredValue(typed);
  const entries = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: 0,
    queryFn: async ({ pageParam, signal }) => {
      const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== ''));
      const query = { limit: 100, ...(pageParam ? { after: pageParam } : {}), ...given };
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
      <fieldset className="mb-4 flex flex-wrap gap-4">
        <legend className="sr-only">Filters (part of a value, any case)</legend>
        {FILTERS.map(([name, label, hint]) => (
          <TextField
            key={name}
            label={label}
            className="text-sm"
            value={typed[name]}
            onValue={(value) => setTyped((t) => ({ ...t, [name]: value }))}
            placeholder={hint}
          />
        ))}
      </fieldset>
      <QueryView
        query={entries}
        loading="Loading the audit log…"
        errorTitle="The audit log could not be loaded."
      >
        {() => (
          <div className="space-y-3">
            <DataTable
              rows={rows}
              columns={COLUMNS}
              caption="Audit entries"
              testId="audit"
              exportName="audit-log"
              noun="entries"
              searchLabel="Search the entries loaded"
              note={entries.hasNextPage ? 'more on the server' : undefined}
            />
            {entries.hasNextPage ? (
              <Button
                variant="secondary"
                onClick={() => void entries.fetchNextPage()}
                disabled={entries.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : null}
          </div>
        )}
      </QueryView>
    </>
  );
}
