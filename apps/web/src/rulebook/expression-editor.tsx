import { checkExpression, type FieldTypes } from '@quip/core';
import { useId, useMemo } from 'react';
import { expressionMarker } from './expression-marker.ts';

/** A type an expression can give (core's ExprType). */
type ExprType = NonNullable<Parameters<typeof checkExpression>[2]>;

/**
 * A text field for an expression (appliesTo, a numerator) that type-checks as you type with
 * core's checker and shows each problem where it is: the line, a caret under the character and
 * the message. The field is marked invalid and described by the problems for screen readers.
 */
export function ExpressionEditor({
  label,
  value,
  fields,
  expect,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  fields: FieldTypes;
  /** The type the expression must give (a condition: boolean), as core checks it in the rulebook. */
  expect: ExprType;
  onChange: (value: string) => void;
  hint?: string;
}) {
  const id = useId();
  const issues = useMemo(
    () => (value.trim() === '' ? [] : checkExpression(value, fields, expect)),
    [value, fields, expect],
  );
  const fieldNames = Object.keys(fields);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        rows={2}
        spellCheck={false}
        aria-invalid={issues.length > 0}
        aria-describedby={`${id}-issues ${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
        className={`mt-1 block w-full rounded-md border px-3 py-2 font-mono text-sm ${
          issues.length > 0 ? 'border-red-600 bg-red-50/40' : 'border-slate-300'
        }`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {hint ?? 'Fields:'} {fieldNames.length > 0 ? fieldNames.join(', ') : 'none declared'}
      </p>
      <div id={`${id}-issues`} aria-live="polite">
        {issues.map((issue, i) => {
          const marker = issue.position === undefined ? null : expressionMarker(value, issue.position);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; order is stable per value
            <div key={i} className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
              {marker ? (
                <pre className="overflow-x-auto font-mono text-xs leading-5" data-testid="expression-caret">
                  {marker.lineText}
                  {'\n'}
                  <span className="font-bold text-red-700">{marker.caret}</span>
                </pre>
              ) : null}
              <p role="alert">
                {marker ? `Line ${marker.line}, column ${marker.column}: ` : ''}
                {issue.message}
              </p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
