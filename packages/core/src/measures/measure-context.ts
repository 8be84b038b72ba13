import type { CompiledCompute, CompiledMeasure } from './compile-measure.ts';
import type { MeasureResult } from './measure-result.ts';
import type { RecordChecker } from './record-checker.ts';
import type { RecordReader } from './record-reader.ts';

/**
 * The current records of one entity for one measure: positions order[start..end) of the
 * submissions (already filtered by period and asOf, resubmissions resolved, unreadable records
 * left out). A reporting measure reads every current record; any other reads only the clean ones
 * (end is then the clean end, and `flagged` counts the records with findings it does not read).
 */
export interface RecordSlice {
  reader: RecordReader;
  order: Int32Array;
  start: number;
  end: number;
  /** Current records with completeness or accuracy findings that this slice leaves out. */
  flagged: number;
  /** Per submission: standing bits from the dataset's check (see RecordChecker). */
  standing: Uint8Array;
  /** The dataset's check, to word a record's findings when explaining. */
  checker: RecordChecker | null;
}

export interface MeasureContext {
  /** The evaluation date: submissions without submittedOn count as submitted on it. */
  asOf: string;
  explain: boolean;
}

/**
 * One kind of measure's entity-level computation into `result`: `compute` is `measure.compute`,
 * already known to be of kind K (computeMeasure picks the computation by kind).
 */
export type ComputeKind<K extends CompiledCompute['kind']> = (
  measure: CompiledMeasure,
  compute: Extract<CompiledCompute, { kind: K }>,
  slice: RecordSlice,
  ctx: MeasureContext,
  result: MeasureResult,
) => void;
