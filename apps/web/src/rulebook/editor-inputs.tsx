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

type FieldProps = {
  label: string;
  issues?: readonly RuleIssue[];
  hint?: ReactNode;
  warning?: string | null | undefined;
};

/** A labelled text input with core's messages under it; `mono` for keys and field names. */
export function TextField({
  value,
  onChange,
  onBlur,
  mono,
  type,
  placeholder,
  ...field
}: FieldProps & {
  value: unknown;
  onChange?: (next: string) => void;
  onBlur?: (next: string) => void;
  mono?: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
}) {
  return (
    <Field {...field}>
      {(a) => (
        <input
          {...a}
          type={type ?? 'text'}
          placeholder={placeholder}
          className={mono ? `${inputClass} font-mono` : inputClass}
          {...(onChange
            ? { value: String(value ?? ''), onChange: (e) => onChange(e.target.value) }
            : { defaultValue: String(value ?? '') })}
          onBlur={onBlur ? (e) => onBlur(e.target.value) : undefined}
        />
      )}
    </Field>
  );
}

/** A labelled choice; each option is a value, or [value, words]. */
export function SelectField({
  value,
  options,
  onChange,
  ...field
}: FieldProps & {
  value: unknown;
  options: readonly (string | readonly [string, string])[];
  onChange: (next: string) => void;
}) {
  return (
    <Field {...field}>
      {(a) => (
        <select
          {...a}
          className={inputClass}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((o) => {
            const [v, words] = typeof o === 'string' ? [o, o] : o;
            return (
              <option key={v} value={v}>
                {words}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}

/** A labelled number, typed freely (see NumberInput). */
export function NumberField({
  value,
  onChange,
  ...field
}: FieldProps & { value: unknown; onChange: (next: number | string | undefined) => void }) {
  return <Field {...field}>{(a) => <NumberInput {...a} value={value} onChange={onChange} />}</Field>;
}

/** Comma-separated values: '950, 952' -> ['950', '952']; blanks dropped. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * A list typed as comma-separated text, kept as typed ("950, ") while the list it reads as goes
 * into the draft at once (empty text: an empty list, so core's message says one is needed).
 */
export function ListInput({
  value,
  onChange,
  ...rest
}: {
  value: readonly unknown[] | undefined;
  onChange: (next: string[]) => void;
  id?: string;
  className?: string;
  placeholder?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-label'?: string;
}) {
  const shown = (value ?? []).map(String).join(', ');
  const [text, setText] = useState(shown);
  useEffect(() => {
    setText((t) => (splitList(t).join(', ') === shown ? t : shown));
  }, [shown]);
  return (
    <input
      className={inputClass}
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(splitList(e.target.value));
      }}
    />
  );
}

/**
 * Binds controls to the members of one draft object: `bind('name')` gives a control the member's
 * value, core's messages about it and the write; `bind('description', true)` removes an optional
 * member when its text is emptied.
 */
export function binder(
  object: Record<string, unknown>,
  issuesAt: (key: string) => RuleIssue[],
  write: (key: string, value: unknown) => void,
) {
  return (key: string, optional = false) => ({
    issues: issuesAt(key),
    value: object[key],
    onChange: (v: unknown) => write(key, optional && (v === '' || v === undefined) ? undefined : v),
  });
}

/** A labelled list typed as comma-separated text (see ListInput); an empty list removes the member. */
export function ListField({
  value,
  onChange,
  placeholder,
  ...field
}: FieldProps & {
  value: unknown;
  placeholder?: string;
  onChange: (next: string[] | undefined) => void;
}) {
  return (
    <Field {...field}>
      {(a) => (
        <ListInput
          {...a}
          value={Array.isArray(value) ? value : undefined}
          placeholder={placeholder}
          onChange={(list) => onChange(list.length > 0 ? list : undefined)}
        />
      )}
    </Field>
  );
}
