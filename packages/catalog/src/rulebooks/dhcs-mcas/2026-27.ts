import type { RulebookInput } from '../rulebook-input.ts';
import { mcasRulebook } from './mcas-rulebook.ts';

/**
 * DHCS MCAS, FY 2026-27, measurement year 2026 (sanctions 2022-2024: 001_2c0d9f2df17bfea1.txt,
 * 001-02; auto-assignment revised 2024: 001-06; reinvestment from 2024: 001-09).
 */
export const dhcsMcas202627: RulebookInput = mcasRulebook({
  fiscalYear: '2026-27',
  firstDay: '2026-07-01',
  measurementYear: 2026,
});
