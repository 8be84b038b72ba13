import { MEASURE_RESULT_VALUE_FIELDS, MeasureResult } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { compactResultJson, expandResultJson } from './compact-result-json.ts';

describe('stored results', () => {
  it('leave out nulls, the default status and the keys, and come back whole', () => {
    const r = new MeasureResult('PV-1', 'cie', '2026-27', 1);
    r.value = 0.4;
    r.numerator = 4;
    r.denominator = 10;
    r.records = 1;
    r.met = false;
    const text = compactResultJson(r);
    expect(text).toBe('{"value":0.4,"numerator":4,"denominator":10,"met":false,"records":1}');
    expect(expandResultJson('PV-1', 'cie', JSON.parse(text))).toMatchObject({
      entityId: 'PV-1',
      measure: 'cie',
      status: 'scored',
      value: 0.4,
      target: null,
      met: false,
      points: null,
      records: 1,
    });
  });

  it('keep a status other than scored and its reason', () => {
    const r = new MeasureResult('PV-2', 'cie', '2026-27', 1);
    r.notScored('no interns');
    expect(JSON.parse(compactResultJson(r))).toEqual({
      status: 'not-scored',
      reason: 'no interns',
      records: 0,
    });
  });
});

describe('stored results, field by field', () => {
  it('write every field of MEASURE_RESULT_VALUE_FIELDS that is set, in that order', () => {
    const r = new MeasureResult('PV-3', 'cie', '2026-27', 1) as unknown as Record<string, unknown>;
    // Each field set to a value of its kind that is not its default.
    const values: Record<string, unknown> = {
      status: 'not-scored',
      reason: 'r',
      value: 1,
      numerator: 2,
      denominator: 3,
      baseline: 4,
      target: 5,
      floor: 6,
      met: true,
      points: 7,
      maxPoints: 8,
      records: 9,
      reporting: { timely: true },
      exclusions: { a: 1 },
      missed: { byReason: {}, withoutReason: 1 },
      strata: [],
      milestones: [],
      trace: [],
      exact: '1/3',
      baselineExact: '2/3',
    };
    for (const field of MEASURE_RESULT_VALUE_FIELDS) r[field] = values[field];
    const text = compactResultJson(r);
    expect(Object.keys(JSON.parse(text))).toEqual([...MEASURE_RESULT_VALUE_FIELDS]);
    expect(JSON.parse(text)).toEqual(values);
  });

  it('write numbers as JSON does: non-finite ones as null', () => {
    const r = new MeasureResult('PV-4', 'cie', '2026-27', 1);
    r.value = Number.NaN;
    r.numerator = -0;
    r.denominator = 1e21;
    expect(compactResultJson(r)).toBe('{"value":null,"numerator":0,"denominator":1e+21,"records":0}');
  });
});
