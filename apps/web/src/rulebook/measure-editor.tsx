import { type FieldTypes, measurePays, measureUnit, type RuleIssue } from '@quip/core';
import { useMemo, useState } from 'react';
import { ComputeEditor } from './compute-editor.tsx';
import {
  binder,
  Field,
  inputClass,
  issuesUnder,
  NumberField,
  SelectField,
  TextField,
  withMember,
} from './editor-inputs.tsx';
import { FieldsEditor } from './fields-editor.tsx';
import { MeasureScopeEditor } from './measure-scope-editor.tsx';
import { TargetEditor } from './target-editor.tsx';

type M = Record<string, unknown>;

function typesOf(fields: unknown): FieldTypes {
  const types: FieldTypes = {};
  for (const [name, spec] of Object.entries((fields ?? {}) as Record<string, { type?: string }>)) {
    if (spec?.type) types[name] = spec.type as FieldTypes[string];
  }
  return types;
}

/** The parts of a measure without a form of their own, edited as JSON. */
const JSON_PARTS = ['scoring', 'strata', 'baseline'] as const;

/**
 * The whole of one measure: what it is, whom it applies to, the data fields a provider sends
 * (types and rules), how its value is computed (due dates, numerator, denominator, exclusions,
 * minimum denominator, no-data policy), its target and floor in the measure's own unit, its
 * scoring, its weight, and whether and how it carries money. Every change goes into the draft at
 * once; core's validation of the whole draft (`issues`) is shown where each problem is.
 */
export function MeasureEditor({
  rulebook,
  measure,
  index,
  issues,
  onChange,
  readOnly,
}: {
  rulebook: M;
  measure: M;
  index: number;
  issues: readonly RuleIssue[];
  onChange: (next: M) => void;
  readOnly: boolean;
}) {
  const path = ['measures', index];
  const mine = useMemo(() => issuesUnder(issues, ['measures', index]), [issues, index]);
  const at = (...p: (string | number)[]) => issuesUnder(mine, [...path, ...p]);
  const set = (key: string, value: unknown) => onChange(withMember(measure, key, value));
  const bind = binder(measure, (key) => at(key), set);
  const payeeTypes = useMemo(
    () => typesOf((rulebook.payee as { fields?: unknown } | undefined)?.fields),
    [rulebook.payee],
  );
  const measures = (rulebook.measures ?? []) as M[];
  const source =
    typeof measure.dataFrom === 'string' ? measures.find((m) => m.key === measure.dataFrom) : undefined;
  const fields = ((source ?? measure).fields ?? {}) as Record<string, M>;
  const dataTypes = useMemo(() => typesOf(fields), [fields]);
  const unit = measureUnit(measure);
  const pays = measurePays(rulebook, String(measure.key));
  const compute = (measure.compute ?? {}) as M;
  const isRate = compute.kind === 'rate-records' || compute.kind === 'rate-counts';
  return (
    <section aria-labelledby="measure-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="measure-heading" className="mb-1 text-lg font-semibold text-slate-900">
        {String(measure.name)}{' '}
        <code className="text-sm font-normal text-slate-600">{String(measure.key)}</code>
      </h2>
      {mine.length > 0 ? (
        <p className="mb-3 text-sm text-red-800" data-testid="measure-problems">
          {mine.length} problem(s) in this measure: the draft cannot be saved or tried until they are fixed.
        </p>
      ) : null}
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Key" mono hint="submissions name the measure by it" {...bind('key')} />
          <TextField label="Name" {...bind('name')} />
          <TextField label="Domain" {...bind('domain')} />
          <SelectField
            label="Kind"
            options={['reporting', 'performance', 'outcome', 'milestone']}
            {...bind('kind')}
          />
          <div className="sm:col-span-2">
            <TextField label="Description (optional)" {...bind('description', true)} />
          </div>
        </div>
        <MeasureScopeEditor
          measure={measure}
          measures={measures}
          payeeTypes={payeeTypes}
          issues={mine}
          path={path}
          onChange={onChange}
        />

        <section aria-label="Data fields" className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Data a provider sends</h3>
          {source ? (
            <p className="text-sm text-slate-700">
              Reads the records of <strong>{String(source.name)}</strong> ({String(source.key)}): its fields
              below.
            </p>
          ) : null}
          <FieldsEditor
            fields={fields}
            issues={mine}
            path={[...path, 'fields']}
            readOnly={readOnly || source !== undefined}
            onChange={(next) => set('fields', Object.keys(next).length > 0 ? next : undefined)}
          />
        </section>

        <ComputeEditor
          compute={compute}
          dataTypes={dataTypes}
          issues={mine}
          path={[...path, 'compute']}
          readOnly={readOnly}
          onChange={(next) => set('compute', next)}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberField
            label="Minimum denominator"
            hint={isRate ? 'a smaller denominator is not scored (never 0)' : 'only rates have a denominator'}
            {...bind('minDenominator')}
          />
          <SelectField
            label="A payee with no data is"
            options={[
              ['', 'not scored'],
              ['not-met', 'scored as not met'],
            ]}
            {...bind('noData', true)}
          />
        </div>

        {(['target', 'floor'] as const)
          // A floor only where one is set or a payment reads it (sanctions, reinvestment).
          .filter(
            (k) =>
              k === 'target' ||
              measure.floor !== undefined ||
              pays.roles.some((r) => r.text.includes('floor')),
          )
          .map((k) => (
            <TargetEditor
              key={k}
              label={k === 'target' ? 'Target' : 'Floor'}
              target={measure[k] as M | undefined}
              unit={unit}
              issues={mine}
              path={[...path, k]}
              onChange={(t) => set(k, t)}
            />
          ))}

        <section aria-label="Money" className="rounded-md border border-slate-200 p-3">
          <h3 className="text-sm font-semibold text-slate-900">Weight and money</h3>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <NumberField
              label="Weight"
              issues={at('weight')}
              warning={
                pays.weightIgnored
                  ? `weight ${String(measure.weight)} changes nothing: no payment of this rulebook weighs this measure`
                  : null
              }
              value={measure.weight ?? 1}
              onChange={(v) => set('weight', v)}
            />
            <div className="text-sm text-slate-800" data-testid="measure-pays">
              {pays.roles.length === 0 ? (
                <p>Pays nothing: no payment of this rulebook counts this measure.</p>
              ) : (
                <ul className="list-disc pl-5">
                  {pays.roles.map((r) => (
                    <li key={`${r.part}-${r.text}`}>
                      {r.part}: {r.text}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </section>

        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900">
            Scoring, strata and baseline (JSON)
          </summary>
          <div className="mt-2 space-y-3">
            {JSON_PARTS.map((part) => (
              <JsonPart
                key={part}
                label={part}
                value={measure[part]}
                issues={at(part)}
                onChange={(v) => set(part, v)}
              />
            ))}
          </div>
        </details>
      </fieldset>
    </section>
  );
}

function JsonPart({
  label,
  value,
  issues,
  onChange,
}: {
  label: string;
  value: unknown;
  issues: readonly RuleIssue[];
  onChange: (next: unknown) => void;
}) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <Field label={`${label} (empty = none)`} issues={issues} warning={parseError}>
      {(a) => (
        <textarea
          {...a}
          rows={3}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim() === '') {
              setParseError(null);
              onChange(undefined);
              return;
            }
            try {
              onChange(JSON.parse(e.target.value));
              setParseError(null);
            } catch {
              setParseError('not JSON yet: the draft keeps the last JSON that read');
            }
          }}
        />
      )}
    </Field>
  );
}
