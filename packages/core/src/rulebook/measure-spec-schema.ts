import { z } from 'zod';
import { ScoringSpecSchema } from '../scoring/scoring-spec.ts';
import { TargetSpecSchema } from '../targets/target-spec.ts';
import { ComputeSpecSchema } from './compute-spec-schema.ts';
import { FieldsSchema } from './field-spec-schema.ts';
import { StratumSpecSchema } from './stratum-spec-schema.ts';

export const MeasureKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a measure key is lower-case letters, digits, ".", "_" or "-"');

/**
 * Which payees a measure applies to: an expression over the payee fields
 * (`"serviceCode in ['950', '952']"`), or field -> accepted values (all must match).
 * Absent = every payee.
 */
export const AppliesToSchema = z.union([
  z.string().min(1),
  z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)),
]);
export type AppliesTo = z.infer<typeof AppliesToSchema>;

export const MeasureSpecSchema = z.strictObject({
  key: MeasureKeySchema,
  name: z.string().min(1),
  domain: z.string().min(1),
  kind: z.enum(['reporting', 'performance', 'outcome', 'milestone']),
  description: z.string().optional(),
  appliesTo: AppliesToSchema.optional(),
  period: z
    .string()
    .min(1)
    .optional()
    .describe("the submissions' period that counts (default: the fiscal year)"),
  dataFrom: MeasureKeySchema.optional().describe(
    "read another measure's submissions (and its fields and recordKey)",
  ),
  fields: FieldsSchema.optional().describe('what a submission data object holds'),
  recordKey: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'fields naming one record: of several submissions with the same key the latest submittedOn wins; ' +
        'without one, the latest submission is the only record',
    ),
  compute: ComputeSpecSchema,
  noData: z
    .enum(['not-scored', 'not-met'])
    .optional()
    .describe(
      "an entity without records: 'not-scored' (default) or scored as not met; reporting and milestone measures always count it as not met",
    ),
  minDenominator: z.int().min(1).optional().describe("a smaller denominator is 'not-scored', never zero"),
  strata: z.array(StratumSpecSchema).optional(),
  baseline: z
    .union([
      z
        .strictObject({ period: z.string().min(1) })
        .describe("this measure computed over that period's submissions"),
      z
        .strictObject({ payeeField: z.string().min(1) })
        .describe("a payee field holding the entity's baseline value"),
    ])
    .optional()
    .describe(
      "the entity baseline for improvement targets (and the peers' baseline values for baseline-percentile)",
    ),
  target: TargetSpecSchema.optional(),
  floor: TargetSpecSchema.optional().describe('minimum performance level (e.g. MCAS MPL) for sanctions'),
  scoring: ScoringSpecSchema.optional(),
  weight: z.number().min(0).optional().describe('weight in the composite score (default 1)'),
});
export type MeasureSpec = z.infer<typeof MeasureSpecSchema>;
