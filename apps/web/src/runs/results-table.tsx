import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import type { RunResult } from '../api/resources.ts';
import { rowOrder, type SortValue } from './row-order.ts';
import { VirtualTable } from './virtual-table.tsx';

const col = createColumnHelper<RunResult>();
const num = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);
const metText = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'not met');
type MetFilter = 'all' | 'met' | 'not-met';

/** What each column sorts by (missing numbers sort last either way). */
const SORT_VALUES: Record<string, (r: RunResult) => SortValue> = {
  entityId: (r) => r.entityId,
  measure: (r) => r.measure,
  status: (r) => r.status,
  value: (r) => r.value,
  target: (r) => r.target,
  met: (r) => metText(r.met),
  points: (r) => r.points,
};

/**
 * Every entity x measure result of a run: sortable columns, a text filter and a met filter,
 * virtualised (only the rows in view are in the DOM or in TanStack's row model), so 100k+ rows
 * sort, filter and scroll without freezing the tab. The filter text is deferred so typing stays
 * responsive while the rows are filtered.
 */
export function ResultsTable({
  rows,
  onPayee,
  measureNames,
}: {
  rows: RunResult[];
  onPayee: (entityId: string) => void;
  /** Measure key -> name from the run's rulebook, shown (and searchable) beside the key. */
  measureNames?: ReadonlyMap<string, string>;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [text, setText] = useState('');
  const [met, setMet] = useState<MetFilter>('all');
  const needle = useDeferredValue(text).trim().toLowerCase();
  // Lower-cased once per loaded snapshot, not once per keystroke.
  const searchable = useMemo(
    () => rows.map((r) => `${r.entityId}\n${r.measure}\n${measureNames?.get(r.measure) ?? ''}`.toLowerCase()),
    [rows, measureNames],
  );
  const order = useMemo(() => {
    const keep =
      !needle && met === 'all'
        ? null
        : (r: RunResult, i: number) =>
            (met === 'all' || r.met === (met === 'met')) &&
            (!needle || (searchable[i] as string).includes(needle));
    const by = sorting[0];
    const value = by ? SORT_VALUES[by.id] : undefined;
    return rowOrder(rows, keep, by && value ? { value, desc: by.desc } : null);
  }, [rows, searchable, needle, met, sorting]);
  const columns = useMemo(
    () => [
      col.accessor('entityId', {
        header: 'Payee',
        sortDescFirst: false,
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
        sortDescFirst: false,
        cell: (c) => {
          const name = measureNames?.get(c.getValue());
          return (
            <>
              <span className="font-mono text-xs">{c.getValue()}</span>
              {name ? <span className="text-xs text-slate-600"> {name}</span> : null}
            </>
          );
        },
      }),
      col.accessor('status', { header: 'Status', sortDescFirst: false }),
      col.accessor('value', { header: 'Value', sortDescFirst: true, cell: (c) => num(c.getValue()) }),
      col.accessor('target', { header: 'Target', sortDescFirst: true, cell: (c) => num(c.getValue()) }),
      col.accessor((r) => metText(r.met), { id: 'met', header: 'Met', sortDescFirst: false }),
      col.accessor('points', { header: 'Points', sortDescFirst: true, cell: (c) => num(c.getValue()) }),
    ],
    [onPayee, measureNames],
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium">
          Filter by payee or measure
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="text-sm font-medium">
          Met
          <select
            value={met}
            onChange={(e) => setMet(e.target.value as MetFilter)}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
          >
            <option value="all">all</option>
            <option value="met">met</option>
            <option value="not-met">not met</option>
          </select>
        </label>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="results-count">
          {order.length.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} results
        </p>
      </div>
      <VirtualTable
        columns={columns}
        rows={rows}
        order={order}
        sorting={sorting}
        onSortingChange={setSorting}
        caption="Results"
        testId="results-scroller"
      />
    </div>
  );
}
