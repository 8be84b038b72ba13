import { formatDollars } from '@quip/core';

/** Whole dollars for charts and summaries ("$1,450,000"); exact cents use core's formatDollars ("$198,897.00"). */
export function formatWholeDollars(cents: number): string {
  return `${cents < 0 ? '-' : ''}$${Math.round(Math.abs(cents) / 100).toLocaleString('en-US')}`;
}

/** A signed change ("+$12,000", "-$5", "no change"); `exact` keeps the cents ("-$15,543.47"). */
export function formatChange(cents: number, exact = false): string {
  if (cents === 0) return 'no change';
  return `${cents > 0 ? '+' : ''}${exact ? formatDollars(cents) : formatWholeDollars(cents)}`;
}
