import { formatDollars } from '@quip/core';
import type { ReactNode } from 'react';
import type { SortValue } from './row-order.ts';

/**
 * One column of a data table, said once: what it shows, sorts by, searches, exports and sums.
 * `cents` columns hold integer cents: shown and exported as dollars, summed over the rows the
 * filters keep. Every table of the SPA is a list of these (see DataTable).
 */
export interface DataColumn<T> {
  id: string;
  header: string;
  /** The cell's value: what the column sorts by and what an export writes (cents for `cents`). */
  value: (row: T) => SortValue;
  /** `cents`: an amount in integer cents, shown in dollars and subtotalled; `number`: right-aligned. */
  kind?: 'text' | 'number' | 'cents';
  /** The cell as text (search and export); defaults to the value (dollars for `cents`). */
  text?: (row: T) => string;
  /** The cell as shown, when it is more than its text (a link, a button, an id beside a name). */
  render?: (row: T) => ReactNode;
  /** Whether the search box looks in this column (default: text columns). */
  searchable?: boolean;
  /** The first click sorts descending (default for amounts and numbers). */
  sortDescFirst?: boolean;
  /** false: a column of links or buttons, left out of an export (default true). */
  exported?: boolean;
}

/** The column's cell as text: what the search looks in and what a CSV writes for text. */
export function cellText<T>(column: DataColumn<T>, row: T): string {
  if (column.text) return column.text(row);
  const v = column.value(row);
  if (v === null || v === undefined) return '';
  if (column.kind === 'cents' && typeof v === 'number') return formatDollars(v);
  return String(v);
}

export function isSearchable<T>(column: DataColumn<T>): boolean {
  return column.searchable ?? (column.kind === undefined || column.kind === 'text');
}
