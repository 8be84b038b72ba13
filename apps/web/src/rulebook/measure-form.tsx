import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { type FieldError, useForm } from 'react-hook-form';
import {
  applyMeasureForm,
  type MeasureFormInput,
  type MeasureFormOutput,
  MeasureFormSchema,
  measureFormValues,
  TARGET_KINDS,
} from './measure-form-schema.ts';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600';
const optionalNumber = { setValueAs: (v: unknown) => (v === '' || v === null ? undefined : Number(v)) };

/**
 * Name, domain, kind, weight and target of one measure, validated by core's schemas as you type;
 * every valid state goes straight into the draft, so the what-if follows each keystroke.
 */
export function MeasureForm({
  measure,
  onChange,
}: {
  measure: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
}) {
  const form = useForm<MeasureFormInput, unknown, MeasureFormOutput>({
    resolver: zodResolver(MeasureFormSchema),
    defaultValues: measureFormValues(measure),
    mode: 'onChange',
  });
  const { register, watch, formState, setValue } = form;
  const targetKind = watch('target.kind');
  const errors = formState.errors as Record<string, FieldError | Record<string, FieldError> | undefined>;
  const targetErrors = (errors.target ?? {}) as Record<string, FieldError | undefined>;

  useEffect(() => {
    const sub = watch((values) => {
      const parsed = MeasureFormSchema.safeParse(values);
      if (parsed.success) onChange(applyMeasureForm(measure, parsed.data));
    });
    return () => sub.unsubscribe();
  }, [watch, measure, onChange]);

  const field = (name: string, label: string, error: FieldError | undefined, control: React.ReactNode) => (
    <div>
      <label htmlFor={`m-${name}`} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {control}
      {error?.message ? (
        <p id={`m-${name}-error`} className="mt-1 text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
  const aria = (name: string, error: FieldError | undefined) => ({
    id: `m-${name}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `m-${name}-error` : undefined,
  });

  return (
    <form className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => e.preventDefault()} aria-label="Measure">
      {field(
        'name',
        'Name',
        errors.name as FieldError,
        <input className={input} {...aria('name', errors.name as FieldError)} {...register('name')} />,
      )}
      {field(
        'domain',
        'Domain',
        errors.domain as FieldError,
        <input className={input} {...aria('domain', errors.domain as FieldError)} {...register('domain')} />,
      )}
      {field(
        'kind',
        'Kind',
        errors.kind as FieldError,
        <select className={input} {...aria('kind', errors.kind as FieldError)} {...register('kind')}>
          {['reporting', 'performance', 'outcome', 'milestone'].map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>,
      )}
      {field(
        'weight',
        'Weight',
        errors.weight as FieldError,
        <input
          type="number"
          step="any"
          className={input}
          {...aria('weight', errors.weight as FieldError)}
          {...register('weight', optionalNumber)}
        />,
      )}
      <fieldset className="rounded-md border border-slate-200 p-3 sm:col-span-2">
        <legend className="px-1 text-sm font-semibold text-slate-900">Target</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor="m-target-kind" className="block text-sm font-medium text-slate-900">
              Target kind
            </label>
            <select
              id="m-target-kind"
              className={input}
              value={targetKind ?? ''}
              onChange={(e) => {
                const kind = e.target.value;
                if (kind === '') setValue('target', undefined, { shouldValidate: true });
                else
                  setValue(
                    'target',
                    (kind === 'absolute'
                      ? { kind, value: 0.5 }
                      : kind === 'improvement'
                        ? { kind, goal: 0.8, gapClosed: '0.1' }
                        : { kind, percentile: 50 }) as MeasureFormInput['target'],
                    { shouldValidate: true },
                  );
              }}
            >
              <option value="">no target</option>
              {TARGET_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </div>
          {targetKind === 'absolute'
            ? field(
                'target-value',
                'Target value',
                targetErrors.value,
                <input
                  type="number"
                  step="any"
                  className={input}
                  {...aria('target-value', targetErrors.value)}
                  {...register('target.value' as never, optionalNumber)}
                />,
              )
            : null}
          {targetKind === 'peer-percentile' || targetKind === 'baseline-percentile'
            ? field(
                'target-percentile',
                'Percentile (0-100)',
                targetErrors.percentile,
                <input
                  type="number"
                  step="any"
                  className={input}
                  {...aria('target-percentile', targetErrors.percentile)}
                  {...register('target.percentile' as never, optionalNumber)}
                />,
              )
            : null}
          {targetKind === 'improvement'
            ? field(
                'target-goal',
                'Goal',
                targetErrors.goal,
                <input
                  type="number"
                  step="any"
                  className={input}
                  {...aria('target-goal', targetErrors.goal)}
                  {...register('target.goal' as never, optionalNumber)}
                />,
              )
            : null}
          {targetKind ? (
            <div>
              <label htmlFor="m-target-direction" className="block text-sm font-medium text-slate-900">
                Better is
              </label>
              <select id="m-target-direction" className={input} {...register('target.direction' as never)}>
                <option value="higher">higher</option>
                <option value="lower">lower</option>
              </select>
            </div>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
