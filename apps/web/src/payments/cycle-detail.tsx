import { formatDollars } from '@quip/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PaymentCycle, PaymentCycleLine } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { saveBlob } from '../ui/save-blob.ts';
import { CycleStatusBadge } from './cycle-status-badge.tsx';
import { grandTotal, isRecovery, previewLines, totalsByKind } from './cycle-summary.ts';
import { paymentCycleApi, refusalText } from './payment-cycle-api.ts';
import { amount, numCell, TableHead } from './table-head.tsx';

const MAX_ROWS = 500;

/** One cycle: its totals by kind, its lines (recoveries first and marked), approval and its payment file. */
export function CycleDetail({
  cycleId,
  canApprove,
  onClose,
}: {
  cycleId: number;
  canApprove: boolean;
  onClose: () => void;
}) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const cycle = useQuery({
    queryKey: ['payment-cycle', cycleId],
    queryFn: ({ signal }) => paymentCycleApi.get(api, cycleId, signal),
  });
  const lines = useQuery({
    queryKey: ['payment-cycle-lines', cycleId],
    queryFn: ({ signal }) => paymentCycleApi.lines(api, cycleId, signal),
  });
  const approve = useMutation({
    mutationFn: () => paymentCycleApi.approve(api, cycleId),
    onSuccess: async (approved) => {
      queryClient.setQueryData(['payment-cycle', cycleId], approved);
      await queryClient.invalidateQueries({
        queryKey: ['payment-cycles', approved.fiscalYear, approved.program],
      });
    },
  });
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = async (c: PaymentCycle, format: 'csv' | 'xlsx') => {
    try {
      setDownloadError(null);
      saveBlob(
        await paymentCycleApi.file(api, c.id, format),
        `payment-cycle-${c.program}-${c.fiscalYear}-${c.id}.${format}`,
      );
    } catch (error) {
      setDownloadError(error);
    }
  };

  return (
    <section
      aria-labelledby="cycle-heading"
      className="rounded-md border border-slate-300 bg-white p-4"
      data-testid="cycle-detail"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="cycle-heading" className="text-lg font-semibold text-slate-900">
          Cycle {cycleId}
          {cycle.data?.label ? `: ${cycle.data.label}` : ''}{' '}
          {cycle.data ? <CycleStatusBadge status={cycle.data.status} /> : null}
        </h2>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
      {cycle.isPending ? <LoadingMessage>Loading cycle {cycleId}…</LoadingMessage> : null}
      {cycle.isError ? (
        <ErrorMessage title={`Cycle ${cycleId} could not be loaded.`} error={cycle.error} />
      ) : null}
      {cycle.data ? (
        <>
          <p className="mt-1 text-sm text-slate-700">
            From run {cycle.data.runId}
            {cycle.data.official ? ' (the final run)' : ''}
            {cycle.data.interimShare
              ? `, paying an interim share of ${shareText(cycle.data.interimShare)}`
              : ''}
            . Created by {cycle.data.createdByName} on {new Date(cycle.data.createdAt).toLocaleString()}
            {cycle.data.approvedByName && cycle.data.approvedAt
              ? `; approved by ${cycle.data.approvedByName} on ${new Date(cycle.data.approvedAt).toLocaleString()}.`
              : '; not approved yet: this draft is the preview of what is due.'}
          </p>
          <div className="my-4 flex flex-wrap items-center gap-3">
            {canApprove && cycle.data.status === 'draft' ? (
              <Button onClick={() => approve.mutate()} disabled={approve.isPending}>
                {approve.isPending ? 'Approving…' : `Approve cycle ${cycleId}`}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => void download(cycle.data, 'csv')}>
              Download payment file (CSV)
            </Button>
            <Button variant="secondary" onClick={() => void download(cycle.data, 'xlsx')}>
              Download payment file (XLSX)
            </Button>
          </div>
          {approve.isError ? (
            <p
              role="alert"
              className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
            >
              <span className="font-medium">Cycle {cycleId} was not approved.</span>{' '}
              {refusalText(approve.error)}
            </p>
          ) : null}
          {approve.isSuccess ? (
            <p role="status" className="mb-4 text-sm text-green-900">
              Cycle {cycleId} is approved: its lines are in the ledger.
            </p>
          ) : null}
          <ErrorAlert error={downloadError} describe={refusalText} className="mb-4" />
        </>
      ) : null}
      {lines.isPending ? <LoadingMessage>Loading the lines…</LoadingMessage> : null}
      {lines.isError ? <ErrorMessage title="The lines could not be loaded." error={lines.error} /> : null}
      {lines.data ? <CycleLines lines={lines.data} /> : null}
    </section>
  );
}

