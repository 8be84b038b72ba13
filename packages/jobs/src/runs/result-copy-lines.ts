import type { MeasureResult } from '@quip/core';
import { copyText } from '@quip/db';
import { compactResultJson } from './compact-result-json.ts';

const cell = (v: number | boolean | null) => (v === null ? '\\N' : String(v));

/**
 * A run's scored results as COPY text for run_results (the columns of @quip/db's
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
