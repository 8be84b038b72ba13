import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { dataOf } from '../api/api-client.ts';
import type { components } from '../api/openapi-types.gen.ts';
import { useQuip } from '../app/quip-context.tsx';
import { useAllPages } from '../runs/use-all-pages.ts';
import { Button } from '../ui/button.tsx';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { TextField } from '../ui/text-field.tsx';

type AuditEntry = components['schemas']['AuditEntry'];

/** Date.toLocaleString's fields, in one formatter for every entry (a search of 100k entries formats each). */
const WHEN = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const COLUMNS: DataColumn<AuditEntry>[] = [
  { id: 'id', header: '#', kind: 'number', value: (e) => e.id },
  { id: 'at', header: 'When', value: (e) => e.at, text: (e) => WHEN.format(new Date(e.at)) },
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

/** How long the server's filters wait for the typing to pause before the list loads again. */
const TYPING_PAUSE_MS = 300;

/**
 * Who changed or submitted what, when, by key name; filtered on the server by parts of values, every
 * matching entry loaded page after page (1,000 a page) and shown while the rest arrive, then
 * searched, sorted and exported in the browser.
 */
export function AuditPage() {
  const { api } = useQuip();
  const [typed, setTyped] = useState<Record<FilterName, string>>({
    program: '',
    fiscalYear: '',
    actionContains: '',
    key: '',
  });
  // Each change of the server's filters loads the list again: not at every key typed.
  const [filters, setFilters] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setFilters(typed), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== ''));
  const entries = useAllPages<AuditEntry>(
    true,
    async (cursor, signal) => {
      const query = { limit: 1000, ...(cursor ? { after: Number(cursor) } : {}), ...given };
      const page = await dataOf(api.GET('/api/v1/audit', { params: { query }, signal }));
      return { items: page.items, nextCursor: page.nextAfter === null ? null : String(page.nextAfter) };
    },
    JSON.stringify(given),
  );
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
      {entries.error ? (
        <ErrorMessage title="The audit log could not be loaded." error={entries.error} />
      ) : null}
      {!entries.done && entries.rows.length === 0 ? (
        <LoadingMessage>Loading the audit log…</LoadingMessage>
      ) : (
        <DataTable
          rows={entries.rows}
          columns={COLUMNS}
          caption="Audit entries"
          testId="audit"
          exportName="audit-log"
          noun="entries"
          searchLabel="Search the entries loaded"
          loading={entries.done ? undefined : entries.loaded}
        />
      )}
    </>
  );
}
