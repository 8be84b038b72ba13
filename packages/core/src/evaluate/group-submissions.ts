import { RECORD_INVALID } from '../measures/record-checker.ts';
import type { RecordReader } from '../measures/record-reader.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';

/**
 * Submissions bucketed by entity x dataset (bucket b = entity * datasetCount + dataset): the
 * current records of bucket b are order[start[b] .. end[b]), the clean ones first
 * (order[start[b] .. clean[b])), then those with findings, each part in order of first appearance.
 */
export interface SubmissionGroups {
  datasetCount: number;
  order: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Per bucket: the end of its clean records (no completeness or accuracy finding). */
  clean: Int32Array;
  /** Per submission: its standing bits (RecordChecker; set for current records only). */
  standing: Uint8Array;
  /** Submissions left out, by why. */
  ignored: {
    unknownEntity: number;
    unknownEntityIds: string[];
    unknownMeasure: Map<string, number>;
    otherPeriod: Map<string, number>;
    afterAsOf: number;
    invalidData: number;
    /** Current records the dataset's check finds unreadable (errors), by measure. */
    invalidRecords: Map<string, number>;
  };
}

const SAMPLE = 5;

/**
 * Buckets the submissions (counting sort: one pass over the input that reads strings and maps,
 * then passes over integer arrays) and resolves resubmissions: per entity x measure x period x
 * record key, the latest submittedOn wins, then the latest in input order. A dataset without a
 * record key keeps one record: the latest submission. Submissions dated after `asOf` are left out,
 * so a run as of a day sees what had arrived by then; undated ones count as submitted on `asOf`.
 * Then each current record is checked once (the dataset's RecordChecker): one with errors is left
 * out (counted), one with findings is kept after the clean ones, for reporting measures only.
 */
