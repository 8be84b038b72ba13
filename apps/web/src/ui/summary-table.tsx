import type { ReactNode } from 'react';
import { ColumnHeaders, type ColumnHeading } from './column-headers.tsx';

/** One column of a SummaryTable: its heading, its cell for a row, and the cell's classes. */
export interface SummaryColumn<T> {
  heading: ColumnHeading;
  cell: (row: T) => ReactNode;
  className?: string | ((row: T) => string);
}

/**
 * A short, full-width table in a card (a payee's calendar, a scorecard's payment lines): light
 * rules between rows, headings in the muted text colour, one row a `rows` item.
 */
export function SummaryTable<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  rowClassName = '',
  className = '',
  testId,
}: {
  caption: ReactNode;
  /** For screen readers only (the card's heading already says what the table is). */
  captionHidden?: boolean;
  columns: readonly SummaryColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowClassName?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <table className={`w-full text-left text-sm ${className}`} data-testid={testId}>
      <caption className={captionHidden ? 'sr-only' : 'text-left font-medium text-slate-900'}>
        {caption}
      </caption>
      <ColumnHeaders
        columns={columns.map((c) => c.heading)}
        rowClassName="border-b border-slate-300 text-slate-600"
        cellClassName="py-1 font-medium"
      />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={`border-b border-slate-100 ${rowClassName}`}>
            {columns.map((c) => (
              <td
                key={typeof c.heading === 'string' ? c.heading : c.heading.label}
                className={`py-1 ${typeof c.className === 'function' ? c.className(row) : (c.className ?? '')}`}
              >
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
