import { z } from 'zod';
import { CyclesSchema } from '../cycles/cycles-schema.ts';
import { parseFiscalYear } from '../fiscal-year.ts';
import { PaymentParamsSchema } from '../payment/payment-params.ts';
import { ScoringSpecSchema } from '../scoring/scoring-spec.ts';
import { isTimeZone } from '../time-zone.ts';
import { FieldsSchema } from './field-spec-schema.ts';
import { IsoDateSchema } from './iso-date.ts';
import { MeasureKeySchema, MeasureSpecSchema } from './measure-spec-schema.ts';
import { PaymentPartsSchema } from './payment-part-schema.ts';

/** The rules of one program in one fiscal year: measures, targets, scoring, payment. See README.md. */
export const RulebookSchema = z.strictObject({
  schemaVersion: z.literal(1),
  program: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a program id is lower-case letters, digits and "-"'),
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  fiscalYear: z
    .string()
    .refine((fy) => parseFiscalYear(fy) !== null, "a fiscal year is named like '2026-27'"),
  effectiveFrom: IsoDateSchema.optional(),
  timeZone: z
    .string()
    .refine(isTimeZone, 'a time zone is an IANA name such as America/Los_Angeles')
    .optional()
    .describe(
      'where due dates are kept: due date D means received by the end of D there (default America/Los_Angeles)',
    ),
  payee: z
    .strictObject({
      kind: z.string().min(1).describe('provider-service-code, plan, practice, lead-entity, ...'),
      fields: FieldsSchema.optional().describe('the payee fields that appliesTo and the payment read'),
    })
    .optional(),
  measures: z.array(MeasureSpecSchema),
  scoring: ScoringSpecSchema.optional().describe('scoring for measures that have a target and no scoring'),
  composite: z
    .strictObject({
      measures: z
        .array(MeasureKeySchema)
        .optional()
        .describe('measures in the composite (default all scored)'),
    })
    .optional(),
  payment: PaymentParamsSchema,
  additionalPayments: PaymentPartsSchema.optional().describe(
    'more payment parts over the same measure results (auto-assignment beside sanctions, ...)',
  ),
  cycles: CyclesSchema.optional().describe(
    'how payment cycles pay the runs: interim share, budgets, recoveries, keys paid once in the life of the program',
  ),
});
/** A rulebook as written, before defaults are filled in. */
export type RulebookInput = z.input<typeof RulebookSchema>;
export type Rulebook = z.infer<typeof RulebookSchema>;