export function groupSubmissions(
  compiled: CompiledRulebook,
  reader: RecordReader,
  entityIndex: ReadonlyMap<string, number>,
  entityCount: number,
  asOf: string,
): SubmissionGroups {
  const D = compiled.datasets.length;
  const n = reader.length;
  const buckets = entityCount * D;
  const bucketOf = new Int32Array(n);
  const start = new Int32Array(buckets + 1);
  const ignored: SubmissionGroups['ignored'] = {
    unknownEntity: 0,
    unknownEntityIds: [],
    unknownMeasure: new Map(),
    otherPeriod: new Map(),
    afterAsOf: 0,
    invalidData: 0,
    invalidRecords: new Map(),
  };
  const datasetIndex = compiled.datasetIndex;

  // Inputs usually come sorted by entity and measure: remember the last lookups (a string ===
  // on the same string object is a pointer compare) and skip most map probes.
  let lastMeasure: string | null = null;
  let lastPeriod: string | null = null;
  let lastDataset = -1;
  let lastId: string | null = null;
  let lastEntity = -1;
  for (let i = 0; i < n; i++) {
    bucketOf[i] = -1;
    const measure = reader.measure(i);
    const period = reader.period(i);
    let d: number;
    if (measure === lastMeasure && period === lastPeriod) d = lastDataset;
    else {
      const byPeriod = datasetIndex.get(measure);
      if (byPeriod === undefined) {
        ignored.unknownMeasure.set(measure, (ignored.unknownMeasure.get(measure) ?? 0) + 1);
        continue;
      }
      const found = byPeriod.get(period);
      if (found === undefined) {
        ignored.otherPeriod.set(measure, (ignored.otherPeriod.get(measure) ?? 0) + 1);
        continue;
      }
      d = found;
      lastMeasure = measure;
      lastPeriod = period;
      lastDataset = d;
    }
    const id = reader.entityId(i);
    let e: number;
    if (id === lastId) e = lastEntity;
    else {
      const found = entityIndex.get(id);
      if (found === undefined) {
        if (ignored.unknownEntity++ < SAMPLE) ignored.unknownEntityIds.push(id);
        continue;
      }
      e = found;
      lastId = id;
      lastEntity = e;
    }
    const on = reader.submittedOn(i);
    if (on !== undefined && on !== null && on > asOf) {
      ignored.afterAsOf++;
      continue;
    }
    if (!reader.hasData(i)) {
      ignored.invalidData++;
      continue;
    }
    const b = e * D + d;
    bucketOf[i] = b;
    start[b + 1] = (start[b + 1] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);

  const order = new Int32Array(start[buckets] as number);
  const end = start.slice(0, buckets); // used as the fill cursor, then as the end after dedupe
  for (let i = 0; i < n; i++) {
    const b = bucketOf[i] as number;
    if (b < 0) continue;
    const at = end[b] as number;
    order[at] = i;
    end[b] = at + 1;
  }

  const keyOf = new Map<string, number>();
  for (let b = 0; b < buckets; b++) {
    const s = start[b] as number;
    const e = end[b] as number;
    if (e - s < 2) continue;
    const recordKey = (compiled.datasets[b % D] as { recordKey: string[] }).recordKey;
    end[b] =
      recordKey.length === 0
        ? keepLatest(reader, order, s, e, asOf)
        : keepLatestPerKey(reader, order, s, e, asOf, recordKey, keyOf);
  }
  const standing = new Uint8Array(n);
  const clean = checkRecords(compiled, reader, order, start, end, standing, ignored.invalidRecords);
  return { datasetCount: D, order, start, end, clean, standing, ignored };
}

/**
 * Checks every current record, drops those with errors and puts those with findings after the
 * clean ones (a stable partition in place). Returns the end of each bucket's clean records.
 */
function checkRecords(
  compiled: CompiledRulebook,
  reader: RecordReader,
  order: Int32Array,
  start: Int32Array,
  end: Int32Array,
  standing: Uint8Array,
  invalid: Map<string, number>,
): Int32Array {
  const D = compiled.datasets.length;
  const clean = new Int32Array(end.length);
  const flagged: number[] = [];
  for (let b = 0; b < end.length; b++) {
    const s = start[b] as number;
    const e = end[b] as number;
    const checker = (compiled.datasets[b % D] as (typeof compiled.datasets)[number]).checker;
    let w = s;
    flagged.length = 0;
    for (let k = s; k < e; k++) {
      const i = order[k] as number;
      const bits = checker.check(reader, i, null);
      standing[i] = bits;
      if ((bits & RECORD_INVALID) !== 0) {
        invalid.set(checker.measureKey, (invalid.get(checker.measureKey) ?? 0) + 1);
      } else if (bits === 0) order[w++] = i;
      else flagged.push(i);
    }
    clean[b] = w;
    for (const i of flagged) order[w++] = i;
    end[b] = w;
  }
  return clean;
}

function keepLatest(reader: RecordReader, order: Int32Array, s: number, e: number, asOf: string): number {
  let best = order[s] as number;
  let bestOn = reader.submittedOn(best) ?? asOf;
  for (let k = s + 1; k < e; k++) {
    const i = order[k] as number;
    const on = reader.submittedOn(i) ?? asOf;
    if (on >= bestOn) {
      best = i;
      bestOn = on;
    }
  }
  order[s] = best;
  return s + 1;
}

function keepLatestPerKey(
  reader: RecordReader,
  order: Int32Array,
  s: number,
  e: number,
  asOf: string,
  recordKey: string[],
  keyOf: Map<string, number>,
): number {
  let w = s;
  for (let k = s; k < e; k++) {
    const i = order[k] as number;
    const key = recordKeyOf(reader, recordKey, i);
    const pos = keyOf.get(key);
    if (pos === undefined) {
      keyOf.set(key, w);
      order[w++] = i;
    } else if ((reader.submittedOn(i) ?? asOf) >= (reader.submittedOn(order[pos] as number) ?? asOf)) {
      order[pos] = i;
    }
  }
  keyOf.clear();
  return w;
}

/** The record key as text; fields joined by a unit separator, a missing field as ''. */
function recordKeyOf(reader: RecordReader, recordKey: string[], i: number): string {
  if (recordKey.length === 1) {
    const v = reader.field(recordKey[0] as string, i);
    return v === undefined || v === null ? '' : String(v);
  }
  let key = '';
  for (let f = 0; f < recordKey.length; f++) {
    const v = reader.field(recordKey[f] as string, i);
    if (f > 0) key += '\u001f';
    if (v !== undefined && v !== null) key += String(v);
  }
  return key;
}
