import type { SortingState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import { cellText, type DataColumn, isSearchable } from './data-column.ts';
import { rowOrder } from './row-order.ts';

/** What a data table shows: the filtered, sorted order and the subtotals of its amounts. */
export interface DataTableView {
  search: string;
  setSearch: (text: string) => void;
  sorting: SortingState;
  setSorting: (next: SortingState | ((old: SortingState) => SortingState)) => void;
  /** Indices into the rows, filtered (search and `keep`) and sorted, as shown. */
  order: Uint32Array;
  /** Per `cents` column: the sum over the rows shown, in cents. */
  subtotals: ReadonlyMap<string, number>;
}

/**
 * The state of one data table: a search over its text columns (deferred, so typing stays smooth
 * while 100k rows are filtered), the caller's own filters (`keep`), one sort column, and the
 * subtotal of every amount column over what is left. Works on indices (rowOrder), never on
 * per-row objects, so it holds 100k+ rows.
 */
export function useDataTable<T>({
  rows,
  columns,
  keep = null,
  initialSort = [],
}: {
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  /** The caller's filters (a select, a checkbox); null keeps every row. Memoise it. */
  keep?: ((row: T, index: number) => boolean) | null;
  initialSort?: SortingState;
}): DataTableView {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search).trim().toLowerCase();
  const searching = needle !== '';
  // Lower-cased once per loaded snapshot (and only once someone searches), not once per keystroke.
  const haystack = useMemo(() => {
    if (!searching) return null;
    const cols = columns.filter(isSearchable);
    return rows.map((r) =>
      cols
        .map((c) => cellText(c, r))
        .join('\n')
        .toLowerCase(),
    );
  }, [rows, columns, searching]);
  const order = useMemo(() => {
    const filter =
      !needle && !keep
        ? null
        : (r: T, i: number) =>
            (!keep || keep(r, i)) && (!needle || !haystack || (haystack[i] as string).includes(needle));
    const by = sorting[0];
    const column = by ? columns.find((c) => c.id === by.id) : undefined;
    return rowOrder(rows, filter, by && column ? { value: column.value, desc: by.desc } : null);
  }, [rows, columns, keep, needle, haystack, sorting]);
  const subtotals = useMemo(() => {
    const sums = new Map<string, number>();
    for (const c of columns) {
      if (c.kind !== 'cents') continue;
      let sum = 0;
      for (let i = 0; i < order.length; i++) {
        const v = c.value(rows[order[i] as number] as T);
        if (typeof v === 'number') sum += v;
      }
      sums.set(c.id, sum);
    }
    return sums;
  }, [rows, columns, order]);
  return { search, setSearch, sorting, setSorting, order, subtotals };
}
