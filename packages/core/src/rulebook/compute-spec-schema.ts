import { z } from 'zod';
import { FieldRuleSchema } from './field-spec-schema.ts';
import { IsoDateSchema } from './iso-date.ts';

const Expression = z.string().min(1);
const FieldName = z.string().min(1);

/**
 * Pay-for-reporting: were the entity's current records in on time, complete and accurate?
 * Each part is checked unless set to `false`; `timely` is checked only when it names a due date.
 * value = parts passed / parts checked; met = every checked part passed.
 */
export const ReportingComputeSchema = z.strictObject({
  kind: z.literal('reporting'),
  timely: z
    .union([z.literal(false), z.strictObject({ dueDate: IsoDateSchema })])
    .optional()
    .describe('every current record submittedOn <= dueDate'),
  complete: z
    .union([z.literal(false), z.strictObject({ fields: z.array(FieldName).optional() })])
    .optional()
    .describe('the listed fields (default: the required ones) are present on every record'),
  accurate: z
    .union([z.literal(false), z.strictObject({ rules: z.array(FieldRuleSchema).optional() })])
    .optional()
    .describe('every field has its type, enum, min/max and rules; plus these record-level rules'),
  minRecords: z.int().min(0).optional().describe('fewer current records fails every part (default 1)'),
});

/**
 * A rate over person-level records: records where `denominator` holds, less those an exclusion
 * takes out (the first matching exclusion names the reason), form the denominator; those of them
 * where `numerator` holds form the numerator. value = numerator / denominator x per.
 */
export const RateRecordsComputeSchema = z.strictObject({
  kind: z.literal('rate-records'),
  denominator: Expression.optional().describe('who is eligible (default: every record)'),
  numerator: Expression.describe('who meets the measure, among the eligible'),
  exclusions: z
    .array(z.strictObject({ when: Expression, reason: z.string().min(1) }))
    .optional()
    .describe('eligible records taken out of the denominator, counted by reason'),
  missedReason: z
    .strictObject({ field: FieldName, required: z.boolean().optional() })
    .optional()
    .describe('the field explaining each miss; when required (default) a miss without one fails the measure'),
  per: z.number().positive().optional().describe('scale, e.g. 1000 for a rate per 1,000 (default 1)'),
});

/** A rate from submitted counts, summed over the entity's current records. */
export const RateCountsComputeSchema = z.strictObject({
  kind: z.literal('rate-counts'),
  numeratorField: FieldName,
  denominatorField: FieldName,
  per: z.number().positive().optional(),
});

/** A submitted value (`field`) or one worked out from the record (`formula`), aggregated over records. */
export const ValueComputeSchema = z.strictObject({
  kind: z.literal('value'),
  field: FieldName.optional(),
  formula: Expression.optional(),
  aggregate: z
    .enum(['sum', 'mean', 'min', 'max', 'latest'])
    .optional()
    .describe('over records (default sum)'),
});

/** Completed milestones: one record per milestone; value = how many count (completed by `by`). */
export const MilestoneComputeSchema = z.strictObject({
  kind: z.literal('milestone'),
  milestoneField: FieldName.optional().describe("default 'milestone'"),
  dateField: FieldName.optional().describe("default 'completedOn'"),
  by: IsoDateSchema.optional().describe('completions after this day do not count'),
  minCompleted: z.int().min(0).optional().describe('met when at least this many count (default 1)'),
});

export const ComputeSpecSchema = z.discriminatedUnion('kind', [
  ReportingComputeSchema,
  RateRecordsComputeSchema,
  RateCountsComputeSchema,
  ValueComputeSchema,
  MilestoneComputeSchema,
]);
export type ComputeSpec = z.infer<typeof ComputeSpecSchema>;
export type ReportingCompute = z.infer<typeof ReportingComputeSchema>;
export type RateRecordsCompute = z.infer<typeof RateRecordsComputeSchema>;
export type RateCountsCompute = z.infer<typeof RateCountsComputeSchema>;
export type ValueCompute = z.infer<typeof ValueComputeSchema>;
export type MilestoneCompute = z.infer<typeof MilestoneComputeSchema>;
