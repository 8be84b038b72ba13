import type { RuleIssue } from '@quip/core';
import { type ReactNode, useEffect, useId, useState } from 'react';

export const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600';

/** Issues whose path starts with `prefix` (core's paths: ['measures', 3, 'target', 'value']). */
export function issuesUnder(issues: readonly RuleIssue[], prefix: readonly (string | number)[]): RuleIssue[] {
  return issues.filter((i) => prefix.every((p, k) => i.path[k] === p));
}

/** A labelled control with core's messages (errors) and the editor's warnings under it. */
export function Field({
  label,
  issues = [],
  warning,
  hint,
  children,
}: {
  label: string;
  issues?: readonly RuleIssue[];
  warning?: string | null | undefined;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const described = issues.length > 0 || warning ? `${id}-notes` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {children({
        id,
        ...(issues.length > 0 ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <div id={described}>
        {issues.map((i) => (
          <p key={`${i.path.join('.')}-${i.message}`} className="mt-1 text-sm text-red-700" role="alert">
            {i.message}
          </p>
        ))}
        {warning ? (
          <p className="mt-1 text-sm text-amber-800" data-testid="field-warning">
            ⚠ {warning}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A number typed freely: the text is kept while typing ("0.", "-"), a number goes into the draft
 * as soon as it reads as one, an empty field as undefined, anything else as the text itself so
 * core's validation names the problem.
 */
export function NumberInput({
  value,
  onChange,
  ...rest
}: {
  value: unknown;
  onChange: (next: number | string | undefined) => void;
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-label'?: string;
}) {
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    setText((t) => (parse(t) === value ? t : shown));
  }, [value, shown]);
  return (
    <input
      {...rest}
      inputMode="decimal"
      className={inputClass}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}

function parse(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** Writes `value` at `key`, or removes the key when the value is undefined. */
export function withMember<T extends Record<string, unknown>>(object: T, key: string, value: unknown): T {
  const next: Record<string, unknown> = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}
