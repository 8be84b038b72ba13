import type { ReactNode } from 'react';
import { captionClass, rowThClass, tableClass, tdNumClass } from '../chart-table.tsx';
import { ColumnHeaders, type ColumnHeading } from '../column-headers.tsx';

/** A row of a FigureTable: its heading (the first column) and the other columns' cells. */
export interface FigureRow {
  key: string;
  head: ReactNode;
  cells: readonly ReactNode[];
}

/**
 * A chart's numbers as a small table (inside ChartTable, every row in the DOM): a caption, the
 * column headings, and per row a row heading and its cells; a column headed `align: 'right'`
 * holds amounts or counts, right-aligned in tabular figures.
 */
export function FigureTable({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: ReactNode;
  columns: readonly ColumnHeading[];
  rows: readonly FigureRow[];
  testId?: string;
}) {
  const numeric = columns.map((c) => typeof c !== 'string' && c.align === 'right');
  return (
    <table className={tableClass} data-testid={testId}>
      <caption className={captionClass}>{caption}</caption>
      <ColumnHeaders columns={columns} cellClassName="sticky top-0 bg-slate-100 px-2 py-1 font-semibold" />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100">
            <th scope="row" className={rowThClass}>
              {row.head}
            </th>
            {row.cells.map((cell, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
              <td key={i} className={numeric[i + 1] ? tdNumClass : 'px-2 py-1'}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
