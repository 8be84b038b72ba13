import type { RulebookInput } from '../rulebook-input.ts';
import { qipRulebook } from './qip-rulebook.ts';

/**
 * DDS QIP, FY 2025-26: the transition year, pay for reporting (000_7765ac116eeb0451.txt, 000-06:
 * start in LAN category 2B; 000-39: reporting measures start in fall 2025; 000-04: early years may
 * focus on reporting systems and baseline data).
 */
export const ddsQip202526: RulebookInput = qipRulebook({
  fiscalYear: '2025-26',
  firstDay: '2025-07-01',
  lastDay: '2026-06-30',
  description:
    'Transition year: rate model = 90% base + 10% quality incentive (000-08, 000-11), earned on reporting. ' +
    'Non-DSP workforce data and employment outcomes are collected but not paid.',
  // DEFAULT — review: one due date for every measure, a month after the year ends.
  dueDates: {
    directory: '2026-07-31',
    workforce: '2026-07-31',
    employment: '2026-07-31',
    screenings: '2026-07-31',
  },
  // DEFAULT — review: the new directory fields were still under development (000-19): optional.
  directoryNewFieldsRequired: false,
  // DEFAULT — review: non-DSP workforce and employment outcomes collected, weight 0; the DSP
  // survey and employment staff carry 2 so the domains stay equal.
  weights: {
    directory: 2,
    dspSurvey: 2,
    nonDspWorkforce: 0,
    employmentStaff: 2,
    employmentOutcomes: 0,
    screenings: 2,
  },
});
