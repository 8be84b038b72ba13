import type { RuleIssue } from '@quip/core';
import { type ReactNode, useState } from 'react';
import { Button } from '../ui/button.tsx';
import { issuesUnder, ListInput, NumberInput, withMember } from './editor-inputs.tsx';

type Spec = Record<string, unknown>;
type Fields = Record<string, Spec>;
type Rule = { check?: unknown; message?: unknown };
const TYPES = ['number', 'string', 'boolean', 'date', 'list'] as const;
const cell = 'w-full rounded border border-slate-300 px-1.5 py-1 text-sm aria-[invalid=true]:border-red-600';

/** Core's messages about one control, under it. */
function Problems({ issues }: { issues: readonly RuleIssue[] }) {
  return issues.map((p) => (
    <span key={`${p.path.join('.')}-${p.message}`} className="block text-xs text-red-700" role="alert">
      {p.message}
    </span>
  ));
}

/** A table cell holding a control and core's messages about it; the control is marked invalid. */
function Cell({
  issues,
  className,
  children,
}: {
  issues: readonly RuleIssue[];
  className?: string;
  children: (invalid: true | undefined) => ReactNode;
}) {
  return (
    <td className={`px-2 py-1 ${className ?? ''}`}>
      {children(issues.length > 0 ? true : undefined)}
      <Problems issues={issues} />
    </td>
  );
}

/** Allowed values in the field's type: a number field's '1, 2' are the numbers 1 and 2. */
const typedEnum = (values: string[], type: unknown) =>
  values.map((v) => (type === 'number' && Number.isFinite(Number(v)) ? Number(v) : v));

/**
 * The data a provider must send for a measure: each field with its type, what an accurate value
 * looks like (required, minimum and maximum, allowed values, description) and its record rules
 * (a check over the record and the message a submitter sees when it fails); fields and rules are
 * added, renamed and removed here. Core's messages appear under the control they are about.
 */
