import {
  formatDollars,
  PaymentParamsSchema,
  paymentFormula,
  type RuleIssue,
  workedExample,
} from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { useQuip } from '../app/quip-context.tsx';
import { runApi } from '../runs/run-api.ts';
import { programInputsQueryOptions } from '../what-if/program-inputs-query.ts';
import { type ClassRow, practiceMarks } from './class-table-curve.ts';
import { ClassTableEditor } from './class-table-editor.tsx';
import { Field, inputClass, issuesUnder, withMember } from './editor-inputs.tsx';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The payment and each additional part: a form per payment method, its formula, a worked example. */
export function PaymentTab({
  fiscalYear,
  program,
  rulebook,
  issues,
  onChange,
}: {
  fiscalYear: string;
  program: string;
  rulebook: Raw;
  issues: readonly RuleIssue[];
  onChange: (next: Raw) => void;
}) {
  const example = useLatestRunExample(fiscalYear, program);
  // The payees the what-if reads (the same query, so one fetch): the practices marked on the class chart.
  const { api } = useQuip();
  const payees = useQuery(programInputsQueryOptions(api, fiscalYear, program)).data?.entities;
  const parts = Array.isArray(rulebook.additionalPayments) ? (rulebook.additionalPayments as Raw[]) : [];
  return (
    <div className="space-y-6">
      <PaymentMethodForm
        title="Payment"
        params={isRecord(rulebook.payment) ? rulebook.payment : {}}
        path={['payment']}
        issues={issues}
        example={example}
        payees={payees}
        part="primary"
        onChange={(payment) => onChange({ ...rulebook, payment })}
      />
      {parts.map((p, i) => (
        <PaymentMethodForm
          key={String(p.key)}
          title={`Additional payment: ${String(p.name ?? p.key)}`}
          params={isRecord(p.params) ? p.params : {}}
          path={['additionalPayments', i, 'params']}
          issues={issues}
          example={example}
          part={String(p.key)}
          onChange={(params) =>
            onChange({
              ...rulebook,
              additionalPayments: parts.map((x, j) => (j === i ? { ...x, params } : x)),
            })
          }
        />
      ))}
    </div>
  );
}

type Example = ReturnType<typeof useLatestRunExample>;

