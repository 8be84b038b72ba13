import { z } from 'zod';
import { PaymentParamsSchema } from '../payment/payment-params.ts';
import { AppliesToSchema, MeasureKeySchema } from './measure-spec-schema.ts';

/** The key the rulebook's own `payment` carries on its lines once a rulebook has several parts. */
export const PRIMARY_PAYMENT_PART = 'primary';

/**
 * One more payment computed over the same measure results as the rulebook's `payment`: MCAS
 * auto-assignment beside its sanctions, WPC start-up grants and housing beside the incentive pool,
 * EPT rubric selection beside the milestones. `appliesTo` limits the part to some payees (an
 * expression over payee fields, as for measures); `composite` gives the part its own composite
 * score (WPC housing: the enrollment report alone).
 */
export const PaymentPartSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a payment part key is lower-case letters, digits and "-"')
    .refine((k) => k !== PRIMARY_PAYMENT_PART, `'${PRIMARY_PAYMENT_PART}' names the rulebook's own payment`),
  name: z.string().min(1),
  description: z.string().optional(),
  appliesTo: AppliesToSchema.optional().describe('which payees the part pays (default all)'),
  composite: z
    .strictObject({
      measures: z.array(MeasureKeySchema).optional().describe("measures in this part's composite score"),
    })
    .optional(),
  params: PaymentParamsSchema,
});
export type PaymentPart = z.infer<typeof PaymentPartSchema>;

/** The rulebook's `additionalPayments`; validateRulebook checks the keys are unique. */
export const PaymentPartsSchema = z.array(PaymentPartSchema);
