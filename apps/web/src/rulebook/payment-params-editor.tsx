import { PaymentParamsSchema } from '@quip/core';
import { useMemo } from 'react';
import { ClassTableEditor } from './class-table-editor.tsx';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600';

/**
 * The payment parameters: every plain value (shares, percentages, rounding, attribute names) as a
 * field, validated by core's payment schema with its messages beside the field; the EPT class
 * table gets its own editor and chart.
 */
export function PaymentParamsEditor({
  payment,
  onChange,
}: {
  payment: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
}) {
  const problems = useMemo(() => {
    const parsed = PaymentParamsSchema.safeParse(payment);
    const byField = new Map<string, string>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) byField.set(String(issue.path[0] ?? ''), issue.message);
    }
    return byField;
  }, [payment]);
  const scalars = Object.entries(payment).filter(
    ([key, v]) =>
      key !== 'method' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'),
  );
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        Payment method: <code className="font-semibold">{String(payment.method)}</code>
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        {scalars.map(([key, value]) => {
          const problem = problems.get(key);
          const id = `pay-${key}`;
          return (
            <div key={key}>
              <label htmlFor={id} className="block text-sm font-medium text-slate-900">
                {key}
              </label>
              <input
                id={id}
                className={input}
                value={String(value)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error` : undefined}
                onChange={(e) => {
                  const raw = e.target.value;
                  const next =
                    typeof value === 'number' && raw.trim() !== '' && !Number.isNaN(Number(raw))
                      ? Number(raw)
                      : raw;
                  onChange({ ...payment, [key]: next });
                }}
              />
              {problem ? (
                <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                  {problem}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {payment.method === 'class-table-milestones' ? (
        <ClassTableEditor payment={payment} onChange={onChange} />
      ) : null}
      {problems.get('') ? <p className="text-sm text-red-700">{problems.get('')}</p> : null}
    </div>
  );
}
