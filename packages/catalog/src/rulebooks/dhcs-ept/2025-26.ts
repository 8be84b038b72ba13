import type { RulebookInput } from '../rulebook-input.ts';
import { eptRulebook } from './ept-rulebook.ts';

/**
 * DHCS EPT, FY 2025-26: milestones completed 2025-07-01..2026-06-30 (002_b5f0493840ffb60e.txt,
 * 002-17: payments for 2024-2026 use the November 2024 member counts, D-SNP excluded).
 */
export const dhcsEpt202526: RulebookInput = eptRulebook({
  fiscalYear: '2025-26',
  firstDay: '2025-07-01',
  lastDay: '2026-06-30',
  description:
    'Potential = assigned members (Nov 2024) x class PMPY; each completed milestone pays potential / 23 or 25.',
});
