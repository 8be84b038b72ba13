import { ColumnHeaders, type ColumnHeading } from '../ui/column-headers.tsx';

/** The header row of the payment tables: one `th scope="col"` per column. */
export function TableHead({
  columns,
  sticky = false,
}: {
  columns: readonly ColumnHeading[];
  sticky?: boolean;
}) {
  return (
    <ColumnHeaders
      columns={columns}
      className={`bg-slate-50 text-slate-700 ${sticky ? 'sticky top-0' : ''}`}
      cellClassName="px-3 py-2 font-medium"
    />
  );
}

/** A column heading right-aligned over its amounts. */
export const amount = (label: string): ColumnHeading => ({ label, align: 'right' });

/** A right-aligned amount cell's classes. */
export const numCell = 'whitespace-nowrap px-3 py-2 text-right tabular-nums';
