import type { RulebookInput } from '../rulebook-input.ts';
import { eptRulebook } from './ept-rulebook.ts';

/**
 * DHCS EPT, FY 2026-27: milestones completed 2026-07-01..2027-06-30, paid with the class table
 * and the November 2024 member counts (002_b5f0493840ffb60e.txt, 002-17).
 * DEFAULT — review: the source's "payments for 2024-2026" reaches into this fiscal year only if
 * read as calendar 2026; milestones completed after 2026-12-31 depend on CMS's annual approval
 * (002-16).
 */
export const dhcsEpt202627: RulebookInput = eptRulebook({
  fiscalYear: '2026-27',
  firstDay: '2026-07-01',
  lastDay: '2027-06-30',
  description:
    'Potential = assigned members (Nov 2024) x class PMPY; each completed milestone pays potential / 23 or 25. ' +
    'Review: milestones after 2026-12-31 depend on CMS annual approval (002-16).',
});
