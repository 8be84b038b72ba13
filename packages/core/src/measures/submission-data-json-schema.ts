import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import type { FieldType } from '../rulebook/field-spec-schema.ts';
import type { CompiledField, CompiledMeasure } from './compile-measure.ts';

/** A JSON Schema (draft 2020-12) as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A real day written YYYY-MM-DD has this shape (`format: date` says the rest). */
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const TYPED: Record<FieldType, () => JsonSchema> = {
  number: () => ({ type: 'number' }),
  string: () => ({ type: 'string' }),
  boolean: () => ({ type: 'boolean' }),
  date: () => ({ type: 'string', format: 'date', pattern: DAY_PATTERN }),
  list: () => ({ type: 'array' }),
};

/**
 * The JSON Schema of one submission row of `measureKey` under a compiled rulebook: what upload and
 * preview refuse (errors), as far as a schema can say it, and what they accept. The row is
 * `{entityId, measure, period, submittedOn?, data}`: `measure` is the key, `period` one the
 * rulebook reads for it, `data` by `submissionDataJsonSchema`. What a schema cannot check is in
 * the descriptions: whether the payee exists and the measure applies to it, bounds of date fields,
 * and the findings (completeness and accuracy), which keep a row but flag it.
 * null when the measure takes no submissions: unknown, or reading another measure's data (dataFrom).
 */
export function submissionJsonSchema(compiled: CompiledRulebook, measureKey: string): JsonSchema | null {
  const index = compiled.measureIndex.get(measureKey);
  const measure = index === undefined ? undefined : compiled.measures[index];
  const periods = compiled.datasetIndex.get(measureKey);
  if (!measure || measure.dataKey !== measure.key || !periods) return null;
  const data = submissionDataJsonSchema(measure);
  const dataRequired = (data.required as string[]).length > 0;
  const spec = measure.spec;
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `${measure.key}: one submission`,
    description: [
      `A submission row of ${spec.name} (${measure.key}), ${compiled.rulebook.program} ${compiled.rulebook.fiscalYear}.`,
      spec.description,
      spec.appliesTo === undefined
        ? undefined
        : `Only for payees the measure applies to (appliesTo: ${JSON.stringify(spec.appliesTo)}).`,
      measure.recordKey.length > 0
        ? `A record is named by ${list(measure.recordKey)}: a later row for the same payee, period and record makes a new version of it, and a batch may not hold two.`
        : 'A payee has one record per period: a later row makes a new version of it.',
    ]
      .filter((line) => line !== undefined)
      .join(' '),
    type: 'object',
    properties: {
      entityId: { type: 'string', pattern: '\\S', description: 'The payee (its id)' },
      measure: { const: measure.key },
      period: { enum: [...periods.keys()], description: 'A period the rulebook reads for this measure' },
      submittedOn: {
        type: 'string',
        format: 'date',
        pattern: DAY_PATTERN,
        description:
          'Admins only, to load historic records: the day the record counts as received (not after the day it is sent). Refused from a submitter: the server records when it receives each batch.',
      },
      data,
    },
    required: ['entityId', 'measure', 'period', ...(dataRequired ? ['data'] : [])],
    additionalProperties: false,
  };
}

/**
 * The JSON Schema of a submission's `data` for a measure that owns its data: each field of its
 * field schema, no other; the fields that name a record, and (unless a reporting measure owns the
 * data, which scores a missing field as incomplete instead) the required fields, must be present.
 * A field given as null or '' (or an empty list) is absent.
 */
export function submissionDataJsonSchema(measure: CompiledMeasure): JsonSchema {
  const compute = measure.compute;
  const reporting = compute.kind === 'reporting';
  const mustHave = (field: CompiledField) =>
    measure.recordKey.includes(field.name) || (!reporting && field.spec.required === true);
  const complete = (f: number) => reporting && compute.completeMask[f] === true;
  // Field rules are checked (findings) unless a reporting measure turned accuracy off.
  const checkRules = !reporting || compute.accurate;
  const properties: Record<string, JsonSchema> = {};
  measure.fields.forEach((field, f) => {
    properties[field.name] = fieldSchema(field, mustHave(field), complete(f), checkRules);
  });
  return {
    type: 'object',
    description: [
      `The record's fields, as the rulebook's field schema for ${measure.key} defines them.`,
      ...(reporting ? compute.recordRules : []).map(accuracyNote),
    ].join(' '),
    properties,
    required: measure.fields.filter(mustHave).map((field) => field.name),
    additionalProperties: false,
  };
}

function fieldSchema(
  field: CompiledField,
  required: boolean,
  complete: boolean,
  checkRules: boolean,
): JsonSchema {
  const spec = field.spec;
  const typed = TYPED[spec.type]();
  if (spec.enum) typed.enum = [...spec.enum];
  if (spec.type === 'number') {
    if (typeof spec.min === 'number') typed.minimum = spec.min;
    if (typeof spec.max === 'number') typed.maximum = spec.max;
  }
  if (required && spec.type === 'string') typed.minLength = 1;
  if (required && spec.type === 'list') typed.minItems = 1;
  const notes = [
    spec.description,
    spec.type === 'date' && spec.min !== undefined ? `On or after ${spec.min}.` : undefined,
    spec.type === 'date' && spec.max !== undefined ? `On or before ${spec.max}.` : undefined,
    complete
      ? 'Needed for a complete record: without it the record is kept and scored incomplete.'
      : undefined,
    ...(checkRules ? field.rules.map(accuracyNote) : []),
  ].filter((note) => note !== undefined);
  const description = notes.length > 0 ? notes.join(' ') : undefined;
  if (required) return description ? { ...typed, description } : typed;
  // Absent: not given, or given as null or '' (an empty list is absent too, and is a list).
  return { ...(description ? { description } : {}), anyOf: [typed, { enum: [null, ''] }] };
}

const accuracyNote = (rule: { message: string }) =>
  `Checked for accuracy (a failed check keeps the record, flagged): ${rule.message}`;
const list = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');
