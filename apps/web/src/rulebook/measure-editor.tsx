import type { FieldTypes } from '@quip/core';
import { useMemo } from 'react';
import { ExpressionEditor } from './expression-editor.tsx';
import { MeasureForm } from './measure-form.tsx';

function typesOf(fields: unknown): FieldTypes {
  const types: FieldTypes = {};
  for (const [name, spec] of Object.entries((fields ?? {}) as Record<string, { type?: string }>)) {
    if (spec?.type) types[name] = spec.type as FieldTypes[string];
  }
  return types;
}

const EXPRESSION_KEYS = ['numerator', 'denominator'] as const;

/** One measure: the form, its appliesTo expression and the expressions of its computation. */
export function MeasureEditor({
  rulebook,
  measure,
  onChange,
  readOnly,
}: {
  rulebook: Record<string, unknown>;
  measure: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  readOnly: boolean;
}) {
  const payeeTypes = useMemo(
    () => typesOf((rulebook.payee as { fields?: unknown } | undefined)?.fields),
    [rulebook.payee],
  );
  const dataTypes = useMemo(() => typesOf(measure.fields), [measure.fields]);
  const compute = (measure.compute ?? {}) as Record<string, unknown>;
  return (
    <section aria-labelledby="measure-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="measure-heading" className="mb-4 text-lg font-semibold text-slate-900">
        {String(measure.name)}{' '}
        <code className="text-sm font-normal text-slate-600">{String(measure.key)}</code>
      </h2>
      <fieldset disabled={readOnly} className="space-y-4">
        <MeasureForm measure={measure} onChange={onChange} />
        {typeof measure.appliesTo === 'string' || measure.appliesTo === undefined ? (
          <ExpressionEditor
            label="Applies to (expression over payee fields; empty = every payee)"
            value={(measure.appliesTo as string | undefined) ?? ''}
            fields={payeeTypes}
            hint="Payee fields:"
            onChange={(v) => {
              const { appliesTo: _old, ...rest } = measure;
              onChange(v.trim() === '' ? rest : { ...rest, appliesTo: v });
            }}
          />
        ) : null}
        {EXPRESSION_KEYS.filter((k) => typeof compute[k] === 'string').map((k) => (
          <ExpressionEditor
            key={k}
            label={`Computation: ${k}`}
            value={compute[k] as string}
            fields={dataTypes}
            hint="Record fields:"
            onChange={(v) => onChange({ ...measure, compute: { ...compute, [k]: v } })}
          />
        ))}
      </fieldset>
    </section>
  );
}
