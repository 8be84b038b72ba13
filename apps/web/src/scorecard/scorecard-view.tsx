import { formatDollars } from '@quip/core';
import type { Scorecard, ScorecardMeasure } from '../api/resources.ts';
import { formatIsoDate } from '../format/format-iso-date.ts';
import { type SummaryColumn, SummaryTable } from '../ui/summary-table.tsx';
import { stageWords } from './stage-words.ts';

const figure = (v: number | undefined) =>
  v === undefined ? null : Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);

const LINE_COLUMNS: SummaryColumn<Scorecard['payment']['lines'][number]>[] = [
  { heading: 'Line', cell: (line) => line.text, className: 'pr-4' },
  {
    heading: { label: 'Amount', align: 'right' },
    cell: (line) => formatDollars(line.amountCents),
    className: 'text-right font-mono whitespace-nowrap',
  },
];

/**
 * One payee's scorecard as the API words it: each measure (what was required, what came and when,
 * the value, the target and where it came from, met or not and why, points and weight), then the
 * money (potential, earned, forgone, each line, what would have earned the rest). Every figure is
 * the API's; nothing is recomputed here. On paper each scorecard starts a page (`break-after`).
 */
export function ScorecardView({ card }: { card: Scorecard }) {
  const { payment } = card;
  const applying = card.measures.filter((m) => m.applies);
  const notApplying = card.measures.filter((m) => !m.applies);
  return (
    <article
      className="scorecard rounded-lg border border-slate-200 bg-white p-6 break-after-page print:rounded-none print:border-0 print:p-0"
      aria-label={`Scorecard of ${card.name}`}
      data-testid={`scorecard-${card.entityId}`}
    >
      <header className="border-b border-slate-300 pb-3">
        <h2 className="text-xl font-semibold text-slate-900">{card.name}</h2>
        <p className="text-sm text-slate-700">
          Payee <span className="font-mono">{card.entityId}</span>
          {card.run.id === null ? '' : `, run ${card.run.id}`}, as of {formatIsoDate(card.run.asOf)}
        </p>
        <p className="mt-1 text-sm font-medium text-slate-900" data-testid="scorecard-stage">
          {stageWords(card.run.stage)}
        </p>
      </header>

      <section aria-label="Payment" className="mt-4 break-inside-avoid">
        <h3 className="text-base font-semibold text-slate-900">Payment</h3>
        <dl className="mt-2 grid grid-cols-3 gap-3 text-sm">
          <Amount
            term="Earned"
            cents={payment.totalCents}
            testId="scorecard-total"
            className="font-semibold"
          />
          <Amount term="Possible" cents={payment.potentialCents} testId="scorecard-potential" />
          <Amount term="Not earned" cents={payment.forgoneCents} testId="scorecard-forgone" />
        </dl>
        <p className="mt-2 text-sm text-slate-800">{payment.explanation}</p>
        {payment.lines.length > 0 ? (
          <SummaryTable
            className="mt-2"
            caption="Payment lines"
            captionHidden
            columns={LINE_COLUMNS}
            rows={payment.lines}
            rowKey={(line) => line.lineKey}
            rowClassName="align-top"
          />
        ) : null}
        {payment.rest.length > 0 ? (
          <div className="mt-3">
            <h4 className="text-sm font-semibold text-slate-900">What would have earned the rest</h4>
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-800" data-testid="scorecard-rest">
              {payment.rest.map((r) => (
                <li key={r.measure}>{r.text}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {payment.notes.length > 0 ? (
          <ul className="mt-2 text-sm text-slate-700">
            {payment.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-label="Measures" className="mt-6">
        <h3 className="text-base font-semibold text-slate-900">Measures</h3>
        <ol className="mt-2 space-y-3">
          {applying.map((m) => (
            <MeasureCard key={m.measure} measure={m} />
          ))}
        </ol>
        {notApplying.length > 0 ? (
          <p className="mt-3 text-sm text-slate-700">
            Not applying to this payee: {notApplying.map((m) => m.name).join('; ')}.
          </p>
        ) : null}
      </section>
    </article>
  );
}

function MeasureCard({ measure: m }: { measure: ScorecardMeasure }) {
  const value = m.valueText ?? figure(m.value);
  const ratio =
    m.numerator === undefined || m.denominator === undefined
      ? null
      : `${figure(m.numerator)} of ${figure(m.denominator)}`;
  return (
    <li
      className="break-inside-avoid rounded-md border border-slate-200 p-3 print:border-slate-400"
      data-testid={`measure-${m.measure}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-medium text-slate-900">{m.name}</h4>
        {m.met === undefined ? null : (
          <span
            className={`rounded px-2 py-0.5 text-xs font-semibold ${m.met ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-950'} print:border print:border-slate-500 print:bg-transparent`}
          >
            {m.met ? 'Met' : 'Not met'}
          </span>
        )}
      </div>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 print:grid-cols-2">
        {m.required ? <Fact term="Required" text={m.required} /> : null}
        {m.dueDate ? <Fact term="Due" text={formatIsoDate(m.dueDate)} /> : null}
        <Fact
          term="Received"
          text={
            m.received.length === 0
              ? 'nothing'
              : m.received
                  .map(
                    (r) =>
                      `${r.records.toLocaleString('en-US')} record${r.records === 1 ? '' : 's'} on ${formatIsoDate(r.receivedOn)}${r.onTime === null ? '' : r.onTime ? ' (on time)' : ' (late)'}${r.findings.length > 0 ? `: ${r.findings.join('; ')}` : ''}`,
                  )
                  .join('; ')
          }
        />
        {value === null ? null : <Fact term="Value" text={ratio ? `${value} (${ratio})` : value} />}
        {m.targetText ? <Fact term="Target" text={m.targetText} /> : null}
        {m.points === undefined ? null : (
          <Fact
            term="Points"
            text={m.maxPoints === undefined ? String(m.points) : `${m.points} of ${m.maxPoints}`}
          />
        )}
        <Fact term="Weight" text={String(m.weight)} />
        {m.addedCents === undefined || m.addedCents === 0 ? null : (
          <Fact term="Meeting it adds" text={formatDollars(m.addedCents)} />
        )}
      </dl>
      <p className="mt-2 text-sm text-slate-800">{m.explanation}</p>
    </li>
  );
}

function Fact({ term, text }: { term: string; text: string }) {
  return (
    <div className="flex gap-2">
      <dt className="shrink-0 text-slate-600">{term}:</dt>
      <dd className="text-slate-900">{text}</dd>
    </div>
  );
}

/** One of the payment's sums in dollars; nothing when the API gave none. */
function Amount({
  term,
  cents,
  testId,
  className = '',
}: {
  term: string;
  cents: number | undefined;
  testId: string;
  className?: string;
}) {
  if (cents === undefined) return null;
  return (
    <div>
      <dt className="text-slate-600">{term}</dt>
      <dd className={`text-lg ${className}`} data-testid={testId}>
        {formatDollars(cents)}
      </dd>
    </div>
  );
}
