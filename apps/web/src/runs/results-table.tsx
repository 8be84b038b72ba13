import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { RunResultRow } from './run-api.ts';

const col = createColumnHelper<RunResultRow>();
const num = (v: number | null) =>
  v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);
const ROW = 36;

/**
 * Every entity x measure result of a run: sortable columns, a text filter and a met filter,
 * virtualised (only the rows in view are in the DOM), so 100k+ rows scroll smoothly.
 */
export function ResultsTable({
  rows,
  onPayee,
}: {
  rows: RunResultRow[];
  onPayee: (entityId: string) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  const [met, setMet] = useState<'all' | 'met' | 'not-met'>('all');
  const data = useMemo(
    () => (met === 'all' ? rows : rows.filter((r) => (met === 'met' ? r.met === true : r.met === false))),
    [rows, met],
  );
  const columns = useMemo(
    () => [
      col.accessor('entityId', {
        header: 'Payee',
        cell: (c) => (
          <button
            type="button"
            className="font-mono text-xs text-blue-800 underline"
            onClick={() => onPayee(c.getValue())}
          >
            {c.getValue()}
          </button>
        ),
      }),
      col.accessor('measure', {
        header: 'Measure',
        cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
      }),
      col.accessor('status', { header: 'Status' }),
      col.accessor('value', { header: 'Value', cell: (c) => num(c.getValue()), sortUndefined: 'last' }),
      col.accessor('target', { header: 'Target', cell: (c) => num(c.getValue()) }),
      col.accessor((r) => (r.met === null ? '—' : r.met ? 'met' : 'not met'), { id: 'met', header: 'Met' }),
      col.accessor('points', { header: 'Points', cell: (c) => num(c.getValue()) }),
    ],
    [onPayee],
  );
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: (row, _id, value: string) =>
      row.original.entityId.toLowerCase().includes(value.toLowerCase()) ||
      row.original.measure.toLowerCase().includes(value.toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const tableRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium">
          Filter by payee or measure
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="text-sm font-medium">
          Met
          <select
            value={met}
            onChange={(e) => setMet(e.target.value as typeof met)}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
          >
            <option value="all">all</option>
            <option value="met">met</option>
            <option value="not-met">not met</option>
          </select>
        </label>
        <p className="text-sm text-slate-700" aria-live="polite">
          {tableRows.length.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} results
        </p>
      </div>
      <div
        ref={scroller}
        className="h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white"
        data-testid="results-scroller"
      >
        <table className="min-w-full text-sm" aria-rowcount={tableRows.length + 1}>
          <caption className="sr-only">Results</caption>
          <thead className="sticky top-0 z-10 bg-slate-100">
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                      className="px-3 py-2 text-left"
                    >
                      <button
                        type="button"
                        onClick={h.column.getToggleSortingHandler()}
                        className="font-semibold"
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 ? <tr style={{ height: padTop }} /> : null}
            {items.map((v) => {
              const row = tableRows[v.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  style={{ height: ROW }}
                  className="border-t border-slate-100"
                  aria-rowindex={v.index + 2}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-1 whitespace-nowrap">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? <tr style={{ height: padBottom }} /> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
