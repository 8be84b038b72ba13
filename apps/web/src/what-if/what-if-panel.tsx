import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatChange, formatWholeDollars } from '../format/format-money.ts';
import { amount } from '../payments/table-head.tsx';
import { ChartTable } from '../ui/chart-table.tsx';
import { FigureTable } from '../ui/data-table/figure-table.tsx';
import type { WhatIfState } from './use-what-if.ts';
import { WhatIfByPayeeTable } from './what-if-by-payee-table.tsx';

/** The live numbers beside the editor: who meets the target, the payout and its change. */
export function WhatIfPanel({ state, focus }: { state: WhatIfState; focus: string | undefined }) {
  // An invalid draft has no numbers: the published ones would read as the draft's.
  const current = state.invalid ? null : (state.current ?? state.baseline);
  const measure = current?.measures.find((m) => m.measure === focus) ?? current?.measures[0];
  const baseMeasure = state.baseline?.measures.find((m) => m.measure === measure?.measure);
  const change = current && state.baseline ? current.totalCents - state.baseline.totalCents : 0;
  const bins = current?.histogram?.bins ?? [];
  const target = current?.histogram?.target ?? null;
  // Rates (0..1) read as percentages; counts and ratios above 1 as plain numbers.
  const rates = bins.length > 0 && (bins[bins.length - 1]?.to ?? 0) <= 1;
  const pct = (v: number) =>
    rates ? `${Math.round(v * 100)}%` : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return (
    <section
      aria-labelledby="what-if-heading"
      className="rounded-lg border border-blue-200 bg-blue-50/50 p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="what-if-heading" className="text-lg font-semibold text-slate-900">
          What-if
        </h2>
        <p className="text-xs text-slate-600" aria-live="polite">
          {state.status === 'loading'
            ? 'Reading payee data…'
            : state.status === 'error'
              ? 'Unavailable'
              : state.pending
                ? 'Recomputing…'
                : state.ms !== null
                  ? `${state.payees.toLocaleString('en-US')} payees as of ${state.asOf}, computed in ${Math.round(state.ms)} ms`
                  : null}
        </p>
      </div>
      {state.message ? (
        <p
          role="alert"
          className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
          data-testid="what-if-message"
        >
          {state.message}
        </p>
      ) : null}
      {current ? (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-3" data-testid="what-if-numbers">
            <div className="rounded-md bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-600">
                Meet the target{measure ? ` (${measure.measure})` : ''}
              </dt>
              <dd className="text-xl font-semibold" data-testid="what-if-met">
                {measure
                  ? `${measure.met.toLocaleString('en-US')} of ${measure.applicable.toLocaleString('en-US')}`
                  : '—'}
              </dd>
              {baseMeasure && measure ? (
                <dd className="text-xs text-slate-600">
                  published: {baseMeasure.met.toLocaleString('en-US')}
                </dd>
              ) : null}
            </div>
            <div className="rounded-md bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-600">Total payout</dt>
              <dd className="text-xl font-semibold" data-testid="what-if-total">
                {formatWholeDollars(current.totalCents)}
              </dd>
            </div>
            <div className="rounded-md bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-600">Change vs published</dt>
              <dd
                className={`text-xl font-semibold ${change < 0 ? 'text-red-800' : change > 0 ? 'text-green-800' : ''}`}
                data-testid="what-if-change"
              >
                {formatChange(change)}
              </dd>
            </div>
            <div className="rounded-md bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-600">Payees paid</dt>
              <dd className="text-xl font-semibold">
                {current.paidPayees.toLocaleString('en-US')} / {current.payees.toLocaleString('en-US')}
              </dd>
            </div>
          </dl>
          {bins.length > 0 ? (
            <figure className="mt-4">
              <figcaption className="text-sm font-medium text-slate-900">
                Payee values of {current.histogram?.measure}
                {target !== null ? `, target ${pct(target)}` : ''}
              </figcaption>
              <div
                className="h-48"
                role="img"
                aria-label={`Bar chart of how many payees have each value of ${current.histogram?.measure}, in ${bins.length} ranges from ${pct(bins[0]?.from ?? 0)} to ${pct(bins[bins.length - 1]?.to ?? 0)}${target !== null ? `, target ${pct(target)} marked` : ''}.`}
                data-testid="what-if-histogram"
              >
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart
                    data={bins.map((b) => ({ ...b, mid: (b.from + b.to) / 2 }))}
                    margin={{ top: 10, right: 10, left: 0, bottom: 0 }}
                  >
                    <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                    <XAxis
                      dataKey="mid"
                      type="number"
                      domain={[bins[0]?.from ?? 0, bins[bins.length - 1]?.to ?? 1]}
                      tickFormatter={pct}
                      tick={{ fontSize: 11 }}
                    />
                    <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
                    <Tooltip labelFormatter={(v) => `around ${pct(Number(v))}`} />
                    <Bar dataKey="count" name="Payees" fill="#3b82f6" isAnimationActive={false} />
                    {target !== null ? (
                      <ReferenceLine
                        x={target}
                        stroke="#b91c1c"
                        strokeWidth={2}
                        label={{ value: 'target', fill: '#b91c1c', fontSize: 11 }}
                      />
                    ) : null}
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <ChartTable>
                <FigureTable
                  caption={`Payees by value of ${current.histogram?.measure}`}
                  columns={['Value', amount('Payees')]}
                  rows={bins.map((b) => ({
                    key: `${b.from}-${b.to}`,
                    head: `${pct(b.from)} to ${pct(b.to)}`,
                    cells: [b.count.toLocaleString('en-US')],
                  }))}
                />
              </ChartTable>
            </figure>
          ) : null}
          {current.issueCount > 0 ? (
            <details className="mt-3 text-sm text-slate-700">
              <summary>{current.issueCount.toLocaleString('en-US')} payment issue(s)</summary>
              <ul className="list-disc pl-5">
                {current.issues.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {state.byPayee ? <WhatIfByPayeeTable byPayee={state.byPayee} fileName="what-if-by-payee" /> : null}
        </>
      ) : null}
    </section>
  );
}
