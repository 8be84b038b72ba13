import { formatDollars } from '@quip/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { PaymentCycle } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { useProgramParams } from '../app/use-program-params.ts';
import { useMe } from '../auth/use-me.ts';
import { runApi } from '../runs/run-api.ts';
import { Button } from '../ui/button.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyMessage, ErrorMessage } from '../ui/query-feedback.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { fieldBoxClass, TextField } from '../ui/text-field.tsx';
import { CycleDetail } from './cycle-detail.tsx';
import { CycleStatusBadge } from './cycle-status-badge.tsx';
import { PayeeLedger } from './payee-ledger.tsx';
import { paymentCycleApi, refusalText } from './payment-cycle-api.ts';
import { amount, numCell, TableHead } from './table-head.tsx';

/** A program's payment cycles in a fiscal year: create one from a run, approve it, download it; a payee's ledger. */
export function PaymentsPage() {
  const { fy, program } = useProgramParams();
  const { api } = useQuip();
  const me = useMe();
  const cycles = useQuery({
    queryKey: ['payment-cycles', fy, program],
    queryFn: ({ signal }) => paymentCycleApi.list(api, fy, program, signal),
  });
  const [open, setOpen] = useState<number | null>(null);
  const [payee, setPayee] = useState('');
  const [payeeShown, setPayeeShown] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={`Payments: ${program} ${fy}`}>
        <p>
          A payment cycle pays what each payee is due from a{' '}
          <Link
            to="/fiscal-years/$fy/programs/$program/runs"
            params={{ fy, program }}
            className="text-blue-800 underline"
          >
            run
          </Link>{' '}
          after what approved cycles paid before; a negative amount is a recovery. A cycle is a draft until an
          administrator other than the one who created it approves it; then its lines enter the ledger and
          never change.
        </p>
      </PageHeader>

      {me?.role === 'admin' ? <CreateCycle fy={fy} program={program} onCreated={setOpen} /> : null}

      <section aria-labelledby="cycles-heading" className="mb-8">
        <h2 id="cycles-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Cycles
        </h2>
        <QueryView
          query={cycles}
          loading="Loading payment cycles…"
          errorTitle="The payment cycles could not be loaded."
          retry
          empty={<EmptyMessage>No payment cycles yet.</EmptyMessage>}
        >
          {(data) => <CycleTable cycles={data} open={open} onOpen={setOpen} />}
        </QueryView>
      </section>

      {open !== null ? (
        <CycleDetail
          key={open}
          cycleId={open}
          canApprove={me?.role === 'admin'}
          onClose={() => setOpen(null)}
        />
      ) : null}

      <section aria-labelledby="ledger-heading" className="mt-8">
        <h2 id="ledger-heading" className="mb-1 text-lg font-semibold text-slate-900">
          Ledger of a payee
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">
          Every approved line paid to the payee, oldest first, with the running balance of each line key.
        </p>
        <form
          className="mb-4 flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const id = payee.trim();
            setPayeeShown(id === '' ? null : id);
          }}
        >
          <TextField label="Payee id" value={payee} onValue={setPayee} placeholder="e.g. WPC-0001" />
          <Button type="submit" variant="secondary">
            Show ledger
          </Button>
        </form>
        {payeeShown ? <PayeeLedger key={payeeShown} fy={fy} program={program} entityId={payeeShown} /> : null}
      </section>
    </>
  );
}

