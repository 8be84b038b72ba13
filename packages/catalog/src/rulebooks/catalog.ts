import { ddsQip202526 } from './dds-qip/2025-26.ts';
import { ddsQip202627 } from './dds-qip/2026-27.ts';
import { dhcsEpt202526 } from './dhcs-ept/2025-26.ts';
import { dhcsEpt202627 } from './dhcs-ept/2026-27.ts';
import { dhcsMcas202526 } from './dhcs-mcas/2025-26.ts';
import { dhcsMcas202627 } from './dhcs-mcas/2026-27.ts';
import { dhcsQwi202526 } from './dhcs-qwi/2025-26.ts';
import { dhcsQwi202627 } from './dhcs-qwi/2026-27.ts';
import { dhcsWpc202627 } from './dhcs-wpc/2026-27.ts';
import type { RulebookInput } from './rulebook-input.ts';

/** One catalog entry: a program's rulebook for one fiscal year, as written (core validates it). */
export interface CatalogEntry {
  fiscalYear: string;
  programId: string;
  rulebook: unknown;
}

const entry = (rulebook: RulebookInput): CatalogEntry =>
  Object.freeze({ fiscalYear: rulebook.fiscalYear, programId: rulebook.program, rulebook });

/** Every shipped rulebook, by fiscal year then program. Loaded into an empty database on first start. */
export const CATALOG: readonly CatalogEntry[] = Object.freeze([
  entry(ddsQip202526),
  entry(dhcsEpt202526),
  entry(dhcsMcas202526),
  entry(dhcsQwi202526),
  entry(ddsQip202627),
  entry(dhcsEpt202627),
  entry(dhcsMcas202627),
  entry(dhcsQwi202627),
  entry(dhcsWpc202627),
]);

/**
 * The catalog rulebook of a program in a fiscal year, or undefined. A fresh deep copy each call,
 * so a caller that edits it (an administrator's draft) never changes the catalog.
 */
export function catalogRulebook(fiscalYear: string, programId: string): unknown {
  const found = CATALOG.find((e) => e.fiscalYear === fiscalYear && e.programId === programId);
  return found ? JSON.parse(JSON.stringify(found.rulebook)) : undefined;
}
