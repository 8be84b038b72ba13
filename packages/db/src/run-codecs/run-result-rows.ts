import type { MeasureResult } from '@quip/core';
import type { RunResultRow } from '../repositories/run-results.ts';
import { copyText } from '../repositories/submission-copy.ts';
import { compactResultJson } from './compact-result-json.ts';

/** A scored result as the keyed insert takes it (PGlite). */
export function runResultRow(r: MeasureResult): RunResultRow {
  return {
    entityId: r.entityId,
    measure: r.measure,
    status: r.status,
    value: r.value,
    target: r.target,
    met: r.met,
    points: r.points,
    json: compactResultJson(r),
  };
}

const cell = (v: number | boolean | null) => (v === null ? '\\N' : String(v));

/**
 * A run's scored results as COPY text for run_results (the columns of
 * RUN_RESULT_COPY_COLUMNS, in order), `rows` lines at a time: made while the
 * server takes the previous batches in, never as one string or one object per row held for the
 * whole population. Payee and measure cells are escaped once each, not once per row.
 */
export function* resultCopyBatches(
  runId: number,
  results: readonly MeasureResult[],
  rows = 2000,
): Generator<string> {
  const measureCells = new Map<string, string>();
  let lastEntity: string | null = null;
  let prefix = '';
  let batch = '';
  let n = 0;
  for (let k = 0; k < results.length; k++) {
    const r = results[k] as MeasureResult;
    if (r.entityId !== lastEntity) {
      lastEntity = r.entityId;
      prefix = `${runId}\t${copyText(r.entityId)}\t`;
    }
    let measure = measureCells.get(r.measure);
    if (measure === undefined) {
      measure = copyText(r.measure);
      measureCells.set(r.measure, measure);
    }
    batch += `${prefix}${measure}\t${copyText(r.status)}\t${cell(r.value)}\t${cell(r.target)}\t${cell(r.met)}\t${cell(r.points)}\t${copyText(compactResultJson(r))}\n`;
    if (++n === rows) {
      yield batch;
      batch = '';
      n = 0;
    }
  }
  if (batch !== '') yield batch;
}