function CreateCycle({
  fy,
  program,
  onCreated,
}: {
  fy: string;
  program: string;
  onCreated: (id: number) => void;
}) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const runs = useQuery({
    queryKey: ['runs', fy, program],
    queryFn: ({ signal }) => runApi.list(api, fy, program, signal),
  });
  const succeeded = (runs.data ?? [])
    .filter((r) => r.status === 'succeeded')
    .sort((a, b) => Number(b.id) - Number(a.id));
  const [runId, setRunId] = useState('');
  const [label, setLabel] = useState('');
  const chosen = runId || (succeeded[0] ? String(succeeded[0].id) : '');
  const create = useMutation({
    mutationFn: () =>
      paymentCycleApi.create(api, fy, program, {
        runId: Number(chosen),
        ...(label.trim() ? { label: label.trim() } : {}),
      }),
    onSuccess: async (cycle) => {
      setLabel('');
      await queryClient.invalidateQueries({ queryKey: ['payment-cycles', fy, program] });
      onCreated(cycle.id);
    },
  });
  return (
    <section
      aria-labelledby="create-heading"
      className="mb-8 rounded-md border border-slate-200 bg-white p-4"
    >
      <h2 id="create-heading" className="text-lg font-semibold text-slate-900">
        Create a cycle
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-700">
        Creating a cycle stores a draft: it is the preview of what is due. Nothing is paid until another
        administrator approves it; a draft left unapproved pays nothing.
      </p>
      {runs.isError ? <ErrorMessage title="The runs could not be loaded." error={runs.error} /> : null}
      {runs.isSuccess && succeeded.length === 0 ? (
        <EmptyMessage>
          No succeeded run yet:{' '}
          <Link
            to="/fiscal-years/$fy/programs/$program/runs"
            params={{ fy, program }}
            className="text-blue-800 underline"
          >
            start a run
          </Link>{' '}
          first.
        </EmptyMessage>
      ) : (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) create.mutate();
          }}
        >
          <label className="text-sm font-medium">
            From run
            <select value={chosen} onChange={(e) => setRunId(e.target.value)} className={fieldBoxClass}>
              {succeeded.map((r) => (
                <option key={String(r.id)} value={String(r.id)}>
                  Run {String(r.id)}
                  {r.asOf ? ` (as of ${r.asOf})` : ''}
                  {r.official ? ' · final' : ''}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label="Label (optional)"
            value={label}
            maxLength={200}
            onValue={setLabel}
            placeholder="e.g. Interim payment, October"
            className="w-72"
          />
          <Button type="submit" disabled={create.isPending || !chosen}>
            {create.isPending ? 'Creating…' : 'Create draft cycle'}
          </Button>
        </form>
      )}
      {create.isError ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <span className="font-medium">The cycle was not created.</span> {refusalText(create.error)}
        </p>
      ) : null}
    </section>
  );
}

function CycleTable({
  cycles,
  open,
  onOpen,
}: {
  cycles: PaymentCycle[];
  open: number | null;
  onOpen: (id: number) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Payment cycles, newest first</caption>
        <TableHead
          columns={[
            'Cycle',
            'Run',
            'Status',
            'Created by',
            'Approved by',
            amount('Due'),
            amount('Recovered'),
            amount('Net'),
            amount('Lines'),
          ]}
        />
        <tbody>
          {cycles.map((c) => (
            <tr key={c.id} className={`border-t border-slate-100 ${open === c.id ? 'bg-blue-50' : ''}`}>
              <th scope="row" className="min-w-40 px-3 py-2 text-left font-normal">
                <button
                  type="button"
                  onClick={() => onOpen(c.id)}
                  aria-pressed={open === c.id}
                  className="font-medium text-blue-800 underline"
                >
                  Cycle {c.id}
                </button>
                {c.label ? <span className="block text-xs text-slate-600">{c.label}</span> : null}
              </th>
              <td className="whitespace-nowrap px-3 py-2">
                <Link
                  to="/runs/$runId"
                  params={{ runId: String(c.runId) }}
                  className="text-blue-800 underline"
                >
                  Run {c.runId}
                </Link>
              </td>
              <td className="px-3 py-2">
                <CycleStatusBadge status={c.status} />
              </td>
              <td className="px-3 py-2">{c.createdByName}</td>
              <td className="px-3 py-2">{c.approvedByName ?? '—'}</td>
              <td className={numCell}>{formatDollars(c.totals.dueCents)}</td>
              <td className={`${numCell} ${c.totals.recoveredCents > 0 ? 'font-medium text-red-800' : ''}`}>
                {formatDollars(c.totals.recoveredCents)}
              </td>
              <td className={numCell}>{formatDollars(c.totals.netCents)}</td>
              <td className={numCell}>{c.totals.lines.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
