import type { RulebookInput } from '../rulebook-input.ts';
import { qwiRulebook } from './qwi-rulebook.ts';

/**
 * DHCS QWI, FY 2026-27 (QWI since 2024: 001_2c0d9f2df17bfea1.txt, 001-03). DEFAULT — review: the
 * fiscal year's rulebook evaluates HEDIS measurement year 2026 against the withhold from the
 * capitation entered as capitationCents.
 */
export const dhcsQwi202627: RulebookInput = qwiRulebook({
  fiscalYear: '2026-27',
  firstDay: '2026-07-01',
  measurementYear: 2026,
});
