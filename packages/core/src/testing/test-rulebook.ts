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
