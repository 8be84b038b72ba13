/** Whole dollars for charts and summaries ("$1,450,000"); exact cents elsewhere use core's formatCents. */
export function formatDollars(cents: number): string {
  return `${cents < 0 ? '-' : ''}$${Math.round(Math.abs(cents) / 100).toLocaleString('en-US')}`;
}

/** A signed change ("+$12,000", "-$5", "no change"); `exact` keeps the cents ("-$15,543.47"). */
export function formatChange(cents: number, exact = false): string {
  if (cents === 0) return 'no change';
  return `${cents > 0 ? '+' : ''}${exact ? formatUsd(cents) : formatDollars(cents)}`;
}

/** Exact dollars and cents with separators ("$198,897.00"), from integer cents. */
export function formatUsd(cents: number): string {
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${cents < 0 ? '-' : ''}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}
