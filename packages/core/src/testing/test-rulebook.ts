/**
 * A rulebook's JSON for a test: schema version 1, program dds-qip, fiscal year 2026-27 and a
 * rate-incentive payment, each unless `parts` gives its own, and the rest (the measures) from `parts`.
 */
export const testRulebook = <T extends Record<string, unknown>>(parts: T) => ({
  schemaVersion: 1,
  program: 'dds-qip',
  fiscalYear: '2026-27',
  payment: { method: 'rate-incentive' },
  ...parts,
});

/**
 * A rate-counts measure's JSON for a test: `key` (also its name), an outcome in the domain 'test',
 * its rate `numerator` / `denominator` over two required number fields of those names; `parts`
 * gives the rest (its target...) and may replace any of these.
 */
export const rateCountsMeasure = (
  key: string,
  numerator: string,
  denominator: string,
  parts: Record<string, unknown> = {},
) => ({
  key,
  name: key,
  domain: 'test',
  kind: 'outcome',
  fields: {
    [numerator]: { type: 'number', required: true },
    [denominator]: { type: 'number', required: true },
  },
  compute: { kind: 'rate-counts', numeratorField: numerator, denominatorField: denominator },
  ...parts,
});
