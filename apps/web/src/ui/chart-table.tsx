import type { ReactNode } from 'react';

/**
 * The table alternative of a chart: closed by default under "Show as table", with the chart's
 * numbers (money in dollars) for whoever cannot see or read the chart. Children are tables.
 */
export function ChartTable({ children }: { children: ReactNode }) {
  return (
    <details className="mt-2 text-sm" data-testid="chart-table">
      <summary className="cursor-pointer text-blue-800 underline-offset-2 hover:underline">
        Show as table
      </summary>
      <div className="mt-2 max-h-80 space-y-3 overflow-auto rounded border border-slate-200">{children}</div>
    </details>
  );
}

export const tableClass = 'min-w-full text-sm';
export const captionClass = 'px-2 py-1 text-left text-xs font-medium text-slate-700';
export const rowThClass = 'px-2 py-1 text-left font-normal';
export const tdNumClass = 'px-2 py-1 text-right tabular-nums';
