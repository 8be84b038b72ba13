import type { RulebookInput } from '../rulebook-input.ts';
import { mcasRulebook } from './mcas-rulebook.ts';

/** DHCS MCAS, FY 2025-26, measurement year 2025: the same rules (no change in the sources). */
export const dhcsMcas202526: RulebookInput = mcasRulebook({
  fiscalYear: '2025-26',
  firstDay: '2025-07-01',
  measurementYear: 2025,
});
