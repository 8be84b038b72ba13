import type { RulebookInput } from '../rulebook-input.ts';
import { qipRulebook } from './qip-rulebook.ts';

/**
 * DDS QIP, FY 2026-27 (000_7765ac116eeb0451.txt, 000-02: the payment measures for FY 2026-27 and
 * later; 000-41: not yet final). Pay for reporting on the six reporting measures of the four
 * domains; the twelve performance and outcome rates are computed against an informational target.
 */
export const ddsQip202627: RulebookInput = qipRulebook({
  fiscalYear: '2026-27',
  firstDay: '2026-07-01',
  lastDay: '2027-06-30',
  description:
    'Rate model = 90% base + 10% quality incentive (000-08, 000-11); the 10% is earned on timely, accurate, ' +
    'complete reporting in four domains; performance and outcome rates carry weight 0 this year.',
  // DEFAULT — review: due dates (no source gives them). The directory is useful only when current
  // early in the year; survey season is winter; year-long counts need the year plus one month.
  dueDates: {
    directory: '2026-09-30',
    workforce: '2027-03-31',
    employment: '2027-07-31',
    screenings: '2027-07-31',
  },
  directoryNewFieldsRequired: true,
  // DEFAULT — review: each domain that applies weighs the same (directory 2, workforce 1 + 1,
  // employment 1 + 1, prevention & wellness 2), so no domain dominates by its number of measures.
  weights: {
    directory: 2,
    dspSurvey: 1,
    nonDspWorkforce: 1,
    employmentStaff: 1,
    employmentOutcomes: 1,
    screenings: 2,
  },
});
