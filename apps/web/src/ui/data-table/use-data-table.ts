import type { SortingState } from '@tanstack/react-table';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { cellText, type DataColumn, isSearchable } from './data-column.ts';
import { type DataFilter, filtersTest } from './data-filter.ts';
import { rowOrder } from './row-order.ts';

/** What a data table shows: the filtered, sorted order and the subtotals of its amounts. */
export interface DataTableView {
  search: string;
  setSearch: (text: string) => void;
  /** Each filter's chosen value, by filter id (a filter not chosen yet shows every row). */
  chosen: Readonly<Record<string, string>>;
  choose: (filter: string, value: string) => void;
  sorting: SortingState;
  setSorting: (next: SortingState | ((old: SortingState) => SortingState)) => void;
  /** Indices into the rows, filtered (search and filters) and sorted, as shown. */
  order: Uint32Array;
  /** Per `cents` column: the sum over the rows shown, in cents. */
  subtotals: ReadonlyMap<string, number>;
}

const NO_FILTERS: readonly never[] = [];

/**
 * The state of one data table: a search over its text columns (deferred, so typing stays smooth
 * while 100k rows are filtered), the choice of each of its filters, one sort column, and the
 * subtotal of every amount column over what is left. Works on indices (rowOrder), never on
 * per-row objects, so it holds 100k+ rows.
 */
export function useDataTable<T>({
  rows,
  columns,
  filters = NO_FILTERS,
  initialSort = [],
}: {
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  /** The table's selects; memoise them. */
  filters?: readonly DataFilter<T>[];
  initialSort?: SortingState;
}): DataTableView {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Readonly<Record<string, string>>>({});
  const choose = useCallback((filter: string, value: string) => {
    setChosen((old) => ({ ...old, [filter]: value }));
  }, []);
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
  const keep = useMemo(() => filtersTest(filters, chosen), [filters, chosen]);
  const order = useMemo(() => {
    const filter =
      !needle && !keep
        ? null
        : (r: T, i: number) =>
            (!keep || keep(r)) && (!needle || !haystack || (haystack[i] as string).includes(needle));
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
  return { search, setSearch, chosen, choose, sorting, setSorting, order, subtotals };
}
