import type { RuleIssue } from '../errors.ts';
import type { FieldType } from '../rulebook/field-spec-schema.ts';
import { isIsoDate } from '../rulebook/iso-date.ts';
import type { CompiledField, CompiledMeasure } from './compile-measure.ts';
import { type RecordReader, RowRecordReader } from './record-reader.ts';

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

/** What is wrong with a present value of one field (type, enum, bounds, rules), or null. */
export function fieldProblem(
  field: CompiledField,
  value: unknown,
  reader: RecordReader,
  i: number,
): string | null {
  const spec = field.spec;
  if (!hasType(value, spec.type)) return `'${field.name}' must be a ${spec.type}`;
  if (field.enumValues && !field.enumValues.has(value))
    return `'${field.name}' must be one of ${spec.enum?.join(', ')}`;
  if (spec.min !== undefined && (value as number) < spec.min)
    return `'${field.name}' must be at least ${spec.min}`;
  if (spec.max !== undefined && (value as number) > spec.max)
    return `'${field.name}' must be at most ${spec.max}`;
  for (const rule of field.rules) {
    if (reader.evaluate(rule.expression, i) !== true) return rule.message;
  }
  return null;
}

/**
 * What is wrong with one submission's data for a measure, one issue per field (path [field]):
 * unknown fields, missing required fields, wrong types, values outside enum or bounds, failed
 * rules. For the API to answer a bulk upload with row errors; evaluation does not need it.
 *
 * A reporting measure scores completeness (required fields present) and accuracy (enum, bounds,
 * rules) itself, so for it those are outcomes to store, not errors: only unknown fields and wrong
 * types are reported. Rejecting them at the door would make every stored report complete and
 * accurate, and pay-for-reporting would pay for timeliness alone. Record key fields stay required.
 */
export function checkSubmissionData(
  measure: CompiledMeasure,
  data: Readonly<Record<string, unknown>>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const reader = new RowRecordReader([{ entityId: '', measure: measure.key, period: measure.period, data }]);
  for (const name of Object.keys(data)) {
    if (!Object.hasOwn(measure.fieldTypes, name)) {
      issues.push({
        path: [name],
        code: 'unknown-field',
        message: `'${name}' is not a field of ${measure.key}`,
      });
    }
  }
  const scoresQuality = measure.compute.kind === 'reporting';
  for (const field of measure.fields) {
    const value = data[field.name];
    if (!isPresent(value)) {
      // A record key field is always needed: without it a record cannot be told from another.
      if (field.spec.required && (!scoresQuality || measure.recordKey.includes(field.name)))
        issues.push({ path: [field.name], code: 'required', message: `'${field.name}' is required` });
      continue;
    }
    if (scoresQuality) {
      if (!hasType(value, field.spec.type))
        issues.push({
          path: [field.name],
          code: 'invalid',
          message: `'${field.name}' must be a ${field.spec.type}`,
        });
      continue;
    }
    const problem = fieldProblem(field, value, reader, 0);
    if (problem !== null) issues.push({ path: [field.name], code: 'invalid', message: problem });
  }
  return issues;
}
