import { formatDollars } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LedgerEntry } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatWholeDollars } from '../format/format-money.ts';
import { ChartTable } from '../ui/chart-table.tsx';
import { FigureTable } from '../ui/data-table/figure-table.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { type HistoryPoint, historySummary, payeeHistory } from './cycle-summary.ts';
import { paymentCycleApi } from './payment-cycle-api.ts';
import { amount, numCell, TableHead } from './table-head.tsx';

/** One payee's ledger: entries with running balances, and entitled vs paid over the cycles. */
export function PayeeLedger({ fy, program, entityId }: { fy: string; program: string; entityId: string }) {
  const { api } = useQuip();
  const ledger = useQuery({
    queryKey: ['ledger', fy, program, entityId],
    queryFn: async ({ signal }) => {
      const entries = await paymentCycleApi.ledger(api, fy, program, entityId, signal);
      // What each cycle's run entitled the payee to: the run's payment total for it.
      const cycleIds = [...new Set(entries.map((e) => e.cycleId))];
      const entitled = new Map<number, number>();
      await Promise.all(
        cycleIds.map(async (id) => {
          const cycle = await paymentCycleApi.get(api, id, signal);
          entitled.set(id, await paymentCycleApi.entitled(api, cycle.runId, entityId, signal));
        }),
      );
      return { entries, history: payeeHistory(entries, entitled) };
    },
  });
  if (ledger.isPending) return <LoadingMessage>Loading the ledger of {entityId}…</LoadingMessage>;
  if (ledger.isError)
    return (
      <ErrorMessage
        title={`The ledger of ${entityId} could not be loaded.`}
        error={ledger.error}
        onRetry={() => void ledger.refetch()}
      />
    );
  if (ledger.data.entries.length === 0)
    return (
      <EmptyMessage>
        No approved payments to {entityId} in {program} {fy}. Check the payee id, or approve a cycle that pays
        it.
      </EmptyMessage>
    );
  return (
    <div className="space-y-6" data-testid="payee-ledger">
      <HistoryChart entityId={entityId} points={ledger.data.history} />
      <LedgerTable entityId={entityId} entries={ledger.data.entries} />
    </div>
  );
}

function HistoryChart({ entityId, points }: { entityId: string; points: HistoryPoint[] }) {
  const captionId = useId();
  const summary = historySummary(entityId, points);
  const data = points.map((p) => ({ ...p, name: `Cycle ${p.cycleId}` }));
  return (
    <figure
      aria-labelledby={captionId}
      className="rounded-md border border-slate-200 bg-white p-3"
      data-testid="payee-history"
    >
      <figcaption id={captionId} className="text-sm font-semibold text-slate-900">
        {entityId}: entitled vs paid over cycles
      </figcaption>
      <div
        className="h-56"
        role="img"
        aria-label={`Bar chart of what ${entityId} was entitled to and was paid in each of ${points.length} cycle(s), in dollars.`}
        data-testid="payee-history-chart"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 20 }} barCategoryGap="30%">
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => formatWholeDollars(v)} tick={{ fontSize: 12 }} width={90} />
            <Tooltip formatter={(v, name) => [formatDollars(Number(v)), name]} />
            <Legend formatter={(value) => <span style={{ color: '#0f172a' }}>{value}</span>} />
            <Bar
              dataKey="entitledCents"
              name="Entitled by the cycle's run"
              fill="#60a5fa"
              maxBarSize={56}
              isAnimationActive={false}
            />
            <Bar
              dataKey="paidCents"
              name="Paid so far"
              fill="#15803d"
              maxBarSize={56}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable>
        <FigureTable
          caption={`${entityId}: entitled and paid by cycle`}
          columns={['Cycle', amount("Entitled by the cycle's run"), amount('Paid so far')]}
          rows={data.map((p) => ({
            key: String(p.cycleId),
            head: p.name,
            cells: [
              p.entitledCents === null ? 'unknown' : formatDollars(p.entitledCents),
              formatDollars(p.paidCents),
            ],
          }))}
        />
      </ChartTable>
      <div className="mt-2 text-sm" data-testid="payee-history-summary">
        <p className="font-medium text-slate-900">{summary[0]}</p>
        <ul className="mt-1 list-disc pl-5 text-slate-700">
          {summary.slice(1).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

function LedgerTable({ entityId, entries }: { entityId: string; entries: LedgerEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="ledger-entries">
        <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-900">
          Ledger entries of {entityId}, oldest first
        </caption>
        <TableHead
          columns={[
            'Cycle',
            'Fiscal year',
            'Key',
            'Kind',
            amount('Amount'),
            amount('Balance of the key'),
            'Approved',
          ]}
        />
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={`border-t border-slate-100 ${e.amountCents < 0 ? 'bg-red-50' : ''}`}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                Cycle {e.cycleId}
              </th>
              <td className="px-3 py-2">{e.fiscalYear}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.key}</td>
              <td className="px-3 py-2">{e.kind}</td>
              <td className={`${numCell} ${e.amountCents < 0 ? 'font-semibold text-red-800' : ''}`}>
                {formatDollars(e.amountCents)}
                {e.amountCents < 0 ? ' (recovery)' : ''}
              </td>
              <td className={numCell}>{formatDollars(e.balanceCents)}</td>
              <td className="px-3 py-2">{new Date(e.approvedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
