import { formatUsd } from '../format/format-money.ts';
import type { RunPaymentRow } from './run-api.ts';

/** Per payee totals and the grand total; lines add up to each total (the API guarantees it). */
export function PaymentsTable({ payments }: { payments: RunPaymentRow[] }) {
  const total = payments.reduce((sum, p) => sum + p.totalCents, 0);
  const shown = payments.slice(0, 1_000);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800">
        <span className="font-semibold" data-testid="payments-total">
          {formatUsd(total)}
        </span>{' '}
        to {payments.length.toLocaleString('en-US')} payees
        {payments.length > shown.length
          ? ` (first ${shown.length.toLocaleString('en-US')} listed; download the file for all)`
          : ''}
        .
      </p>
      <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Payments</caption>
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">
                Payee
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Lines
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.entityId} className="border-t border-slate-100">
                <td className="px-3 py-1 font-mono text-xs">{p.entityId}</td>
                <td className="px-3 py-1 text-xs text-slate-700">{p.lines.length}</td>
                <td className="px-3 py-1 text-right font-mono">{formatUsd(p.totalCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="sticky bottom-0 bg-slate-100 font-semibold">
            <tr>
              <th scope="row" colSpan={2} className="px-3 py-2 text-left">
                Total
              </th>
              <td className="px-3 py-2 text-right font-mono">{formatUsd(total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
