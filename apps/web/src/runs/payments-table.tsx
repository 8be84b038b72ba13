import { formatDollars } from '@quip/core';
import { useMemo } from 'react';
import type { RunPayment } from '../api/resources.ts';
import { PrintScorecardsLink } from '../scorecard/scorecard-links.tsx';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import { type DataFilter, valueOptions } from '../ui/data-table/data-filter.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { payeeColumns } from '../ui/data-table/payee-columns.tsx';
import { useDataTable } from '../ui/data-table/use-data-table.ts';
import { scorecardColumn } from './scorecard-column.tsx';

/** What the server says about the whole run (GET /runs/{id} `totals`), not just the loaded rows. */
export interface RunPaymentTotals {
  payees?: number;
  totalCents?: number;
  /** Per payment line kind: the run's total of that kind, in cents. */
  byLineKind?: Record<string, number>;
}

const COLUMNS: DataColumn<RunPayment>[] = [
  ...payeeColumns<RunPayment>(
    (p) => p.entityId,
    (p) => p.name,
  ),
  {
    id: 'kinds',
    header: 'Kinds',
    value: (p) => [...new Set(p.lines.map((l) => l.kind))].join(', '),
  },
  { id: 'lines', header: 'Lines', kind: 'number', value: (p) => p.lines.length },
  { id: 'totalCents', header: 'Total', kind: 'cents', value: (p) => p.totalCents },
];

/**
 * Every payee's payment, loaded page by page, in the SPA's data table: search by payee or name,
 * a filter by payment kind, the subtotal of what is shown, export. Above it the run's totals (by
 * kind too) come from the server, so they are right while pages are still arriving.
 */
export function PaymentsTable({
  payments,
  loaded,
  done,
  totals,
  fileName,
  runId,
}: {
  payments: RunPayment[];
  /** The run, for a link to each payee's scorecard and to print the scorecards shown. */
  runId?: string;
  /** Rows fetched so far (may run ahead of `payments`, which the table refreshes less often). */
  loaded: number;
  done: boolean;
  totals: RunPaymentTotals;
  /** Base name of an export ("run-12-payments"). */
  fileName: string;
}) {
  const kinds = useMemo(() => Object.keys(totals.byLineKind ?? {}).sort(), [totals.byLineKind]);
  // A filter by payment line kind when the run pays more than one.
  const filters = useMemo<DataFilter<RunPayment>[]>(
    () =>
      kinds.length > 1
        ? [
            {
              id: 'kind',
              label: 'Kind',
              options: valueOptions('all kinds', kinds),
              keeps: (p, kind) => p.lines.some((l) => l.kind === kind),
            },
          ]
        : [],
    [kinds],
  );
  const columns = useMemo(() => [...COLUMNS, ...scorecardColumn<RunPayment>(runId)], [runId]);
  const view = useDataTable({ rows: payments, columns, filters });
  const shown =
    view.order.length === payments.length
      ? null
      : Array.from(view.order, (i) => (payments[i] as RunPayment).entityId);
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
      {kinds.length > 0 ? (
        <dl
          className="flex flex-wrap gap-x-6 gap-y-1 text-sm"
          aria-label="Totals by kind"
          data-testid="payments-by-kind"
        >
          {kinds.map((k) => (
            <div key={k} className="flex gap-2">
              <dt className="text-slate-600">{k}</dt>
              <dd className="font-mono">{formatDollars(totals.byLineKind?.[k] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {runId && done ? <PrintScorecardsLink runId={runId} entityIds={shown} /> : null}
      <DataTable
        rows={payments}
        columns={columns}
        view={view}
        caption="Payments"
        testId="payments"
        exportName={fileName}
        noun="payments"
        searchLabel="Filter by payee"
        filters={filters}
        loading={done ? undefined : loaded}
      />
    </div>
  );
}
