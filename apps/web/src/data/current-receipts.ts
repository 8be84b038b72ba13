import type { CompiledMeasure } from '@quip/core';
import type { StoredSubmission } from '../api/resources.ts';

/** When one payee's current records for one measure were received. */
export interface Receipt {
  /** The latest `receivedAt` among the current records. */
  receivedAt: string;
  /** That record's declared submittedOn (an admin's historic load), or null. */
  declaredOn: string | null;
  /** How many current records (one per record key; a measure without one keeps one). */
  records: number;
}

type MeasureShape = Pick<CompiledMeasure, 'key' | 'dataKey' | 'period' | 'recordKey'>;

const SEP = '\u001f';

/** The key of `currentReceipts`' map. */
export function receiptKey(entityId: string, measure: string): string {
  return `${entityId}${SEP}${measure}`;
}

/**
 * Per payee x measure: the receipt of its current records, found from every stored version the
 * way core resolves resubmissions for a run (per payee x data x period x record key, the latest
 * submittedOn wins, then the one listed later), so the time shown is that of the record the
 * inbox state was judged on. A measure reading another's data (dataFrom) shows that data's receipt.
 */
export function currentReceipts(
  measures: readonly MeasureShape[],
  versions: readonly StoredSubmission[],
): Map<string, Receipt> {
  // data key -> period -> record key fields; and the measures reading each data key x period.
  const recordKeys = new Map<string, Map<string, readonly string[]>>();
  const readers = new Map<string, string[]>();
  for (const m of measures) {
    let byPeriod = recordKeys.get(m.dataKey);
    if (!byPeriod) {
      byPeriod = new Map();
      recordKeys.set(m.dataKey, byPeriod);
    }
    if (!byPeriod.has(m.period)) byPeriod.set(m.period, m.recordKey);
    const dataset = `${m.dataKey}${SEP}${m.period}`;
    readers.set(dataset, [...(readers.get(dataset) ?? []), m.key]);
  }

  const current = new Map<string, StoredSubmission>();
  for (const v of versions) {
    const fields = recordKeys.get(v.measure)?.get(v.period);
    if (!fields) continue;
    const key = [v.entityId, v.measure, v.period, ...fields.map((f) => String(v.data[f] ?? ''))].join(SEP);
    const held = current.get(key);
    if (!held || v.submittedOn >= held.submittedOn) current.set(key, v);
  }

  const receipts = new Map<string, Receipt>();
  for (const v of current.values()) {
    for (const measure of readers.get(`${v.measure}${SEP}${v.period}`) ?? []) {
      const key = receiptKey(v.entityId, measure);
      const held = receipts.get(key);
      if (!held) receipts.set(key, { receivedAt: v.receivedAt, declaredOn: v.declaredOn, records: 1 });
      else {
        held.records++;
        if (Date.parse(v.receivedAt) > Date.parse(held.receivedAt)) {
          held.receivedAt = v.receivedAt;
          held.declaredOn = v.declaredOn;
        }
      }
    }
  }
  return receipts;
}
