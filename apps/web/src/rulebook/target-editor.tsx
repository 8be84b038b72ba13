import {
  describeTarget,
  fromTyped,
  type MeasureUnit,
  type RuleIssue,
  toTyped,
  typedTargetWarning,
} from '@quip/core';
import { binder, issuesUnder, NumberField, SelectField, TextField, withMember } from './editor-inputs.tsx';

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
  const bind = binder(target ?? {}, (key) => at(key), set);
  // An improvement goal is a value in the measure's unit, or a percentile of this year's peers.
  const peerGoal = typeof target?.goal === 'object' && target.goal !== null;
  return (
    <fieldset className="min-w-0 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">{label}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={`${label} kind`}
          issues={at('kind')}
          value={kind ?? ''}
          options={[['', `no ${lower}`], ...KINDS.map((k) => [k, KIND_WORDS[k] ?? k] as const)]}
          onChange={(k) => {
            const direction = target?.direction;
            const base = direction ? { direction } : {};
            if (k === '') onChange(undefined);
            else if (k === 'absolute')
              onChange({ kind: k, value: unit.kind === 'percent' ? 0.5 : 1, ...base });
            else if (k === 'improvement')
              onChange({ kind: k, goal: unit.kind === 'percent' ? 0.8 : 1, gapClosed: '0.1', ...base });
            else onChange({ kind: k, percentile: 50, ...base });
          }}
        />
        {kind === 'absolute' ? (
          <NumberField
            label={`${label} value${unitSuffix(unit)}`}
            issues={at('value')}
            warning={warning(target?.value)}
            value={typedValue(target?.value)}
            onChange={(v) => set('value', store(v))}
          />
        ) : null}
        {kind === 'peer-percentile' || kind === 'baseline-percentile' ? (
          <NumberField label="Percentile (0-100)" {...bind('percentile')} />
        ) : null}
        {kind === 'improvement' ? (
          <>
            <NumberField
              label={`Goal${peerGoal ? ' (peer percentile)' : unitSuffix(unit)}`}
              issues={at('goal')}
              warning={warning(target?.goal)}
              value={
                peerGoal
                  ? (target?.goal as { peerPercentile?: unknown } | undefined)?.peerPercentile
                  : typedValue(target?.goal)
              }
              onChange={(v) => set('goal', peerGoal ? { peerPercentile: v } : store(v))}
            />
            <TextField
              label="Share of the gap to close"
              hint="a decimal: 0.1 closes 10%"
              {...bind('gapClosed')}
              value={target?.gapClosed ?? '0.1'}
            />
          </>
        ) : null}
        {kind ? (
          <SelectField
            label="Better is"
            options={['higher', 'lower']}
            {...bind('direction')}
            value={target?.direction ?? 'higher'}
          />
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-700" data-testid={`${lower}-in-words`}>
        {label}: {describeTarget(target, unit)}
      </p>
    </fieldset>
  );
}
