/**
 * A performance measure of a test rulebook (the SPA's unit tests) scored as the share
 * numerator / denominator of two number fields (rate-counts); `more` adds a target, a minimum
 * denominator and the like.
 */
export function rateMeasure(
  measure: { key: string; name: string; domain: string },
  [numerator, denominator]: [string, string],
  more: Record<string, unknown> = {},
) {
  return {
    ...measure,
    kind: 'performance',
    fields: { [numerator]: { type: 'number' }, [denominator]: { type: 'number' } },
    compute: { kind: 'rate-counts', numeratorField: numerator, denominatorField: denominator },
    ...more,
  };
}
