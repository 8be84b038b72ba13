import { z } from 'zod';
import { languageNameProblem } from '../expressions/field-names.ts';
import { isIsoDate } from './iso-date.ts';

/** Value types a field (and an expression) can have; a `date` is an ISO 'YYYY-MM-DD' string. */
export const FieldTypeSchema = z.enum(['number', 'string', 'boolean', 'date', 'list']);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/** A check that must hold for a record to be accurate, e.g. `{"check": "staffCount >= 0", "message": "..."}`. */
export const FieldRuleSchema = z.strictObject({
  check: z
    .string()
    .min(1)
    .describe('boolean expression over the record fields; false (or null) = inaccurate'),
  message: z.string().min(1).describe('what is wrong when the check fails, shown to the submitter'),
});
export type FieldRule = z.infer<typeof FieldRuleSchema>;

/** What a bound (min or max) of a field of this type must be, or the problem with it. */
function boundProblem(type: FieldType, bound: number | string): string | undefined {
  if (type === 'number')
    return typeof bound === 'number' ? undefined : "a number field's bound is a number, e.g. 0";
  if (type === 'date')
    return isIsoDate(bound) ? undefined : "a date field's bound is a real day written YYYY-MM-DD";
  return 'only number and date fields have a lowest or highest value';
}

/** One field of a measure's data (or of the payee): its type and what an accurate value looks like. */
export const FieldSpecSchema = z
  .strictObject({
    type: FieldTypeSchema,
    required: z.boolean().optional().describe('a record without it is incomplete (default false)'),
    description: z.string().optional(),
    enum: z
      .array(z.union([z.string(), z.number()]))
      .min(1)
      .optional()
      .describe('the only values accepted'),
    min: z
      .union([z.number(), z.string()])
      .optional()
      .describe('lowest accepted value: a number (number fields) or a day YYYY-MM-DD (date fields)'),
    max: z
      .union([z.number(), z.string()])
      .optional()
      .describe('highest accepted value: a number (number fields) or a day YYYY-MM-DD (date fields)'),
    rules: z
      .array(FieldRuleSchema)
      .optional()
      .describe('further accuracy checks, expressions over the record'),
  })
  .superRefine((spec, ctx) => {
    // A bound of the wrong kind would be compared with values it can never order: refused here,
    // with a message about this field's type (not a date's message for a number field).
    let bad = false;
    for (const key of ['min', 'max'] as const) {
      const bound = spec[key];
      if (bound === undefined) continue;
      const problem = boundProblem(spec.type, bound);
      if (problem !== undefined) {
        bad = true;
        ctx.addIssue({ code: 'custom', message: problem, path: [key] });
      }
    }
    // Numbers order as numbers, days written YYYY-MM-DD as text.
    if (!bad && spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      ctx.addIssue({
        code: 'custom',
        message: `the lowest accepted value (${spec.min}) is above the highest (${spec.max}): no value could be accepted`,
        path: ['min'],
      });
    }
  });
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

/** Field name -> spec. Names are identifiers so expressions can read them. */
export const FieldsSchema = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a field name is a letter or _ followed by letters, digits or _')
      // A record object inherits these names; as fields they would read the prototype, not the data.
      .refine((name) => name !== '__proto__' && !Object.hasOwn(Object.prototype, name), {
        message: 'this name is reserved (it is a property every object has)',
      }),
    FieldSpecSchema,
  )
  .superRefine((fields, ctx) => {
    // receivedOn and it are names of the expression language; a field so named could not be read.
    // Checked on the record, not the key, so the issue carries this message and the field's path.
    for (const name of Object.keys(fields)) {
      const problem = languageNameProblem(name);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path: [name] });
    }
  });
export type Fields = z.infer<typeof FieldsSchema>;
