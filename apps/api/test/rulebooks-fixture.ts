import { rulebookFixture } from '@quip/fixtures';

/**
 * The rulebook the rulebook and fiscal-year tests edit and publish (a provider directory, and cie
 * at 30 % or more with a minimum denominator of 3; all met earns the incentive share of the rate),
 * for another fiscal year or incentive share when a test needs one.
 */
export function ddsQipRulebook(fiscalYear = '2026-27', incentiveShare = '0.1') {
  const rulebook = rulebookFixture('directory-and-cie-at-least-30-percent-earn-10-percent');
  return { ...rulebook, fiscalYear, payment: { ...rulebook.payment, incentiveShare } };
}
