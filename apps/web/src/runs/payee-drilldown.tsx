import { formatDollars } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import type { RunResult } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { PaymentDetails } from './payment-details.tsx';
import { runApi } from './run-api.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function Trace({ steps }: { steps: RunResult['trace'] }) {
  if (!steps || steps.length === 0) return null;
  return (
    <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-xs">
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a trace is an ordered list without ids
        <li key={i}>
          <span className="font-semibold">{s.rule}</span>
          {s.formula ? <span className="font-mono text-slate-700"> {s.formula}</span> : null}
          {s.inputs ? <span className="text-slate-600"> with {show(s.inputs)}</span> : null}
          <span> = </span>
          <span className="font-mono font-semibold">{show(s.value)}</span>
        </li>
      ))}
    </ol>
  );
}

/** One payee in a run: each measure's result with its trace, then the payment line by line. */
export function PayeeDrilldown({ runId, entityId }: { runId: string; entityId: string }) {
  const { api } = useQuip();
  const results = useQuery({
    queryKey: ['run', runId, 'payee', entityId, 'results'],
    queryFn: ({ signal }) => runApi.payeeResults(api, runId, entityId, signal),
  });
  const payments = useQuery({
    queryKey: ['run', runId, 'payee', entityId, 'payments'],
    queryFn: ({ signal }) => runApi.payeePayments(api, runId, entityId, signal),
  });
  if (results.isPending || payments.isPending)
    return <LoadingMessage>Loading payee {entityId}…</LoadingMessage>;
  if (results.isError || payments.isError)
    return (
      <ErrorMessage
        title={`Payee ${entityId} could not be loaded.`}
        error={results.error ?? payments.error}
      />
    );
  const payment = payments.data.find((p) => p.entityId === entityId);
  return (
    <section aria-labelledby="payee-heading" className="space-y-4">
      <h2 id="payee-heading" className="text-lg font-semibold">
        Payee <span className="font-mono">{entityId}</span>
      </h2>
      <ul className="space-y-3">
        {results.data.map((r) => (
          <li key={r.measure} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <p>
              <span className="font-mono font-semibold">{r.measure}</span>: {r.status}
              {r.value !== null ? `, value ${r.value}` : ''}
              {r.target !== null ? `, target ${r.target}` : ''}
              {r.met !== null ? (r.met ? ', met' : ', not met') : ''}
              {r.reason ? ` (${r.reason})` : ''}
            </p>
            <Trace steps={r.trace} />
          </li>
        ))}
      </ul>
      {payment ? (
        <div className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <h3 className="font-semibold">Payment {formatDollars(payment.totalCents)}</h3>
          <table className="mt-2 min-w-full text-sm">
            <caption className="sr-only">Payment lines</caption>
            <tbody>
              {payment.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are ordered and may repeat a kind
                <tr key={i} className="border-t border-slate-100">
                  <td className="py-1 pr-3">
                    {l.kind}
                    {typeof l.milestone === 'number' ? ` ${l.milestone}` : ''}
                  </td>
                  <td className="py-1 text-right font-mono">{formatDollars(l.amountCents)}</td>
                </tr>
              ))}
              <tr className="border-t-2 border-slate-300 font-semibold">
                <td className="py-1 pr-3">Total</td>
                <td className="py-1 text-right font-mono">{formatDollars(payment.totalCents)}</td>
              </tr>
            </tbody>
          </table>
          {payment.details ? <PaymentDetails details={payment.details} /> : null}
        </div>
      ) : null}
    </section>
  );
}
