import type { FieldTypes, RuleIssue } from '@quip/core';
import { Button } from '../ui/button.tsx';
import { binder, issuesUnder, ListField, SelectField, TextField, withMember } from './editor-inputs.tsx';
import { ExpressionEditor } from './expression-editor.tsx';

type M = Record<string, unknown>;
type Condition = [field: string, values: unknown[]];

const MODES = [
  ['every', 'every payee'],
  ['values', 'payees whose fields hold one of the values listed'],
  ['expression', 'payees for whom an expression is true'],
] as const;
type Mode = (typeof MODES)[number][0];

const modeOf = (appliesTo: unknown): Mode =>
  appliesTo === undefined ? 'every' : typeof appliesTo === 'string' ? 'expression' : 'values';

/** Typed values as the payee field's type reads them: '12' for a number field is 12, 'true' a boolean. */
function typedValues(values: string[], type: string | undefined): unknown[] {
  return values.map((v) => {
    if (type === 'number' && v !== '' && Number.isFinite(Number(v))) return Number(v);
    if (type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
    return v;
  });
}

/** Field -> values as an expression: {serviceCode: ['950', '952']} -> "serviceCode in ['950', '952']". */
function conditionsAsExpression(conditions: readonly Condition[]): string {
  const literal = (v: unknown) => (typeof v === 'string' ? `'${v.replaceAll("'", "\\'")}'` : String(v));
  return conditions.map(([f, vs]) => `${f} in [${vs.map(literal).join(', ')}]`).join(' and ') || 'true';
}

/**
 * Whom a measure applies to and whose data it reads: every payee, payees whose fields hold one of
 * the listed values, or an expression over the payee fields; its own fields or another measure's
 * records (with their record key), and the submissions' period that counts. Core's messages are
 * shown beside the part they are about.
 */
export function MeasureScopeEditor({
  measure,
  measures,
  payeeTypes,
  issues,
  path,
  onChange,
}: {
  measure: M;
  measures: readonly M[];
  payeeTypes: FieldTypes;
  issues: readonly RuleIssue[];
  path: (string | number)[];
  onChange: (next: M) => void;
}) {
  const at = (...p: (string | number)[]) => issuesUnder(issues, [...path, ...p]);
  const set = (key: string, value: unknown) => onChange(withMember(measure, key, value));
  const bind = binder(measure, (key) => at(key), set);
  const mode = modeOf(measure.appliesTo);
  const conditions: Condition[] =
    mode === 'values' ? Object.entries(measure.appliesTo as Record<string, unknown[]>) : [];
  const setConditions = (next: Condition[]) =>
    set('appliesTo', next.length > 0 ? Object.fromEntries(next) : undefined);
  const payeeFields = Object.keys(payeeTypes);
  const unused = (except?: string) =>
    payeeFields.filter((f) => f === except || !conditions.some(([c]) => c === f));
  const own = measures.filter(
    (m) => m.key !== measure.key && m.dataFrom === undefined && typeof m.fields === 'object',
  );
  const source = own.find((m) => m.key === measure.dataFrom);
  const sources = [
    ['', 'this measure: its own fields (below)'] as const,
    ...own.map((m) => [String(m.key), `${String(m.name)} (${String(m.key)})`] as const),
    ...(measure.dataFrom !== undefined && !source
      ? [[String(measure.dataFrom), String(measure.dataFrom)] as const]
      : []),
  ];
  const readFrom = (key: string) => {
    if (key !== '') {
      // The records of another measure come with its fields and record key, never this one's own.
      const { fields: _f, recordKey: _k, ...rest } = measure;
      onChange({ ...rest, dataFrom: key });
      return;
    }
    const { dataFrom: _d, ...rest } = measure;
    const from = source ?? {};
    onChange({
      ...rest,
      fields: structuredClone(from.fields ?? { submitted: { type: 'boolean', required: true } }),
      ...(from.recordKey ? { recordKey: structuredClone(from.recordKey) } : {}),
    });
  };
  return (
    <fieldset className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">Which payees, which data</legend>
      <SelectField
        // Not "Applies to": that names the expression's field alone (admin journey).
        label="The measure applies to"
        issues={at('appliesTo').filter((i) => i.path.length === path.length + 1 && mode !== 'expression')}
        value={mode}
        options={MODES}
        onChange={(next) =>
          set(
            'appliesTo',
            next === 'every'
              ? undefined
              : next === 'expression'
                ? conditionsAsExpression(conditions)
                : { [payeeFields[0] ?? 'field']: [] },
          )
        }
      />
      {mode === 'expression' ? (
        <ExpressionEditor
          label="Applies to payees for whom"
          value={String(measure.appliesTo)}
          fields={payeeTypes}
          expect="boolean"
          hint="Payee fields:"
          onChange={(v) => set('appliesTo', v.trim() === '' ? undefined : v)}
        />
      ) : null}
      {conditions.map(([field, values], i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: a condition's field can change; its place cannot
          key={i}
          className="grid items-start gap-2 sm:grid-cols-[12rem_1fr_auto]"
        >
          <SelectField
            label={`Condition ${i + 1}: payee field`}
            value={field}
            options={[...new Set([field, ...unused(field)])]}
            onChange={(f) => setConditions(conditions.map((c, j) => (j === i ? [f, c[1]] : c)))}
          />
          <ListField
            label={`Condition ${i + 1}: one of (comma-separated)`}
            issues={at('appliesTo', field)}
            hint={`${field} is ${payeeTypes[field] ?? 'not a payee field'}`}
            placeholder="950, 952"
            value={values}
            onChange={(vs) =>
              setConditions(
                conditions.map((c, j) => (j === i ? [field, typedValues(vs ?? [], payeeTypes[field])] : c)),
              )
            }
          />
          <button
            type="button"
            className="mt-7 text-sm text-red-800 underline"
            onClick={() => setConditions(conditions.filter((_, j) => j !== i))}
          >
            Remove condition {i + 1}
          </button>
        </div>
      ))}
      {mode === 'values' ? (
        <Button
          variant="secondary"
          disabled={unused().length === 0}
          onClick={() => setConditions([...conditions, [unused()[0] as string, []]])}
        >
          Add condition
        </Button>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Reads the data of"
          hint="another measure's records come with its fields and record key"
          options={sources}
          {...bind('dataFrom')}
          onChange={readFrom}
        />
        <TextField label="Period that counts (empty = the fiscal year)" {...bind('period', true)} />
        {measure.dataFrom === undefined ? (
          <ListField
            label="Record key (fields naming one record; empty = one record)"
            hint="of submissions with the same key, the latest counts"
            placeholder="memberId"
            {...bind('recordKey', true)}
          />
        ) : null}
      </div>
    </fieldset>
  );
}
