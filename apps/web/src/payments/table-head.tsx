/** A column heading; `numeric` right-aligns it over its amounts. */
export type Column = string | { label: string; numeric: true };

/** The header row of the payment tables: one `th scope="col"` per column. */
export function TableHead({ columns, sticky = false }: { columns: readonly Column[]; sticky?: boolean }) {
  return (
    <thead className={`bg-slate-50 text-slate-700 ${sticky ? 'sticky top-0' : ''}`}>
      <tr>
        {columns.map((c) => {
          const label = typeof c === 'string' ? c : c.label;
          return (
            <th
              key={label}
              scope="col"
              className={`px-3 py-2 font-medium ${typeof c === 'string' ? 'text-left' : 'text-right'}`}
            >
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export const amount = (label: string): Column => ({ label, numeric: true });

/** A right-aligned amount cell's classes. */
export const numCell = 'whitespace-nowrap px-3 py-2 text-right tabular-nums';
