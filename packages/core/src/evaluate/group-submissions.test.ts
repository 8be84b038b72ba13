import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Submission } from '../measures/record-reader.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';
import { evaluateProgram } from './evaluate-program.ts';

const compiled = compileRulebook(
  testRulebook({
    measures: [
      {
        key: 'screening',
        name: 'Screening',
        domain: 'prevention-wellness',
        kind: 'performance',
        fields: { personId: { type: 'string' }, screened: { type: 'boolean' } },
        recordKey: ['personId'],
        compute: { kind: 'rate-records', numerator: 'screened' },
      },
      {
        key: 'survey',
        name: 'Survey',
        domain: 'workforce',
        kind: 'reporting',
        fields: { participated: { type: 'boolean', required: true } },
        compute: { kind: 'reporting', accurate: { rules: [{ check: 'participated', message: 'no' }] } },
      },
    ],
  }),
);

const entities = [{ id: 'E1' }, { id: 'E2' }];

/** Submissions where each entity x measure x person key has distinct dates (no ties), in any order. */
const submissionsArb = fc
  .array(
    fc.record({
      entity: fc.constantFrom('E1', 'E2'),
      measure: fc.constantFrom('screening', 'survey'),
      person: fc.constantFrom('p1', 'p2', 'p3'),
      flag: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (row, i): Submission => ({
        entityId: row.entity,
        measure: row.measure,
        period: '2026-27',
        // a distinct day per submission: 2026-08-01 + i days (i < 40 stays within Aug-Sep)
        submittedOn:
          i < 31 ? `2026-08-${String(i + 1).padStart(2, '0')}` : `2026-09-${String(i - 30).padStart(2, '0')}`,
        data:
          row.measure === 'screening'
            ? { personId: row.person, screened: row.flag }
            : { participated: row.flag },
      }),
    ),
  );

const summary = (submissions: readonly Submission[]) =>
  evaluateProgram(compiled, { entities, submissions, asOf: '2026-11-23' }).results.map((r) => [
    r.entityId,
    r.measure,
    r.status,
    r.numerator,
    r.denominator,
    r.value,
    r.records,
  ]);

describe('resubmissions', () => {
  it('the latest submittedOn wins whatever the input order', () => {
    fc.assert(
      fc.property(submissionsArb, fc.integer(), (submissions, seed) => {
        const shuffled = [...submissions];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as Submission, shuffled[i] as Submission];
        }
        expect(summary(shuffled)).toEqual(summary(submissions));
      }),
    );
  });

  it('on the same day, the later one in input order wins', () => {
    const day = (participated: boolean): Submission => ({
      entityId: 'E1',
      measure: 'survey',
      period: '2026-27',
      submittedOn: '2026-09-01',
      data: { participated },
    });
    const value = (subs: Submission[]) =>
      evaluateProgram(compiled, { entities, submissions: subs, asOf: '2026-11-23' }).results[1]?.value;
    // complete + accurate checked; participated false fails accuracy -> 1/2.
    expect(value([day(true), day(false)])).toBe(0.5);
    expect(value([day(false), day(true)])).toBe(1);
  });
});