function shareText(share: string): string {
  const n = Number(share);
  return Number.isFinite(n) ? `${(n * 100).toLocaleString('en-US')}%` : share;
}

function CycleLines({ lines }: { lines: PaymentCycleLine[] }) {
  const kinds = totalsByKind(lines);
  const all = grandTotal(kinds);
  const { rows, hidden } = previewLines(lines, MAX_ROWS);
  if (lines.length === 0)
    return (
      <p className="text-sm text-slate-700">Nothing is due: every payee was paid what it is entitled to.</p>
    );
  return (
    <>
      <h3 className="mb-2 font-semibold text-slate-900">Totals by kind</h3>
      <div className="mb-6 overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm" data-testid="totals-by-kind">
          <caption className="sr-only">What the cycle pays and recovers, by kind of line</caption>
          <TableHead columns={['Kind', amount('Lines'), amount('Due'), amount('Recovered'), amount('Net')]} />
          <tbody>
            {kinds.map((k) => (
              <tr key={k.kind} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {k.kind}
                </th>
                <td className={numCell}>
                  {k.lines.toLocaleString('en-US')}
                  {k.recoveries > 0 ? ` (${k.recoveries.toLocaleString('en-US')} recoveries)` : ''}
                </td>
                <td className={numCell}>{formatDollars(k.dueCents)}</td>
                <td className={`${numCell} ${k.recoveredCents > 0 ? 'font-medium text-red-800' : ''}`}>
                  {formatDollars(k.recoveredCents)}
                </td>
                <td className={numCell}>{formatDollars(k.netCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                Total
              </th>
              <td className={numCell}>{all.lines.toLocaleString('en-US')}</td>
              <td className={numCell}>{formatDollars(all.dueCents)}</td>
              <td className={numCell}>{formatDollars(all.recoveredCents)}</td>
              <td className={numCell}>{formatDollars(all.netCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3 className="mb-1 font-semibold text-slate-900">Lines</h3>
      <p className="mb-2 text-sm text-slate-700">
        {all.recoveries > 0
          ? `${all.recoveries.toLocaleString('en-US')} recoveries, listed first and marked “Recovery”. `
          : 'No recoveries. '}
        {hidden > 0
          ? `Showing ${rows.length.toLocaleString('en-US')} of ${lines.length.toLocaleString('en-US')} lines; the payment file has them all.`
          : ''}
      </p>
      <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm" data-testid="cycle-lines">
          <caption className="sr-only">The cycle's lines by payee and key</caption>
          <TableHead
            columns={['Payee', 'Key', 'Kind', amount('Entitled'), amount('Paid before'), amount('Due')]}
            sticky
          />
          <tbody>
            {rows.map((l) => {
              const recovery = isRecovery(l);
              return (
                <tr
                  key={`${l.entityId}\u0000${l.key}`}
                  className={`border-t border-slate-100 ${recovery ? 'bg-red-50' : ''}`}
                >
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {l.entityId}
                  </th>
                  <td className="px-3 py-2 font-mono text-xs">{l.key}</td>
                  <td className="px-3 py-2">{l.kind}</td>
                  <td className={numCell}>{formatDollars(l.entitledCents)}</td>
                  <td className={numCell}>{formatDollars(l.paidBeforeCents)}</td>
                  <td className={`${numCell} ${recovery ? 'font-semibold text-red-800' : ''}`}>
                    {formatDollars(l.dueCents)}
                    {recovery ? (
                      <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium">
                        Recovery
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