export function FieldsEditor({
  fields,
  issues,
  path,
  readOnly,
  onChange,
}: {
  fields: Fields;
  issues: readonly RuleIssue[];
  path: (string | number)[];
  readOnly: boolean;
  onChange: (next: Fields) => void;
}) {
  const [newName, setNewName] = useState('');
  const names = Object.keys(fields);
  const update = (name: string, spec: Spec) => onChange({ ...fields, [name]: spec });
  const rename = (from: string, to: string) =>
    onChange(Object.fromEntries(Object.entries(fields).map(([n, s]) => [n === from ? to : n, s])));
  return (
    // Disabled as a whole when the fields are another measure's (or the user may not edit).
    <fieldset disabled={readOnly} className="min-w-0 overflow-x-auto">
      <table className="min-w-full text-sm" aria-label="Data fields">
        <thead className="bg-slate-100 text-left">
          <tr>
            {['Field', 'Type', 'Required', 'Min', 'Max', 'Allowed values', ''].map((h) => (
              <th key={h} scope="col" className="px-2 py-1 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {names.map((name) => {
          const spec = fields[name] as Spec;
          const at = (...p: (string | number)[]) => issuesUnder(issues, [...path, name, ...p]);
          const own = issues.filter(
            (i) =>
              i.path.length <= path.length + 2 &&
              issuesUnder([i], [...path, name]).length > 0 &&
              !['min', 'max', 'enum', 'type', 'required', 'description', 'rules'].includes(
                String(i.path[path.length + 1]),
              ),
          );
          const set = (key: string, value: unknown) => update(name, withMember(spec, key, value));
          const rules = Array.isArray(spec.rules) ? (spec.rules as Rule[]) : [];
          const setRules = (next: Rule[]) => set('rules', next.length > 0 ? next : undefined);
          return (
            <tbody key={name} className="border-t border-slate-200">
              <tr className="align-top">
                <Cell issues={own}>
                  {(invalid) => (
                    <input
                      aria-label={`Field ${name} name`}
                      className={`${cell} min-w-32 font-mono`}
                      defaultValue={name}
                      aria-invalid={invalid}
                      onBlur={(e) => {
                        const to = e.target.value.trim();
                        if (to && to !== name && !Object.hasOwn(fields, to)) rename(name, to);
                      }}
                    />
                  )}
                </Cell>
                <Cell issues={at('type')}>
                  {(invalid) => (
                    <select
                      aria-label={`Field ${name} type`}
                      aria-invalid={invalid}
                      className={`${cell} min-w-24`}
                      value={String(spec.type)}
                      onChange={(e) => set('type', e.target.value)}
                    >
                      {TYPES.map((t) => (
                        <option key={t}>{t}</option>
                      ))}
                    </select>
                  )}
                </Cell>
                <td className="px-2 py-1 text-center">
                  <input
                    type="checkbox"
                    aria-label={`Field ${name} required`}
                    checked={spec.required === true}
                    onChange={(e) => set('required', e.target.checked || undefined)}
                  />
                </td>
                {(['min', 'max'] as const).map((k) => (
                  <Cell key={k} issues={at(k)} className="min-w-16">
                    {(invalid) =>
                      spec.type === 'date' ? (
                        <input
                          aria-label={`Field ${name} ${k}`}
                          aria-invalid={invalid}
                          className={cell}
                          value={String(spec[k] ?? '')}
                          placeholder="YYYY-MM-DD"
                          onChange={(e) => set(k, e.target.value || undefined)}
                        />
                      ) : (
                        <NumberInput
                          id={`${path.join('-')}-${name}-${k}`}
                          aria-label={`Field ${name} ${k}`}
                          {...(invalid ? { 'aria-invalid': invalid } : {})}
                          value={spec[k]}
                          onChange={(v) => set(k, v)}
                        />
                      )
                    }
                  </Cell>
                ))}
                <Cell issues={at('enum')}>
                  {(invalid) => (
                    <ListInput
                      aria-label={`Field ${name} allowed values`}
                      {...(invalid ? { 'aria-invalid': invalid } : {})}
                      className={`${cell} min-w-24`}
                      placeholder="any"
                      value={Array.isArray(spec.enum) ? spec.enum : undefined}
                      onChange={(values) =>
                        set('enum', values.length > 0 ? typedEnum(values, spec.type) : undefined)
                      }
                    />
                  )}
                </Cell>
                <td className="px-2 py-1">
                  {readOnly ? null : (
                    <button
                      type="button"
                      className="text-sm text-red-800 underline"
                      onClick={() => {
                        const { [name]: _gone, ...rest } = fields;
                        onChange(rest);
                      }}
                    >
                      Remove {name}
                    </button>
                  )}
                </td>
              </tr>
              <tr>
                <td colSpan={7} className="px-2 pb-2">
                  <label className="ml-4 flex items-center gap-2 pl-3 text-xs text-slate-700">
                    Description
                    <input
                      aria-label={`Field ${name} description`}
                      className={cell}
                      value={String(spec.description ?? '')}
                      onChange={(e) => set('description', e.target.value || undefined)}
                    />
                  </label>
                  <Problems issues={at('description')} />
                  <FieldRules
                    name={name}
                    type={spec.type}
                    rules={rules}
                    issuesAt={(i, part) => at('rules', i, part)}
                    readOnly={readOnly}
                    onChange={setRules}
                  />
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
      {readOnly ? null : (
        <div className="mt-2 flex items-end gap-2">
          <label className="text-sm">
            <span className="block font-medium">New field</span>
            <input
              className="mt-1 rounded border border-slate-300 px-2 py-1 font-mono text-sm"
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
          </label>
          <Button
            variant="secondary"
            disabled={newName.trim() === '' || Object.hasOwn(fields, newName.trim())}
            onClick={() => {
              update(newName.trim(), { type: 'number', required: true, min: 0 });
              setNewName('');
            }}
          >
            Add field
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** A field's record rules: each a check over the record and the message shown when it fails. */
function FieldRules({
  name,
  type,
  rules,
  issuesAt,
  readOnly,
  onChange,
}: {
  name: string;
  type: unknown;
  rules: readonly Rule[];
  issuesAt: (index: number, part: 'check' | 'message') => RuleIssue[];
  readOnly: boolean;
  onChange: (next: Rule[]) => void;
}) {
  const edit = (i: number, part: 'check' | 'message', value: string) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, [part]: value } : r)));
  return (
    <div className="ml-4 space-y-1 border-l-2 border-slate-200 pl-3 text-xs">
      {rules.map((rule, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place by position
          key={i}
          className="grid items-start gap-2 sm:grid-cols-[1fr_1fr_auto]"
        >
          {(['check', 'message'] as const).map((part) => {
            const problems = issuesAt(i, part);
            return (
              <label key={part} className="block">
                <span className="text-slate-700">
                  {part === 'check' ? `Rule ${i + 1}: accurate when` : 'else the submitter reads'}
                </span>
                <input
                  aria-label={`Field ${name} rule ${i + 1} ${part}`}
                  aria-invalid={problems.length > 0 ? true : undefined}
                  className={`${cell} ${part === 'check' ? 'font-mono' : ''}`}
                  value={String(rule[part] ?? '')}
                  onChange={(e) => edit(i, part, e.target.value)}
                />
                <Problems issues={problems} />
              </label>
            );
          })}
          {readOnly ? null : (
            <button
              type="button"
              className="mt-4 text-red-800 underline"
              onClick={() => onChange(rules.filter((_, j) => j !== i))}
            >
              Remove rule {i + 1} of {name}
            </button>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <button
          type="button"
          className="text-blue-800 underline"
          onClick={() =>
            onChange([
              ...rules,
              type === 'number'
                ? { check: `${name} >= 0`, message: `${name} is below 0` }
                : { check: `present(${name})`, message: `${name} is missing` },
            ])
          }
        >
          Add a rule to {name}
        </button>
      )}
    </div>
  );
}
