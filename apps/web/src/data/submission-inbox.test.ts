import { compileRulebook, evaluateProgram } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { rateMeasure } from '../../test/rate-measure.ts';
import { submissionInbox } from './submission-inbox.ts';

const rulebook = {
  schemaVersion: 1,
  program: 'test-qip',
  fiscalYear: '2026-27',
  measures: [
    {
      key: 'directory',
      name: 'Directory',
      domain: 'directory',
      kind: 'reporting',
      fields: { zip: { type: 'string', required: true } },
      compute: { kind: 'reporting', timely: { dueDate: '2026-09-30' }, complete: {} },
    },
  ],
  payment: { method: 'rate-incentive' },
};

describe('submissionInbox', () => {
  it('sorts payees into on time, late, missing and flagged (incomplete or inaccurate) with reasons', () => {
    const compiled = compileRulebook(rulebook);
    const entities = ['A', 'B', 'C', 'D'].map((id) => ({ id, units: 1, rateCents: 100 }));
    const sub = (entityId: string, submittedOn: string, data: Record<string, unknown>) => ({
      entityId,
      measure: 'directory',
      period: '2026-27',
      submittedOn,
      data,
    });
    const submissions = [
      sub('A', '2026-09-01', { zip: '95814' }), // on time
      sub('B', '2026-10-15', { zip: '95814' }), // after 2026-09-30: late
      sub('C', '2026-09-01', {}), // no zip: incomplete
    ]; // D submitted nothing: missing
    const { results } = evaluateProgram(compiled, {
      entities,
      submissions,
      asOf: '2027-06-30',
      explain: true,
    });
    const [box] = submissionInbox(['directory'], results);
    expect(box?.counts).toEqual({ 'on-time': 1, late: 1, missing: 1, flagged: 1, 'not-scored': 0 });
    expect(box?.items.map((i) => `${i.entityId}:${i.state}`)).toEqual([
      'A:on-time',
      'B:late',
      'C:flagged',
      'D:missing',
    ]);
    expect(box?.items[2]?.reasons.join()).toContain('zip');
  });
});

describe('submissionInbox for a computed measure', () => {
  it('puts data that cannot be scored apart, with the reason', () => {
    const compiled = compileRulebook({
      schemaVersion: 1,
      program: 'test-qip',
      fiscalYear: '2026-27',
      measures: [
        rateMeasure({ key: 'share', name: 'Share', domain: 'workforce' }, ['n', 'd'], { minDenominator: 5 }),
      ],
      payment: { method: 'rate-incentive' },
    });
    const entities = [{ id: 'A' }, { id: 'B' }];
    const submissions = [
      { entityId: 'A', measure: 'share', period: '2026-27', submittedOn: '2026-09-01', data: { n: 4, d: 8 } },
      // A denominator of 3 is below the minimum of 5: not scored, never a zero.
      { entityId: 'B', measure: 'share', period: '2026-27', submittedOn: '2026-09-01', data: { n: 1, d: 3 } },
    ];
    const { results } = evaluateProgram(compiled, { entities, submissions, asOf: '2027-06-30' });
    const [box] = submissionInbox(['share'], results);
    expect(box?.counts).toEqual({ 'on-time': 1, late: 0, missing: 0, flagged: 0, 'not-scored': 1 });
    expect(box?.items[1]?.reasons.length).toBe(1);
  });
});
