import { MEASURE_RESULT_VALUE_FIELDS, MeasureResult } from '@quip/core';

// JSON text of reason and status strings: a run has a handful of distinct ones and 1.8M results.
const strings = new Map<string, string>();

function str(v: unknown): string {
  if (typeof v !== 'string') return JSON.stringify(v);
  let text = strings.get(v);
  if (text === undefined) {
    text = JSON.stringify(v);
    if (strings.size > 10_000) strings.clear();
    strings.set(v, text);
  }
  return text;
}

/** A number as JSON.stringify writes it (non-finite as null), without the generic call. */
function num(v: unknown): string {
  if (typeof v !== 'number') return JSON.stringify(v);
  return Number.isFinite(v) ? String(v) : 'null';
}

function bool(v: unknown): string {
  return v === true ? 'true' : v === false ? 'false' : JSON.stringify(v);
}

/**
 * A MeasureResult as short JSON for storage: nulls, the default status 'scored' and the keyed
 * fields are left out (a run stores one per payee x measure, so bytes here are the run's I/O).
 * The fields of MEASURE_RESULT_VALUE_FIELDS are written out one by one, in that order (a test
 * holds the two lists equal): a loop over the list costs a keyed lookup per field, and
 * JSON.stringify per number or known string is the slow way to write it, millions per run.
 * `expandResultJson` gives back the full result object.
 */
export function compactResultJson(result: object): string {
  const r = result as MeasureResult;
  let out = '';
  if (r.status != null && r.status !== 'scored') out += `,"status":${str(r.status)}`;
  if (r.reason != null) out += `,"reason":${str(r.reason)}`;
  if (r.value != null) out += `,"value":${num(r.value)}`;
  if (r.numerator != null) out += `,"numerator":${num(r.numerator)}`;
  if (r.denominator != null) out += `,"denominator":${num(r.denominator)}`;
  if (r.baseline != null) out += `,"baseline":${num(r.baseline)}`;
  if (r.target != null) out += `,"target":${num(r.target)}`;
  if (r.floor != null) out += `,"floor":${num(r.floor)}`;
  if (r.met != null) out += `,"met":${bool(r.met)}`;
  if (r.points != null) out += `,"points":${num(r.points)}`;
  if (r.maxPoints != null) out += `,"maxPoints":${num(r.maxPoints)}`;
  if (r.records != null) out += `,"records":${num(r.records)}`;
  if (r.reporting != null) out += `,"reporting":${JSON.stringify(r.reporting)}`;
  if (r.exclusions != null) out += `,"exclusions":${JSON.stringify(r.exclusions)}`;
  if (r.missed != null) out += `,"missed":${JSON.stringify(r.missed)}`;
  if (r.strata != null) out += `,"strata":${JSON.stringify(r.strata)}`;
  if (r.milestones != null) out += `,"milestones":${JSON.stringify(r.milestones)}`;
  if (r.trace != null) out += `,"trace":${JSON.stringify(r.trace)}`;
  if (r.exact != null && r.value != null) out += `,"exact":${str(r.exact)}`;
  if (r.baselineExact != null) out += `,"baselineExact":${str(r.baselineExact)}`;
  return out === '' ? '{}' : `{${out.slice(1)}}`;
}

/** A fresh result's value fields other than the undefined ones: what the short form leaves out. */
const DEFAULTS: Record<string, unknown> = {};
const fresh = new MeasureResult('', '', '', 0);
for (const f of MEASURE_RESULT_VALUE_FIELDS) if (fresh[f] !== undefined) DEFAULTS[f] = fresh[f];

/** The stored short form back as a full result object (nulls and status restored). */
export function expandResultJson(
  entityId: string,
  measure: string,
  stored: Record<string, unknown>,
): Record<string, unknown> & { entityId: string; measure: string } {
  return Object.assign({ ...DEFAULTS }, stored, { entityId, measure });
}
