import type { RuleIssue } from '@quip/core';
import { useState } from 'react';
import { Button } from '../ui/button.tsx';
import { issuesUnder, NumberInput, withMember } from './editor-inputs.tsx';

type Spec = Record<string, unknown>;
type Fields = Record<string, Spec>;
const TYPES = ['number', 'string', 'boolean', 'date', 'list'] as const;
const cell = 'w-full rounded border border-slate-300 px-1.5 py-1 text-sm aria-[invalid=true]:border-red-600';

/** The rules of a field in words: "required, at least 0, one of agency, independent, 1 rule". */
function rulesInWords(spec: Spec): string {
  const rules = Array.isArray(spec.rules) ? (spec.rules as { message?: string }[]) : [];
  return rules.map((r) => r.message ?? '').join('; ');
}

/**
 * The data a provider must send for a measure: each field with its type and its accuracy rules
 * (required, allowed values, minimum and maximum, record rules), added, renamed and removed here.
 * Core's messages appear on the field they are about.
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
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" aria-label="Data fields">
        <thead className="bg-slate-100 text-left">
          <tr>
            {['Field', 'Type', 'Required', 'Min', 'Max', 'Allowed values', 'Rules', ''].map((h) => (
              <th key={h} scope="col" className="px-2 py-1 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const spec = fields[name] as Spec;
            const problems = issuesUnder(issues, [...path, name]);
            const invalid = problems.length > 0 ? true : undefined;
            return (
              <tr key={name} className="border-t border-slate-200 align-top">
                <td className="px-2 py-1">
                  <input
                    aria-label={`Field ${name} name`}
                    className={`${cell} min-w-40 font-mono`}
                    defaultValue={name}
                    readOnly={readOnly}
                    aria-invalid={invalid}
                    onBlur={(e) => {
                      const to = e.target.value.trim();
                      if (to && to !== name && !Object.hasOwn(fields, to)) rename(name, to);
                    }}
                  />
                  {problems.map((p) => (
                    <span key={p.message} className="block text-xs text-red-700" role="alert">
                      {p.path.slice(path.length + 1).join('.')} {p.message}
                    </span>
                  ))}
                </td>
                <td className="px-2 py-1">
                  <select
                    aria-label={`Field ${name} type`}
                    className={`${cell} min-w-24`}
                    value={String(spec.type)}
                    onChange={(e) => update(name, { ...spec, type: e.target.value })}
                  >
                    {TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </td>
                <td className="px-2 py-1 text-center">
                  <input
                    type="checkbox"
                    aria-label={`Field ${name} required`}
                    checked={spec.required === true}
                    onChange={(e) =>
                      update(name, withMember(spec, 'required', e.target.checked || undefined))
                    }
                  />
                </td>
                {(['min', 'max'] as const).map((k) => (
                  <td key={k} className="min-w-28 px-2 py-1">
                    {spec.type === 'date' ? (
                      <input
                        aria-label={`Field ${name} ${k}`}
                        className={cell}
                        value={String(spec[k] ?? '')}
                        placeholder="YYYY-MM-DD"
                        onChange={(e) => update(name, withMember(spec, k, e.target.value || undefined))}
                      />
                    ) : (
                      <NumberInput
                        id={`${path.join('-')}-${name}-${k}`}
                        aria-label={`Field ${name} ${k}`}
                        value={spec[k]}
                        onChange={(v) => update(name, withMember(spec, k, v))}
                      />
                    )}
                  </td>
                ))}
                <td className="px-2 py-1">
                  <input
                    aria-label={`Field ${name} allowed values`}
                    className={`${cell} min-w-32`}
                    placeholder="any"
                    defaultValue={Array.isArray(spec.enum) ? spec.enum.join(', ') : ''}
                    onBlur={(e) => {
                      const values = e.target.value
                        .split(',')
                        .map((v) => v.trim())
                        .filter((v) => v !== '');
                      update(name, withMember(spec, 'enum', values.length > 0 ? values : undefined));
                    }}
                  />
                </td>
                <td className="max-w-56 px-2 py-1 text-xs text-slate-700">{rulesInWords(spec) || '—'}</td>
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
            );
          })}
        </tbody>
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
    </div>
  );
}
