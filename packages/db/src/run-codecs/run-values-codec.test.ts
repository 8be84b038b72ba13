import { type CompiledRulebook, MEASURE_RESULT_VALUE_FIELDS, MeasureResult } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { encodeRunValues, placeRunValues } from './run-values-codec.ts';

// Only the measure list matters to the codec.
const compiled = {
  measures: [
    { key: 'cie', period: '2026-27', weight: 2 },
    { key: 'survey', period: '2026-27', weight: 1 },
  ],
} as unknown as CompiledRulebook;

/** A value with every stored field set, each to something other than its default. */
function everyField(entityId: string, measure: string): MeasureResult {
  const r = new MeasureResult(entityId, measure, '2026-27', measure === 'cie' ? 2 : 1);
  Object.assign(r, {
    status: 'not-scored',
    reason: 'why "quoted"\\',
    value: 0.25,
    numerator: 1,
    denominator: 4,
    baseline: 0.5,
    target: 0.3,
    floor: 0.1,
    met: false,
    points: 0,
    maxPoints: 10,
    records: 4,
    reporting: { timely: true, complete: false, accurate: null },
    exclusions: { moved: 2 },
    missed: { byReason: { ill: 1 }, withoutReason: 0 },
    strata: [{ name: 'age', groups: [], best: null, worst: null, gap: null }],
    milestones: [{ milestone: 1, completedOn: '2026-10-01' }],
    trace: [{ rule: 'rate', inputs: {}, value: 0.25 }],
    exact: '1/4000000000000000000001',
    baselineExact: '2/3',
  });
  return r;
}

describe('run values codec', () => {
  it('gives back every stored field and the class defaults of the rest', () => {
    const full = everyField('P1', 'cie');
    const bare = new MeasureResult('P1', 'survey', '2026-27', 1);
    bare.value = 1;
    const doc = JSON.parse(encodeRunValues(['cie', 'survey'], ['P1'], [full, bare]));
    const results = new Array<MeasureResult>(2);
    expect(placeRunValues(doc, compiled, new Map([['P1', 0]]), results)).toBe(2);
    // Every field of the list, so a field added to it and not to the codec fails here.
    for (const field of MEASURE_RESULT_VALUE_FIELDS) {
      expect([field, results[0]?.[field]]).toEqual([field, full[field]]);
    }
    expect(results[0]).toBeInstanceOf(MeasureResult);
    expect(results[1]).toEqual(bare);
    // Stored in the short form: nulls and the default status left out.
    expect(doc.distinct[doc.values[1]]).toEqual({ value: 1, records: 0 });
  });

  it('carries the exact value through the stored JSON: a rate of 1/3 ties a target of 1/3 after the round trip', () => {
    const r = new MeasureResult('P1', 'cie', '2026-27', 2);
    r.setValue({ n: 1n, d: 3n });
    r.setBaseline({ n: 2n, d: 7n });
    const doc = JSON.parse(JSON.stringify(JSON.parse(encodeRunValues(['cie'], ['P1'], [r]))));
    const results = new Array<MeasureResult>(2);
    placeRunValues(doc, compiled, new Map([['P1', 0]]), results);
    const back = results[0] as MeasureResult;
    // 1/3 as a double is 0.3333333333333333 (= 3333333333333333/10^16, below 1/3); the exact text keeps 1/3.
    expect([back.value, back.exact, back.exactValue()]).toEqual([1 / 3, '1/3', { n: 1n, d: 3n }]);
    expect([back.baseline, back.baselineExact, back.exactBaseline()]).toEqual([
      2 / 7,
      '2/7',
      { n: 2n, d: 7n },
    ]);
  });

  it('stores each distinct value once and gives every payee its own result', () => {
    const same = ['P1', 'P2', 'P3'].map((id) => {
      const r = new MeasureResult(id, 'cie', '2026-27', 2);
      r.status = 'not-applicable';
      r.reason = 'n/a';
      return r;
    });
    const doc = JSON.parse(encodeRunValues(['cie'], ['P1', 'P2', 'P3'], same));
    expect(doc.distinct).toHaveLength(1);
    expect(doc.values).toEqual([0, 0, 0]);
    const results = new Array<MeasureResult>(6);
    const index = new Map([
      ['P1', 0],
      ['P2', 1],
      ['P3', 2],
    ]);
    placeRunValues(doc, compiled, index, results);
    // Payee e's cie at e * 2: slots 0, 2, 4, each its own object with its own payee id.
    expect([results[0]?.entityId, results[2]?.entityId, results[4]?.entityId]).toEqual(['P1', 'P2', 'P3']);
    expect(results[0]).not.toBe(results[2]);
    expect(results[4]).toMatchObject({ status: 'not-applicable', reason: 'n/a', value: null });
  });

  it('places values by payee and measure key, whatever order the document lists them in', () => {
    const a = new MeasureResult('P2', 'survey', '2026-27', 1);
    a.value = 0.5;
    const b = new MeasureResult('P2', 'cie', '2026-27', 2);
    b.value = 0.75;
    const doc = JSON.parse(encodeRunValues(['survey', 'cie'], ['P2'], [a, b]));
    const results = new Array<MeasureResult>(4);
    // P2 is payee 1 of the run: cie at 1 * 2 + 0 = 2, survey at 1 * 2 + 1 = 3.
    placeRunValues(doc, compiled, new Map([['P2', 1]]), results);
    expect(results[2]?.value).toBe(0.75);
    expect(results[3]?.value).toBe(0.5);
    expect(results[0]).toBeUndefined();
  });

  it('reads the earlier stored form [[payee, measure, {fields}]]', () => {
    const doc = [['P1', 'cie', { value: 0.4, numerator: 4, denominator: 10, records: 1 }]];
    const results = new Array<MeasureResult>(2);
    expect(placeRunValues(doc, compiled, new Map([['P1', 0]]), results)).toBe(1);
    expect(results[0]).toMatchObject({ status: 'scored', value: 0.4, records: 1, weight: 2, target: null });
  });
});
