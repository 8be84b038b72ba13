import { formatDollars } from '@quip/core';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import type { RunPayment } from '../api/resources.ts';
import { rowOrder, type SortValue } from './row-order.ts';
import { VirtualTable } from './virtual-table.tsx';

const col = createColumnHelper<RunPayment>();
const SORT_VALUES: Record<string, (p: RunPayment) => SortValue> = {
  entityId: (p) => p.entityId,
  lines: (p) => p.lines.length,
  totalCents: (p) => p.totalCents,
};

/** What the server says about the whole run (GET /runs/{id} `totals`), not just the loaded rows. */
export interface RunPaymentTotals {
  payees?: number;
  totalCents?: number;
}

/**
 * Every payee's payment, loaded page by page and virtualised like the results: a filter by payee,
 * sorting by payee, number of lines or total. The totals are the run's, from the server, so they
 * are right while pages are still arriving; only when the server gave none are the loaded rows
 * summed (and then only once all of them are in).
 */
export function PaymentsTable({
  payments,
  loaded,
  done,
  totals,
}: {
  payments: RunPayment[];
  /** Rows fetched so far (may run ahead of `payments`, which the table refreshes less often). */
  loaded: number;
  done: boolean;
  totals: RunPaymentTotals;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [text, setText] = useState('');
  const needle = useDeferredValue(text).trim().toLowerCase();
  const order = useMemo(() => {
    const by = sorting[0];
    const value = by ? SORT_VALUES[by.id] : undefined;
    return rowOrder(
      payments,
      needle ? (p) => p.entityId.toLowerCase().includes(needle) : null,
      by && value ? { value, desc: by.desc } : null,
    );
  }, [payments, needle, sorting]);
  const columns = useMemo(
    () => [
      col.accessor('entityId', {
        header: 'Payee',
        sortDescFirst: false,
        cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
      }),
      col.accessor((p) => p.lines.length, { id: 'lines', header: 'Lines', sortDescFirst: true }),
      col.accessor('totalCents', {
        header: 'Total',
        sortDescFirst: true,
        cell: (c) => <span className="font-mono">{formatDollars(c.getValue())}</span>,
      }),
    ],
    [],
  );
  const shown = order.length;
  const payees = totals.payees ?? (done ? payments.length : null);
  const totalCents = totals.totalCents ?? (done ? payments.reduce((sum, p) => sum + p.totalCents, 0) : null);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800">
        <span className="font-semibold" data-testid="payments-total">
          {totalCents === null ? '…' : formatDollars(totalCents)}
        </span>{' '}
        to {payees === null ? '…' : payees.toLocaleString('en-US')} payees in this run.
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium">
          Filter by payee
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="payments-count">
          {shown.toLocaleString('en-US')} of {payments.length.toLocaleString('en-US')} payments listed
          {done ? '' : ` (loading: ${loaded.toLocaleString('en-US')} so far)`}
        </p>
      </div>
      <VirtualTable
        columns={columns}
        rows={payments}
        order={order}
        sorting={sorting}
        onSortingChange={setSorting}
        caption="Payments"
        testId="payments-scroller"
        alignRight={['totalCents']}
        footer={
          <tr>
            <th scope="row" colSpan={2} className="px-3 py-2 text-left">
              Total of the run
            </th>
            <td className="px-3 py-2 text-right font-mono" data-testid="payments-footer-total">
              {totalCents === null ? '…' : formatDollars(totalCents)}
            </td>
          </tr>
        }
      />
    </div>
  );
}
