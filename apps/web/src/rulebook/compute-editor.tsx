import type { FieldTypes, RuleIssue } from '@quip/core';
import { Button } from '../ui/button.tsx';
import { binder, issuesUnder, NumberField, SelectField, TextField, withMember } from './editor-inputs.tsx';
import { ExpressionEditor } from './expression-editor.tsx';

type Compute = Record<string, unknown>;
const KIND_WORDS: Record<string, string> = {
  reporting: 'reporting: on time, complete and accurate',
  'rate-records': 'a rate over person-level records',
  'rate-counts': 'a rate from submitted counts',
  value: 'a submitted or worked-out value',
  milestone: 'completed milestones',
};
const SKELETONS: Record<string, Compute> = {
  reporting: { kind: 'reporting' },
  'rate-records': { kind: 'rate-records', numerator: 'true' },
  'rate-counts': { kind: 'rate-counts', numeratorField: '', denominatorField: '' },
  value: { kind: 'value', aggregate: 'sum' },
  milestone: { kind: 'milestone' },
};

/**
 * How a measure's value is computed, in the form of its kind: the due date of a reporting
 * measure, a rate's numerator, denominator and exclusions (expressions type-checked as typed),
 * the count fields of a rate from counts, a value's field or formula, a milestone's fields and
 * last day. Core's messages appear beside the part they are about.
 */
export function ComputeEditor({
  compute,
  dataTypes,
  issues,
  path,
  readOnly,
  onChange,
}: {
  compute: Compute;
  dataTypes: FieldTypes;
  issues: readonly RuleIssue[];
  path: (string | number)[];
  readOnly: boolean;
  onChange: (next: Compute) => void;
}) {
  const kind = String(compute.kind ?? '');
  const at = (...p: (string | number)[]) => issuesUnder(issues, [...path, ...p]);
  const set = (key: string, value: unknown) => onChange(withMember(compute, key, value));
  const fieldNames = Object.keys(dataTypes);
  const bind = binder(compute, (key) => at(key), set);
  const fieldSelect = (key: string, label: string, types: string[], optional = false) => (
    <SelectField
      label={label}
      options={[
        ['', optional ? '(default)' : '(choose a field)'],
        ...fieldNames.filter((n) => types.includes(String(dataTypes[n]))),
      ]}
      {...bind(key, optional)}
    />
  );
  const date = (key: string, label: string, value: unknown, write: (v: string) => void) => (
    <TextField type="date" label={label} issues={at(key)} value={value} onChange={write} />
  );
  // An expression over the record's fields; an optional one is removed when emptied.
  const expression = (key: string, label: string, expect: 'boolean' | 'number', optional = false) => (
    <ExpressionEditor
      label={label}
      value={String(compute[key] ?? '')}
      fields={dataTypes}
      expect={expect}
      hint="Record fields:"
      onChange={(v) => set(key, optional && v.trim() === '' ? undefined : v)}
    />
  );
  const per = <NumberField label="Rate per (default 1 = a percent)" {...bind('per')} />;
  const exclusions = Array.isArray(compute.exclusions)
    ? (compute.exclusions as Record<string, unknown>[])
    : [];
  return (
    <fieldset className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">How the value is computed</legend>
      <SelectField
        label="Computed as"
        issues={at('kind')}
        value={kind}
        options={Object.entries(KIND_WORDS)}
        onChange={(k) => onChange(SKELETONS[k] ?? { kind: k })}
      />
      {kind === 'reporting' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          {date(
            'timely',
            'Due date (records on time by)',
            (compute.timely as { dueDate?: string } | undefined)?.dueDate,
            (v) => set('timely', v ? { dueDate: v } : undefined),
          )}
          {(
            [
              ['complete', 'Checked complete (required fields)'],
              ['accurate', 'Checked accurate (types, ranges, rules)'],
            ] as const
          ).map(([part, label]) => (
            <SelectField
              key={part}
              label={label}
              issues={at(part)}
              value={compute[part] === false ? 'no' : 'yes'}
              options={['yes', 'no']}
              // "yes" checks the part with its default settings; "no" turns the check off.
              onChange={(v) => set(part, v === 'no' ? false : undefined)}
            />
          ))}
          <NumberField label="Fewest records (default 1)" {...bind('minRecords')} />
        </div>
      ) : null}
      {kind === 'rate-records' ? (
        <>
          {expression('denominator', 'Denominator: who is eligible (empty = every record)', 'boolean', true)}
          {expression('numerator', 'Numerator: who meets the measure, among the eligible', 'boolean')}
          <div>
            <p className="text-sm font-medium text-slate-900">Exclusions (taken out of the denominator)</p>
            {exclusions.map((ex, i) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: exclusions are edited in place by position
                key={i}
                className="mt-2 grid gap-2 rounded border border-slate-200 p-2 sm:grid-cols-[1fr_12rem_auto]"
              >
                <ExpressionEditor
                  label={`Exclusion ${i + 1} when`}
                  value={String(ex.when ?? '')}
                  fields={dataTypes}
                  expect="boolean"
                  hint="Record fields:"
                  onChange={(v) =>
                    set(
                      'exclusions',
                      exclusions.map((e, j) => (j === i ? { ...e, when: v } : e)),
                    )
                  }
                />
                <TextField
                  label={`Exclusion ${i + 1} reason`}
                  issues={at('exclusions', i, 'reason')}
                  value={ex.reason}
                  onChange={(reason) =>
                    set(
                      'exclusions',
                      exclusions.map((x, j) => (j === i ? { ...x, reason } : x)),
                    )
                  }
                />
                {readOnly ? null : (
                  <button
                    type="button"
                    className="self-center text-sm text-red-800 underline"
                    onClick={() => {
                      const rest = exclusions.filter((_, j) => j !== i);
                      set('exclusions', rest.length > 0 ? rest : undefined);
                    }}
                  >
                    Remove exclusion {i + 1}
                  </button>
                )}
              </div>
            ))}
            {readOnly ? null : (
              <Button
                variant="secondary"
                className="mt-2"
                onClick={() => set('exclusions', [...exclusions, { when: 'false', reason: 'reason' }])}
              >
                Add exclusion
              </Button>
            )}
          </div>
          <div className="grid gap-3 sm:grid-cols-2">{per}</div>
        </>
      ) : null}
      {kind === 'rate-counts' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          {fieldSelect('numeratorField', 'Numerator field', ['number'])}
          {fieldSelect('denominatorField', 'Denominator field', ['number'])}
          {per}
        </div>
      ) : null}
      {kind === 'value' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {fieldSelect('field', 'Value field', ['number'], true)}
          <SelectField
            label="Over the records"
            options={['sum', 'mean', 'min', 'max', 'latest']}
            {...bind('aggregate')}
            value={compute.aggregate ?? 'sum'}
          />
          <div className="sm:col-span-2">
            {expression('formula', 'Or a formula over the record', 'number', true)}
          </div>
        </div>
      ) : null}
      {kind === 'milestone' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {fieldSelect('milestoneField', 'Milestone field', ['number', 'string'], true)}
          {fieldSelect('dateField', 'Completion date field', ['date'], true)}
          {date('by', 'Completed by (due date)', compute.by, (v) => set('by', v || undefined))}
          <NumberField label="Milestones needed to meet (default 1)" {...bind('minCompleted')} />
        </div>
      ) : null}
    </fieldset>
  );
}
