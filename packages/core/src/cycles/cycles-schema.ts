import { z } from 'zod';
import { RoundingModeSchema } from '../money/rounding-mode.ts';

const ShareSchema = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, "a share is a decimal from '0' to '1', such as '0.8'");

const BudgetCentsSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * How a program pays in payment cycles (issue 15): what share of an entitlement a cycle pays
 * before the run is official, budgets a cycle may not exceed, how negative amounts due are
 * recovered, and which line keys are paid once in the life of the program rather than once per
 * fiscal year.
 */
export const CyclesSchema = z.strictObject({
  interimShare: ShareSchema.optional().describe(
    "the share of each entitlement paid while the cycle's run is not official (e.g. '0.8'); the official run pays the rest",
  ),
  rounding: RoundingModeSchema.default('down').describe(
    'how entitlement x interimShare becomes whole cents (default down: toward zero, an interim share never pays a cent too much)',
  ),
  budgetCents: z
    .strictObject({
      fiscalYear: BudgetCentsSchema.optional().describe('at most this much paid (net) in the fiscal year'),
      lifetime: BudgetCentsSchema.optional().describe(
        'at most this much paid (net) over every fiscal year of the program',
      ),
    })
    .optional(),
  recoveries: z
    .enum(['line', 'offset'])
    .default('line')
    .describe(
      'line: a negative amount due is a recovery line of its own; offset: it only reduces what the same payee is due in the cycle, and what it cannot reduce waits for later cycles',
    ),
  lifetimeKeys: z
    .array(z.string().regex(/^[a-z0-9][^\s*]*\*?$/, "a line key, or a key prefix ending in '*'"))
    .default([])
    .describe(
      "line keys paid once in the life of the program: what was paid for them in any fiscal year counts (EPT: 'milestone:*')",
    ),
});
export type CyclesInput = z.input<typeof CyclesSchema>;
export type CyclesConfig = z.infer<typeof CyclesSchema>;

/** The settings of a rulebook without a `cycles` block. */
export const DEFAULT_CYCLES: CyclesConfig = CyclesSchema.parse({});

/** Whether `key` is one of the lifetime keys ('milestone:*' matches every key that starts with 'milestone:'). */
export function isLifetimeKey(config: Pick<CyclesConfig, 'lifetimeKeys'>, key: string): boolean {
  for (const pattern of config.lifetimeKeys) {
    if (pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern) return true;
  }
  return false;
}
