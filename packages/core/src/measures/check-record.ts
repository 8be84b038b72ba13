import type { FieldType } from '../rulebook/field-spec-schema.ts';
import { isIsoDate } from '../rulebook/iso-date.ts';

/** Missing for completeness: absent, null, '' or an empty list. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

export function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return isIsoDate(value);
    case 'list':
      return Array.isArray(value);
  }
}
