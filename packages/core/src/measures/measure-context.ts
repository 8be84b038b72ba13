import type { RecordReader } from './record-reader.ts';

/**
 * The current records of one entity for one measure: positions order[start..end) of the
 * submissions (already filtered by period and asOf, resubmissions resolved).
 */
export interface RecordSlice {
  reader: RecordReader;
  order: Int32Array;
  start: number;
  end: number;
}

export interface MeasureContext {
  /** The evaluation date: submissions without submittedOn count as submitted on it. */
  asOf: string;
  explain: boolean;
}
