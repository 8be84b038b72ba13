import { z } from 'zod';
import type { EntityOutcome } from './payment.ts';

/** What ranks entities in the population methods: the composite score or the sum of measure points. */
export const ScoreBasisSchema = z.enum(['composite', 'points']);
export type ScoreBasis = z.output<typeof ScoreBasisSchema>;

/** The entity's score by `basis`; null when nothing is scored. */
export function entityScore(e: EntityOutcome, basis: ScoreBasis): number | null {
  if (basis === 'composite') return e.composite !== null && Number.isFinite(e.composite) ? e.composite : null;
  let sum = 0;
  let any = false;
  for (const key in e.measures) {
    const m = e.measures[key];
    if (m?.scored && m.points !== null && Number.isFinite(m.points)) {
      sum += m.points;
      any = true;
    }
  }
  return any ? sum : null;
}
