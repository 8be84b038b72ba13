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
  const id = typeof value.id === 'string' ? value.id.trim() : value.id;
  if (typeof id !== 'string' || id === '') {
    errors.push({
      row,
      path: 'id',
      message: typeof id === 'string' || id === undefined ? 'is required' : 'must be a string',
    });
  } else if (id.length > MAX_ID_LENGTH) {
    errors.push({ row, path: 'id', message: `must be at most ${MAX_ID_LENGTH} characters` });
  }
  const name = typeof value.name === 'string' ? value.name.trim() : value.name;
  if (typeof name !== 'string' || name === '') {
    errors.push({
      row,
      path: 'name',
      message: typeof name === 'string' || name === undefined ? 'is required' : 'must be a string',
    });
  } else if (name.length > MAX_NAME_LENGTH) {
    errors.push({ row, path: 'name', message: `must be at most ${MAX_NAME_LENGTH} characters` });
  }

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
