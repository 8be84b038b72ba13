import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useMemo, useRef } from 'react';

const ROW = 36;

/**
 * A TanStack table over a large list in a scroll box, virtualised: only the rows in view (and a
 * few around them) are in the DOM, and only they are handed to TanStack, so 100k rows cost what
 * 40 do. The caller orders the rows (`order`: indices into `rows`, filtered and sorted, see
 * rowOrder); TanStack keeps the column definitions, the sorting state (manual sorting) and the
 * rendering. Headers sort on click and say so with aria-sort; rows carry aria-rowindex.
 */
export function VirtualTable<T>({
  columns,
  rows,
  order,
  sorting,
  onSortingChange,
  caption,
  testId,
  footer,
  alignRight = [],
}: {
  // biome-ignore lint/suspicious/noExplicitAny: column values differ by column, as in TanStack's own typings
  columns: ColumnDef<T, any>[];
  rows: readonly T[];
  order: Uint32Array;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  caption: string;
  testId: string;
  footer?: ReactNode;
  /** Column ids whose cells are right-aligned (amounts). */
  alignRight?: readonly string[];
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  // The same array while the window is the same: a new `data` on every render would make TanStack
  // queue its auto-resets (page index, expanded) on every render, and each reset renders again.
  const data = useMemo(() => items.map((v) => rows[order[v.index] as number] as T), [items, rows, order]);
  const table = useReactTable({
    data,
    autoResetAll: false,
    columns,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    manualFiltering: true,
    getCoreRowModel: getCoreRowModel(),
  });
  const windowRows = table.getRowModel().rows;
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const align = (id: string) => (alignRight.includes(id) ? 'text-right' : 'text-left');
  return (
    <div
      ref={scroller}
      className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white"
      data-testid={testId}
    >
      <table className="min-w-full text-sm" aria-rowcount={order.length + 1}>
        <caption className="sr-only">{caption}</caption>
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
                    className={`px-3 py-2 ${align(h.column.id)}`}
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
          {items.map((v, j) => {
            const row = windowRows[j];
            if (!row) return null;
            return (
              <tr
                key={v.key}
                style={{ height: ROW }}
                className="border-t border-slate-100"
                aria-rowindex={v.index + 2}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-1 whitespace-nowrap ${align(cell.column.id)}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? <tr style={{ height: padBottom }} /> : null}
        </tbody>
        {footer ? <tfoot className="sticky bottom-0 bg-slate-100 font-semibold">{footer}</tfoot> : null}
      </table>
    </div>
  );
}
