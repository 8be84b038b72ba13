import { describe, expect, it } from 'vitest';
import { MEASURE_RESULT_VALUE_FIELDS, type MeasureResult } from '../measures/measure-result.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';
import { evaluateMeasureValues, scoreValues } from './evaluate-phased.ts';
import { PhaseOneColumns, rescoreMeasure, SCORED_FIELDS } from './rescore-measure.ts';

/**
 * Measures of every kind of target (absolute, peer percentile, improvement on a payee baseline,
 * a baseline percentile with no baselines, which does not resolve), a floor, linear and met /
 * not-met scoring, and a reporting measure whose met phase 1 decides. Payees P1..P4 with shares
 * 2/10, 4/10, 6/10, 8/10, baselines 0.1, 0.5, 0.5, 0.9; P5 serves code 096 (no share measure).
 */
const compiled = compileRulebook(
  testRulebook({
    program: 'test-qip',
    payee: {
      kind: 'provider',
      fields: {
        serviceCode: { type: 'string' },
        base: { type: 'number' },
        units: { type: 'number' },
        rateCents: { type: 'number' },
      },
    },
    scoring: { kind: 'met-not-met', points: 1 },
    measures: [
      {
        key: 'survey',
        name: 'survey',
        domain: 'workforce',
        kind: 'reporting',
        fields: { done: { type: 'boolean' } },
        compute: { kind: 'reporting', timely: { dueDate: '2026-10-31' } },
      },
      ...(
        [
          ['absolute', { kind: 'absolute', value: 0.5 }],
          ['peer', { kind: 'peer-percentile', percentile: 50 }],
          ['improving', { kind: 'improvement', goal: 1, gapClosed: '0.5' }],
          ['unresolved', { kind: 'baseline-percentile', percentile: 50 }],
        ] as const
      ).map(([key, target]) => ({
        key,
        name: key,
        domain: 'employment',
        kind: 'performance',
        appliesTo: { serviceCode: ['950'] },
        ...(key === 'absolute' ? {} : { dataFrom: 'absolute' }),
        compute: { kind: 'rate-counts', numeratorField: 'n', denominatorField: 'd' },
        ...(key === 'absolute' ? { fields: { n: { type: 'number' }, d: { type: 'number' } } } : {}),
        ...(key === 'improving' ? { baseline: { payeeField: 'base' } } : {}),
        ...(key === 'peer'
          ? {
              scoring: { kind: 'linear', threshold: 0.2, benchmark: 0.8 },
              floor: { kind: 'absolute', value: 0.3 },
            }
          : {}),
        target,
      })),
    ],
    payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'weighted-met' },
  }),
);

const entities = [
  ...[0.1, 0.5, 0.5, 0.9].map((base, i) => ({
    id: `P${i + 1}`,
    serviceCode: '950',
    base,
    units: 10,
    rateCents: 1000,
  })),
  { id: 'P5', serviceCode: '096', base: 0, units: 10, rateCents: 1000 },
];
const submissions = entities.flatMap((p, i) => [
  { entityId: p.id, measure: 'survey', period: '2026-27', submittedOn: '2026-10-01', data: { done: true } },
  ...(p.serviceCode === '950'
    ? [{ entityId: p.id, measure: 'absolute', period: '2026-27', data: { n: 2 * (i + 1), d: 10 } }]
    : []),
]);
const input = { entities, submissions, asOf: '2027-06-30' };
const plain = (r: MeasureResult) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>;

describe('rescoreMeasure', () => {
  it('scoreValues sets only SCORED_FIELDS: every other field of a result is phase 1 alone', () => {
    const { values } = evaluateMeasureValues(compiled, input);
    const before = values.map(plain);
    scoreValues(compiled, values, true);
    const after = values.map(plain);
    const others = MEASURE_RESULT_VALUE_FIELDS.filter(
      (f) => !(SCORED_FIELDS as readonly string[]).includes(f),
    );
    for (let k = 0; k < values.length; k++) {
      for (const field of others) expect(after[k]?.[field], field).toEqual(before[k]?.[field]);
    }
    // ...and scoring did set some of each kind: targets, a floor, points, and an unresolved target.
    expect(after.some((r) => r.target !== null)).toBe(true);
    expect(after.some((r) => r.floor !== null)).toBe(true);
    expect(after.some((r) => r.status === 'not-scored' && r.measure === 'unresolved')).toBe(true);
  });

  it('puts back what phase 1 made and scores as a fresh evaluation does', () => {
    const phase1 = evaluateMeasureValues(compiled, input);
    const pristine = phase1.values.map(plain);
    const M = compiled.measures.length;
    const columns = compiled.measures.map((_, m) => new PhaseOneColumns(phase1.values, m, M));
    scoreValues(compiled, phase1.values, false);
    const scored = phase1.values.map(plain);
    for (let k = 0; k < phase1.values.length; k++) {
      columns[k % M]?.reset(phase1.values[k] as MeasureResult, Math.floor(k / M));
    }
    expect(phase1.values.map(plain)).toEqual(pristine);
    const dirty = new Uint8Array(entities.length);
    const summaries = compiled.measures.map((_, m) =>
      rescoreMeasure(compiled, m, columns[m] as PhaseOneColumns, dirty),
    );
    expect(phase1.values.map(plain)).toEqual(scored);
    // absolute 0.5: P3 0.6, P4 0.8 meet. peer median of 0.2..0.8 = 0.5: P3, P4. improving halfway
    // to 1 from 0.1, 0.5, 0.5, 0.9: targets 0.55, 0.75, 0.75, 0.95: nobody meets.
    expect(summaries.map((s) => [s.measure, s.applicable, s.scored, s.met, s.target])).toEqual([
      ['survey', 5, 5, 5, null],
      ['absolute', 4, 4, 2, 0.5],
      ['peer', 4, 4, 2, 0.5],
      ['improving', 4, 4, 0, null],
      ['unresolved', 4, 0, 0, null],
    ]);
  });

  it('marks only the payees whose outcome changed, and every payee of a re-weighted measure', () => {
    const phase1 = evaluateMeasureValues(compiled, input);
    const M = compiled.measures.length;
    const columns = compiled.measures.map((_, m) => new PhaseOneColumns(phase1.values, m, M));
    scoreValues(compiled, phase1.values, false);
    const json = structuredClone(compiled.rulebook) as unknown as { measures: Record<string, unknown>[] };
    // absolute 0.5 -> 0.7: P3 (0.6) no longer meets; P4 (0.8) still does, P1, P2 still do not.
    (json.measures[1] as Record<string, unknown>).target = { kind: 'absolute', value: 0.7 };
    const dirty = new Uint8Array(entities.length);
    rescoreMeasure(compileRulebook(json), 1, columns[1] as PhaseOneColumns, dirty);
    expect(Array.from(dirty)).toEqual([0, 0, 1, 0, 0]);
    (json.measures[1] as Record<string, unknown>).weight = 2;
    const again = new Uint8Array(entities.length);
    rescoreMeasure(compileRulebook(json), 1, columns[1] as PhaseOneColumns, again);
    // P5: the measure does not apply, its outcome is not paid on.
    expect(Array.from(again)).toEqual([1, 1, 1, 1, 0]);
    expect(phase1.values.filter((r) => r.measure === 'absolute').map((r) => r.weight)).toEqual([
      2, 2, 2, 2, 2,
    ]);
  });
});
