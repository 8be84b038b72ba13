/**
 * A column heading: its text, or an object to right-align it over amounts (`align: 'right'`), name
 * it for screen readers only (`srOnly`) or add classes to its cell.
 */
export type ColumnHeading = string | { label: string; align?: 'right'; srOnly?: boolean; className?: string };

/** A table's `thead`: one row with a `th scope="col"` per column, left-aligned unless said otherwise. */
export function ColumnHeaders({
  columns,
  className,
  rowClassName,
  cellClassName = '',
}: {
  columns: readonly ColumnHeading[];
  className?: string;
  rowClassName?: string;
  cellClassName?: string;
}) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {columns.map((column) => {
          const c = typeof column === 'string' ? { label: column } : column;
          return (
            <th
              key={c.label}
              scope="col"
              className={`${c.align === 'right' ? 'text-right' : 'text-left'} ${cellClassName} ${c.className ?? ''}`}
            >
              {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
