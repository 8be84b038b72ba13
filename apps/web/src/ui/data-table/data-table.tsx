import { formatDollars } from '@quip/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { saveBlob } from '../save-blob.ts';
import { TextField } from '../text-field.tsx';
import { cellText, type DataColumn } from './data-column.ts';
import { type DataFilter, showsAll } from './data-filter.ts';
import { FilterSelect } from './filter-select.tsx';
import { tableCsv, tableXlsx } from './table-export.ts';
import { type DataTableView, useDataTable } from './use-data-table.ts';
import { VirtualTable } from './virtual-table.tsx';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The SPA's one table: a search box and the table's filters (selects), "n of m" shown, sortable
 * headers, the subtotal of every amount column over what is shown (in the footer), and export of
 * exactly what is shown, in that order, as CSV or XLSX. Virtualised (VirtualTable), so it holds
 * 100k+ rows. Test ids: `{testId}-search`, `-count`, `-scroller`, `-subtotal-{column}`, `-csv`, `-xlsx`.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  return props.view ? <DataTableOf {...props} view={props.view} /> : <OwnDataTable {...props} />;
}

/** A data table that keeps its own state. */
function OwnDataTable<T>(props: DataTableProps<T>) {
  const view = useDataTable({ rows: props.rows, columns: props.columns, filters: props.filters });
  return <DataTableOf {...props} view={view} />;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  caption: string;
  testId: string;
  /** File name of an export, without extension ("run-12-payments"). */
  exportName: string;
  /** What a row is, plural ("payments"). */
  noun: string;
  searchLabel?: string;
  /** The table's selects, beside the search box; memoise them. */
  filters?: readonly DataFilter<T>[];
  /** While rows are still arriving: how many have been fetched so far. */
  loading?: number | undefined;
  /** Said after the count ("more on the server"). */
  note?: string | undefined;
  /** The table's state when the caller needs it too (from useDataTable, given the same filters). */
  view?: DataTableView;
}

function DataTableOf<T>({
  rows,
  columns,
  caption,
  testId,
  exportName,
  noun,
  searchLabel = 'Search',
  filters = [],
  loading,
  note,
  view,
}: DataTableProps<T> & { view: DataTableView }) {
  const [exporting, setExporting] = useState(false);
  const defs = useMemo<ColumnDef<T, unknown>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => c.value(row),
        sortDescFirst: c.sortDescFirst ?? (c.kind === 'cents' || c.kind === 'number'),
        cell: (ctx) => {
          const row = ctx.row.original;
          if (c.render) return c.render(row);
          const text = cellText(c, row);
          return c.kind === 'cents' ? <span className="font-mono">{text}</span> : text;
        },
      })),
    [columns],
  );
  const amounts = columns.filter((c) => c.kind === 'cents');
  const exportXlsx = async () => {
    setExporting(true);
    try {
      saveBlob(await tableXlsx(columns, rows, view.order, caption), `${exportName}.xlsx`);
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <TextField
          label={searchLabel}
          type="search"
          value={view.search}
          onValue={view.setSearch}
          data-testid={`${testId}-search`}
        />
        {filters.map((f) => (
          <FilterSelect
            key={f.id}
            label={f.label}
            value={view.chosen[f.id] ?? showsAll(f)}
            onChange={(value) => view.choose(f.id, value)}
            options={f.options}
          />
        ))}
        <p className="text-sm text-slate-700" aria-live="polite" data-testid={`${testId}-count`}>
          {count(view.order.length)} of {count(rows.length)} {noun} shown
          {loading !== undefined ? ` (loading: ${count(loading)} so far)` : note ? ` (${note})` : ''}
        </p>
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            onClick={() =>
              saveBlob(
                new Blob([tableCsv(columns, rows, view.order)], { type: 'text/csv;charset=utf-8' }),
                `${exportName}.csv`,
              )
            }
            data-testid={`${testId}-csv`}
          >
            Export CSV
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            onClick={() => void exportXlsx()}
            disabled={exporting}
            data-testid={`${testId}-xlsx`}
          >
            {exporting ? 'Exporting…' : 'Export XLSX'}
          </button>
        </div>
      </div>
      <VirtualTable
        columns={defs}
        rows={rows}
        order={view.order}
        sorting={view.sorting}
        onSortingChange={view.setSorting}
        caption={caption}
        testId={`${testId}-scroller`}
        alignRight={columns.filter((c) => c.kind === 'cents' || c.kind === 'number').map((c) => c.id)}
        footer={
          amounts.length > 0 ? (
            <tr>
              {columns.map((c, i) =>
                c.kind === 'cents' ? (
                  <td
                    key={c.id}
                    className="px-3 py-2 text-right font-mono"
                    data-testid={`${testId}-subtotal-${c.id}`}
                  >
                    {formatDollars(view.subtotals.get(c.id) ?? 0)}
                  </td>
                ) : i === 0 ? (
                  <th key={c.id} scope="row" className="px-3 py-2 text-left">
                    Shown: {count(view.order.length)}
                  </th>
                ) : (
                  <td key={c.id} />
                ),
              )}
            </tr>
          ) : undefined
        }
      />
    </div>
  );
}
