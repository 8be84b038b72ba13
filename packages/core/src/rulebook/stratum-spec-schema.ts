import { z } from 'zod';

/**
 * An equity view of a person-level rate: records grouped by a field (or an expression giving a
 * string), optionally cut into numeric bands (age bands). Each group gets its own rate; the gap
 * is best minus worst over groups with at least `minDenominator` eligible records.
 */
export const StratumSpecSchema = z.strictObject({
  name: z.string().min(1),
  field: z.string().min(1).optional(),
  expression: z.string().min(1).optional(),
  bands: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        min: z.number().optional().describe('inclusive'),
        max: z.number().optional().describe('inclusive'),
      }),
    )
    .min(1)
    .optional(),
  minDenominator: z
    .int()
    .min(1)
    .optional()
    .describe("groups smaller than this are shown but left out of the gap (default: the measure's, else 1)"),
});
export type StratumSpec = z.infer<typeof StratumSpecSchema>;
