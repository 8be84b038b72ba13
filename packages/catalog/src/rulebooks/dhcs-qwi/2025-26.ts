import type { RulebookInput } from '../rulebook-input.ts';
import { qwiRulebook } from './qwi-rulebook.ts';

/** DHCS QWI, FY 2025-26: the same method, measurement year 2025 (DEFAULT — review: the mapping). */
export const dhcsQwi202526: RulebookInput = qwiRulebook({
  fiscalYear: '2025-26',
  firstDay: '2025-07-01',
  measurementYear: 2025,
});
