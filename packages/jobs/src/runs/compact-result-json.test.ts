import { MeasureResult } from '@quip/core';
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
