import { MeasureResult } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { RUN_RESULT_COPY_COLUMNS } from '../repositories/run-output-copy.ts';
import { resultCopyBatches } from './run-result-rows.ts';

describe('result COPY lines', () => {
  it('fill the columns copyRunOutput names, nulls as \\N, backslashes and tabs escaped', () => {
    const a = new MeasureResult('P\t1', 'cie', '2026-27', 1);
    a.value = 0.5;
    a.target = 0.45;
    a.met = true;
    a.points = 10;
    const b = new MeasureResult('P\t1', 'survey', '2026-27', 1);
    b.notScored('a "quoted" reason');
    const c = new MeasureResult('P2', 'cie', '2026-27', 1);
    c.status = 'not-applicable';
    const batches = [...resultCopyBatches(7, [a, b, c], 2)];
    // Two rows per batch: a and b, then c.
    expect(batches).toEqual([
      '7\tP\\t1\tcie\tscored\t0.5\t0.45\ttrue\t10\t{"value":0.5,"target":0.45,"met":true,"points":10,"records":0}\n' +
        '7\tP\\t1\tsurvey\tnot-scored\t\\N\t\\N\t\\N\t\\N\t{"status":"not-scored","reason":"a \\\\"quoted\\\\" reason","records":0}\n',
      '7\tP2\tcie\tnot-applicable\t\\N\t\\N\t\\N\t\\N\t{"status":"not-applicable","records":0}\n',
    ]);
    // One cell per column copyRunOutput names.
    for (const line of batches.join('').trimEnd().split('\n')) {
      expect(line.split('\t')).toHaveLength(RUN_RESULT_COPY_COLUMNS.length);
    }
  });
});