/** The latest finished run's payments (first page): the worked examples are its real payees. */
function useLatestRunExample(fiscalYear: string, program: string) {
  const { api } = useQuip();
  const runs = useQuery({
    queryKey: ['runs', fiscalYear, program, 'latest-finished'],
    queryFn: ({ signal }) => runApi.list(api, fiscalYear, program, signal),
  });
  const latest = (runs.data ?? []).filter((r) => r.status === 'succeeded').sort((a, b) => b.id - a.id)[0];
  const payments = useQuery({
    queryKey: ['runs', String(latest?.id), 'payments', 'first-page'],
    queryFn: ({ signal }) => runApi.payments(api, String(latest?.id), null, signal),
    enabled: latest !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    run: latest,
    payments: payments.data?.items ?? [],
    loading: runs.isPending || payments.isFetching,
  };
}

const METHOD_WORDS: Record<string, string> = {
  'rate-incentive': 'base rate plus an earned quality incentive',
  'withhold-earn-back': 'a withhold of capitation, earned back',
  'class-table-milestones': 'a class table of member counts, paid by milestone',
  'share-allocation': 'a quantity shared out by score',
  'fixed-milestone-schedule': 'fixed amounts per milestone',
  'pool-share': 'a pool shared by score',
  'rubric-selection': 'points on a rubric, an award to the selected',
  sanctions: 'sanctions for measures below their floor',
  'community-reinvestment': 'a reinvestment obligation',
};

function PaymentMethodForm({
  title,
  params,
  path,
  issues,
  example,
  payees,
  part,
  onChange,
}: {
  payees?: readonly { id: string; name: string; [key: string]: unknown }[] | undefined;
  title: string;
  params: Raw;
  path: (string | number)[];
  issues: readonly RuleIssue[];
  example: Example;
  part: string;
  onChange: (next: Raw) => void;
}) {
  const method = String(params.method ?? '');
  const option = PaymentParamsSchema.options.find((o) => o.shape.method.value === method);
  const withDefaults = option?.safeParse(params);
  const filled: Raw = withDefaults?.success ? (withDefaults.data as Raw) : params;
  const keys = [...new Set([...Object.keys(option?.shape ?? {}), ...Object.keys(params)])].filter(
    (k) => k !== 'method' && k !== 'classes',
  );
  const at = (key: string) => issuesUnder(issues, [...path, key]);
  const headingId = `pay-${path.join('-')}`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {title}: {METHOD_WORDS[method] ?? method}{' '}
        <code className="text-sm font-normal text-slate-600">{method}</code>
      </h2>
      <div className="rounded-md bg-slate-50 p-3">
        <h3 className="text-sm font-semibold text-slate-900">The formula</h3>
        <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-800" data-testid="payment-formula">
          {paymentFormula(params).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {keys.map((key) => {
          const value = params[key];
          const shown = filled[key];
          const scalar =
            value === undefined
              ? shown === undefined || ['string', 'number', 'boolean'].includes(typeof shown)
              : ['string', 'number', 'boolean'].includes(typeof value);
          if (!scalar) {
            return (
              <div key={key} className="sm:col-span-3">
                <JsonParam
                  name={key}
                  value={value}
                  issues={at(key)}
                  onChange={(v) => onChange(withMember(params, key, v))}
                />
              </div>
            );
          }
          return (
            <Field
              key={key}
              label={key}
              issues={at(key)}
              hint={value === undefined && shown !== undefined ? `default: ${String(shown)}` : undefined}
            >
              {(a) =>
                typeof shown === 'boolean' ? (
                  <select
                    {...a}
                    className={inputClass}
                    value={value === undefined ? '' : String(value)}
                    onChange={(e) =>
                      onChange(
                        withMember(
                          params,
                          key,
                          e.target.value === '' ? undefined : e.target.value === 'true',
                        ),
                      )
                    }
                  >
                    <option value="">default ({String(shown)})</option>
                    <option value="true">yes</option>
                    <option value="false">no</option>
                  </select>
                ) : (
                  <input
                    {...a}
                    className={inputClass}
                    value={value === undefined ? '' : String(value)}
                    placeholder={shown === undefined ? '' : String(shown)}
                    onChange={(e) => {
                      const raw = e.target.value;
                      const numeric = typeof shown === 'number' || typeof value === 'number';
                      const next =
                        raw === '' ? undefined : numeric && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
                      onChange(withMember(params, key, next));
                    }}
                  />
                )
              }
            </Field>
          );
        })}
      </div>
      {method === 'class-table-milestones' ? (
        <ClassTableEditor
          payment={params}
          issues={issues}
          path={path}
          practices={practiceMarks(
            (params.classes as ClassRow[] | undefined) ?? [],
            payees ?? [],
            typeof params.membersAttribute === 'string' ? params.membersAttribute : undefined,
          )}
          onChange={onChange}
        />
      ) : null}
      <WorkedExample method={method} example={example} part={part} />
    </section>
  );
}

function JsonParam({
  name,
  value,
  issues,
  onChange,
}: {
  name: string;
  value: unknown;
  issues: readonly RuleIssue[];
  onChange: (next: unknown) => void;
}) {
  return (
    <Field label={`${name} (JSON)`} issues={issues}>
      {(a) => (
        <textarea
          {...a}
          rows={Math.min(8, JSON.stringify(value ?? null, null, 2).split('\n').length)}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
          defaultValue={value === undefined ? '' : JSON.stringify(value, null, 2)}
          onBlur={(e) => {
            const t = e.target.value.trim();
            if (t === '') return onChange(undefined);
            try {
              onChange(JSON.parse(t));
            } catch {
              // Left as typed; the draft keeps the last JSON that read.
            }
          }}
        />
      )}
    </Field>
  );
}

/** One real payee of the latest run, paid by this part: its lines and the arithmetic behind them. */
function WorkedExample({ method, example, part }: { method: string; example: Example; part: string }) {
  if (example.loading)
    return <p className="text-sm text-slate-600">Looking for a worked example in the latest run…</p>;
  if (!example.run)
    return (
      <p className="text-sm text-slate-600">
        No finished run yet: a worked example appears after the first run.
      </p>
    );
  type Paid = (typeof example.payments)[number];
  const linesOf = (p: Paid) => p.lines.filter((l) => (l.part ?? 'primary') === part);
  // The primary payment's details are the payment's own; a part's are under details.parts[key].
  const detailsOf = (p: Paid) => {
    const parts = isRecord(p.details) ? p.details.parts : undefined;
    return part === 'primary' ? p.details : isRecord(parts) ? parts[part] : undefined;
  };
  // A payee paid something by this part, else one with its lines, else one it was worked out for
  // (an obligation such as the reinvestment has details and no lines).
  const payee =
    example.payments.find((p) => linesOf(p).some((l) => l.amountCents !== 0)) ??
    example.payments.find((p) => linesOf(p).length > 0) ??
    example.payments.find((p) => detailsOf(p) !== undefined);
  if (!payee)
    return <p className="text-sm text-slate-600">No payee of run #{example.run.id} is paid by this part.</p>;
  const lines = linesOf(payee);
  const details = detailsOf(payee);
  const arithmetic = workedExample(method, details, lines);
  const total = lines.reduce((t, l) => t + l.amountCents, 0);
  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50/50 p-3" data-testid="worked-example">
      <h3 className="text-sm font-semibold text-slate-900">
        Worked example: {payee.name} ({payee.entityId}), as paid in run #{example.run.id} (rulebook version{' '}
        {example.run.rulebook.version})
      </h3>
      {arithmetic.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
          {arithmetic.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : null}
      <table className="mt-2 text-sm">
        <caption className="sr-only">Payment lines of {payee.name}</caption>
        <tbody>
          {lines.slice(0, 30).map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; their order is the payment's
            <tr key={i}>
              <th scope="row" className="pr-4 text-left font-normal text-slate-700">
                {String(l.key ?? l.kind)}
              </th>
              <td className="text-right tabular-nums">{formatDollars(l.amountCents)}</td>
            </tr>
          ))}
          {lines.length > 30 ? (
            <tr>
              <td colSpan={2} className="text-slate-600">
                … {lines.length - 30} more line(s)
              </td>
            </tr>
          ) : null}
          <tr className="border-t border-slate-300 font-semibold">
            <th scope="row" className="pr-4 text-left">
              Total
            </th>
            <td className="text-right tabular-nums">{formatDollars(total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
