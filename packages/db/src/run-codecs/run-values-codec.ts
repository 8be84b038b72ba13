import { type CompiledRulebook, MEASURE_RESULT_VALUE_FIELDS, MeasureResult } from '@quip/core';
import { compactResultJson, expandResultJson } from './compact-result-json.ts';

/**
 * A chunk's phase-1 values as stored in run_values: the measure keys, the payee ids, the distinct
 * values (each in the short form of compactResultJson, as run_results stores results) and, entity
 * major (payee p's measure m at p * M + m), each value's number in
 * that list. Values repeat a lot (not applicable, no data, met with the same record counts...):
 * a chunk of 18,000 values has a few dozen distinct ones, so phase 2 parses one small document
 * per chunk instead of 1.8M objects per run.
 */
interface RunValuesDoc {
  v: 3;
  measures: string[];
  payees: string[];
  distinct: Record<string, unknown>[];
  values: number[];
}

/** JSON text of a chunk's values (`values` entity-major over `payees` x `measures`). */
export function encodeRunValues(
  measures: readonly string[],
  payees: readonly string[],
  values: readonly MeasureResult[],
): string {
  const numbers = new Map<string, number>();
  const distinct: string[] = [];
  const refs = new Array<number>(values.length);
  for (let k = 0; k < values.length; k++) {
    const text = compactResultJson(values[k] as MeasureResult);
    let ref = numbers.get(text);
    if (ref === undefined) {
      ref = distinct.length;
      distinct.push(text);
      numbers.set(text, ref);
    }
    refs[k] = ref;
  }
  return `{"v":3,"measures":${JSON.stringify(measures)},"payees":${JSON.stringify(payees)},"distinct":[${distinct.join(',')}],"values":[${refs.join(',')}]}`;
}

/** Shared by every result made from a stored value: frozen, so no holder can change the others'. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type R = MeasureResult;

/** A stored tuple back into a MeasureResult (written out: no keyed stores); nulls keep the class defaults. */
function resultOf(
  t: unknown[],
  entityId: string,
  measure: { key: string; period: string; weight: number },
): R {
  const r = new MeasureResult(entityId, measure.key, measure.period, measure.weight);
  if (t[0] != null) r.status = t[0] as R['status'];
  if (t[1] != null) r.reason = t[1] as R['reason'];
  if (t[2] != null) r.value = t[2] as R['value'];
  if (t[3] != null) r.numerator = t[3] as R['numerator'];
  if (t[4] != null) r.denominator = t[4] as R['denominator'];
  if (t[5] != null) r.baseline = t[5] as R['baseline'];
  if (t[6] != null) r.target = t[6] as R['target'];
  if (t[7] != null) r.floor = t[7] as R['floor'];
  if (t[8] != null) r.met = t[8] as R['met'];
  if (t[9] != null) r.points = t[9] as R['points'];
  if (t[10] != null) r.maxPoints = t[10] as R['maxPoints'];
  if (t[11] != null) r.records = t[11] as R['records'];
  if (t[12] != null) r.reporting = t[12] as R['reporting'];
  if (t[13] != null) r.exclusions = t[13] as R['exclusions'];
  if (t[14] != null) r.missed = t[14] as R['missed'];
  if (t[15] != null) r.strata = t[15] as R['strata'];
  if (t[16] != null) r.milestones = t[16] as R['milestones'];
  if (t[17] != null) r.trace = t[17] as R['trace'];
  if (t[18] != null) r.exact = t[18] as R['exact'];
  if (t[19] != null) r.baselineExact = t[19] as R['baselineExact'];
  return r;
}

/**
 * Places one stored chunk document into `results` (entity-major over the run's payees: payee at
 * entityIndex e, measure m at e * M + m). Reads the compact tuples and, for runs stored by the
 * first release (which explaining one of their payees still reads), [[payee, measure, {field:
 * value}], ...]. Values of unknown payees or measures are skipped; returns how many were placed.
 */
export function placeRunValues(
  doc: unknown,
  compiled: CompiledRulebook,
  entityIndex: ReadonlyMap<string, number>,
  results: MeasureResult[],
): number {
  const measures = compiled.measures;
  const M = measures.length;
  const measureIndex = new Map<string, number>();
  for (let m = 0; m < M; m++) measureIndex.set((measures[m] as (typeof measures)[number]).key, m);
  let placed = 0;
  if (Array.isArray(doc)) {
    for (const [entityId, key, stored] of doc as [string, string, Record<string, unknown>][]) {
      const e = entityIndex.get(entityId);
      const m = measureIndex.get(key);
      if (e === undefined || m === undefined) continue;
      const full = expandResultJson(entityId, key, stored);
      const measure = measures[m] as (typeof measures)[number];
      const t = MEASURE_RESULT_VALUE_FIELDS.map((f) => full[f] ?? null);
      results[e * M + m] = resultOf(t, entityId, measure);
      placed++;
    }
    return placed;
  }
  const { measures: keys, payees, values, distinct: stored } = doc as RunValuesDoc;
  const distinct = stored.map((d) => deepFreeze(MEASURE_RESULT_VALUE_FIELDS.map((f) => d[f] ?? null)));
  const at = keys.map((k) => measureIndex.get(k));
  const K = keys.length;
  for (let p = 0; p < payees.length; p++) {
    const entityId = payees[p] as string;
    const e = entityIndex.get(entityId);
    if (e === undefined) continue;
    for (let k = 0; k < K; k++) {
      const m = at[k];
      const t = distinct[values[p * K + k] as number];
      if (m === undefined || t === undefined) continue;
      results[e * M + m] = resultOf(t, entityId, measures[m] as (typeof measures)[number]);
      placed++;
    }
  }
  return placed;
}
