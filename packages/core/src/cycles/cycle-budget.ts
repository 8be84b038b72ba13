import type { CyclesConfig } from './cycles-schema.ts';

export interface CycleBudgetInput {
  /** What the cycle pays, net (its dues minus its recoveries). */
  netCents: number;
  /** Paid (net) by the approved cycles of the cycle's fiscal year. */
  paidInYearCents: number;
  /** Paid (net) by the approved cycles of every fiscal year of the program. */
  paidInLifetimeCents: number;
  budgetCents: CyclesConfig['budgetCents'];
}

export interface CycleBudgetOverrun {
  budget: 'fiscalYear' | 'lifetime';
  limitCents: number;
  paidCents: number;
  cycleCents: number;
  /** paid + cycle - limit: how much less the cycle must pay to fit. */
  overCents: number;
}

/**
 * The first budget the cycle would exceed (fiscal year, then lifetime), or null. A cycle that pays
 * nothing net (or recovers) is never refused: it only brings the total down.
 */
export function checkCycleBudget(input: CycleBudgetInput): CycleBudgetOverrun | null {
  if (input.netCents <= 0 || !input.budgetCents) return null;
  const limits: [CycleBudgetOverrun['budget'], number | undefined, number][] = [
    ['fiscalYear', input.budgetCents.fiscalYear, input.paidInYearCents],
    ['lifetime', input.budgetCents.lifetime, input.paidInLifetimeCents],
  ];
  for (const [budget, limit, paid] of limits) {
    if (limit === undefined) continue;
    const after = paid + input.netCents;
    if (after > limit) {
      return {
        budget,
        limitCents: limit,
        paidCents: paid,
        cycleCents: input.netCents,
        overCents: after - limit,
      };
    }
  }
  return null;
}
