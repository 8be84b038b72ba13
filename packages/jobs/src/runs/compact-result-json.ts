/** Fields every stored value or result leaves out: the row's key columns carry them, or the rulebook does. */
const KEYED = new Set(['entityId', 'measure', 'period', 'weight']);

/**
 * A MeasureResult as short JSON for storage: nulls, the default status 'scored' and the keyed
 * fields are left out (a run stores one per payee x measure, so bytes here are the run's I/O).
 * `expandResultJson` gives back an object core's scoreAndPay (and the API) read as the full result.
 */
export function compactResultJson(result: object): string {
  return JSON.stringify(result, (key, value) => {
    if (value === null || KEYED.has(key)) return undefined;
    if (key === 'status' && value === 'scored') return undefined;
    return value;
  });
}

const NULLS = [
  'reason',
  'value',
  'numerator',
  'denominator',
  'baseline',
  'target',
  'floor',
  'met',
  'points',
  'maxPoints',
] as const;

/** The stored short form back as a full result object (nulls and status restored). */
export function expandResultJson(
  entityId: string,
  measure: string,
  stored: Record<string, unknown>,
): Record<string, unknown> & { entityId: string; measure: string } {
  const full: Record<string, unknown> = { status: 'scored', records: 0 };
  for (const k of NULLS) full[k] = null;
  return Object.assign(full, stored, { entityId, measure });
}
