import { type Fields, isPresent, valueProblem } from '@quip/core';
import type { RowError } from '../http/problem.ts';
import { parseCell } from '../ingest/parse-cell.ts';

export interface EntityInput {
  id: string;
  name: string;
  attributes: Record<string, unknown>;
}

const MAX_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 1000;

/**
 * One payee row (a JSON object, or a CSV row of strings) as `{id, name, attributes}`: every field
 * but `id` and `name` is an attribute, typed and checked by the rulebook's payee field schema
 * when there is one. Pushes the row's problems onto `errors` (never quoting values) and returns
 * null when there are any.
 */
export function entityFromRow(
  value: Record<string, unknown>,
  row: number,
  payeeFields: Fields | null,
  fromCsv: boolean,
  errors: RowError[],
): EntityInput | null {
  const before = errors.length;
  const id = requiredText(value, 'id', MAX_ID_LENGTH, row, errors);
  const name = requiredText(value, 'name', MAX_NAME_LENGTH, row, errors);

  const attributes: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(value)) {
    if (field === 'id' || field === 'name') continue;
    const parsed = fromCsv ? parseCell(raw as string, payeeFields?.[field]?.type) : raw;
    if (parsed !== undefined && parsed !== null) attributes[field] = parsed;
  }
  for (const [field, spec] of Object.entries(payeeFields ?? {})) {
    // id and name are the payee's own columns, checked above; a rulebook may list them as fields.
    if (field === 'id' || field === 'name') continue;
    const v = attributes[field];
    if (!isPresent(v)) {
      if (spec.required) errors.push({ row, path: field, message: 'is required' });
      continue;
    }
    // The same value check as a submitted record's (core), so the two never disagree.
    const problem = valueProblem({ name: field, spec }, v);
    if (problem !== null) errors.push({ row, path: field, message: problem });
  }
  if (errors.length > before) return null;
  return { id: id as string, name: name as string, attributes };
}

/** The row's text field `path`, trimmed; pushes why not (never quoting it) when it is missing, not text or too long. */
function requiredText(
  value: Record<string, unknown>,
  path: 'id' | 'name',
  max: number,
  row: number,
  errors: RowError[],
): string | undefined {
  const raw = value[path];
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (typeof text !== 'string' || text === '') {
    const message = typeof text === 'string' || text === undefined ? 'is required' : 'must be a string';
    errors.push({ row, path, message });
    return undefined;
  }
  if (text.length > max) {
    errors.push({ row, path, message: `must be at most ${max} characters` });
    return undefined;
  }
  return text;
}
