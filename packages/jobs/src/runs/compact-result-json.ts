import { MEASURE_RESULT_VALUE_FIELDS as FIELDS } from '@quip/core';

/**
 * A MeasureResult as short JSON for storage: nulls, the default status 'scored' and the keyed
 * fields are left out (a run stores one per payee x measure, so bytes here are the run's I/O).
 * Written field by field: a JSON.stringify replacer costs a call per key, millions per run.
 * `expandResultJson` gives back the full result object.
 */
export function compactResultJson(result: object): string {
  const r = result as Record<string, unknown>;
  let out = '';
  for (const key of FIELDS) {
    const value = r[key];
    if (value === null || value === undefined || (key === 'status' && value === 'scored')) continue;
    out += `${out === '' ? '' : ','}"${key}":${JSON.stringify(value)}`;
  }
  return `{${out}}`;
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
