import {
  describeTarget,
  fromTyped,
  type MeasureUnit,
  type RuleIssue,
  toTyped,
  typedTargetWarning,
} from '@quip/core';
import { Field, inputClass, issuesUnder, NumberInput, withMember } from './editor-inputs.tsx';

type Target = Record<string, unknown>;
const KINDS = ['absolute', 'peer-percentile', 'baseline-percentile', 'improvement'] as const;
const KIND_WORDS: Record<string, string> = {
  absolute: 'a fixed value',
  'peer-percentile': "a percentile of this year's peers",
  'baseline-percentile': 'a percentile of a baseline',
  improvement: 'improvement over its own baseline',
};
const unitSuffix = (unit: MeasureUnit) =>
  unit.kind === 'percent' ? ' (%)' : unit.kind === 'per' ? ` (per ${unit.per.toLocaleString('en-US')})` : '';

/**
 * A target (or a floor) edited in the measure's unit: a rate's fixed value is typed as a percent
 * (60 means 60%) and stored as the rulebook's fraction (0.6); a typed value that looks like a
 * fraction/percent mix-up is warned about. The target reads back in words under the fields.
 */
export function TargetEditor({
  label,
  target,
  unit,
  issues,
  path,
  onChange,
}: {
  label: 'Target' | 'Floor';
  target: Target | undefined;
  unit: MeasureUnit;
  issues: readonly RuleIssue[];
  path: (string | number)[];
  onChange: (next: Target | undefined) => void;
}) {
  const kind = target?.kind as string | undefined;
  const set = (key: string, value: unknown) => onChange(withMember(target ?? {}, key, value));
  const typedValue = (stored: unknown) => (typeof stored === 'number' ? toTyped(stored, unit) : stored);
  const store = (typed: number | string | undefined) =>
    typeof typed === 'number' ? fromTyped(typed, unit) : typed;
  const warning = (stored: unknown) =>
    typeof stored === 'number' ? typedTargetWarning(toTyped(stored, unit), unit) : null;
  const at = (...p: (string | number)[]) => issuesUnder(issues, [...path, ...p]);
  const lower = label.toLowerCase();
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">{label}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={`${label} kind`} issues={at('kind')}>
          {(a) => (
            <select
              {...a}
              className={inputClass}
              value={kind ?? ''}
              onChange={(e) => {
                const k = e.target.value;
                const direction = target?.direction;
                const base = direction ? { direction } : {};
                if (k === '') onChange(undefined);
                else if (k === 'absolute')
                  onChange({ kind: k, value: unit.kind === 'percent' ? 0.5 : 1, ...base });
                else if (k === 'improvement')
                  onChange({ kind: k, goal: unit.kind === 'percent' ? 0.8 : 1, gapClosed: '0.1', ...base });
                else onChange({ kind: k, percentile: 50, ...base });
              }}
            >
              <option value="">no {lower}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_WORDS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'absolute' ? (
          <Field
            label={`${label} value${unitSuffix(unit)}`}
            issues={at('value')}
            warning={warning(target?.value)}
          >
            {(a) => (
              <NumberInput
                {...a}
                value={typedValue(target?.value)}
                onChange={(v) => set('value', store(v))}
              />
            )}
          </Field>
        ) : null}
        {kind === 'peer-percentile' || kind === 'baseline-percentile' ? (
          <Field label="Percentile (0-100)" issues={at('percentile')}>
            {(a) => <NumberInput {...a} value={target?.percentile} onChange={(v) => set('percentile', v)} />}
          </Field>
        ) : null}
        {kind === 'improvement' ? (
          <>
            <Field
              label={`Goal${typeof target?.goal === 'object' ? ' (peer percentile)' : unitSuffix(unit)}`}
              issues={at('goal')}
              warning={warning(target?.goal)}
            >
              {(a) =>
                typeof target?.goal === 'object' && target.goal !== null ? (
                  <NumberInput
                    {...a}
                    value={(target.goal as { peerPercentile?: unknown }).peerPercentile}
                    onChange={(v) => set('goal', { peerPercentile: v })}
                  />
                ) : (
                  <NumberInput
                    {...a}
                    value={typedValue(target?.goal)}
                    onChange={(v) => set('goal', store(v))}
                  />
                )
              }
            </Field>
            <Field
              label="Share of the gap to close"
              issues={at('gapClosed')}
              hint="a decimal: 0.1 closes 10%"
            >
              {(a) => (
                <input
                  {...a}
                  className={inputClass}
                  value={String(target?.gapClosed ?? '0.1')}
                  onChange={(e) => set('gapClosed', e.target.value)}
                />
              )}
            </Field>
          </>
        ) : null}
        {kind ? (
          <Field label="Better is" issues={at('direction')}>
            {(a) => (
              <select
                {...a}
                className={inputClass}
                value={String(target?.direction ?? 'higher')}
                onChange={(e) => set('direction', e.target.value)}
              >
                <option value="higher">higher</option>
                <option value="lower">lower</option>
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-700" data-testid={`${lower}-in-words`}>
        {label}: {describeTarget(target, unit)}
      </p>
    </fieldset>
  );
}
