import { describe, expect, it } from 'vitest';
import { evaluateProgram } from '../evaluate/evaluate-program.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';

describe('milestone measure', () => {
  const compiled = compileRulebook(
    testRulebook({
      program: 'dhcs-ept',
      measures: [
        {
          key: 'ept-milestone',
          name: 'EPT milestones',
          domain: 'practice-transformation',
          kind: 'milestone',
          fields: {
            milestone: { type: 'number', required: true },
            completedOn: { type: 'date', required: true },
          },
          compute: { kind: 'milestone', by: '2026-12-31', minCompleted: 2 },
        },
      ],
      payment: {
        method: 'class-table-milestones',
        classes: [{ class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' }],
      },
    }),
  );
  const done = (milestone: unknown, completedOn: unknown) => ({
    entityId: 'P1',
    measure: 'ept-milestone',
    period: '2026-27',
    data: { milestone, completedOn },
  });

  it('counts whole-numbered milestones completed by min(by, asOf), each once', () => {
    const { results } = evaluateProgram(compiled, {
      entities: [{ id: 'P1', assignedMembers: 100, milestoneCount: 23 }],
      submissions: [
        done(2, '2026-10-01'),
        done(1, '2026-08-01'),
        done(2, '2026-10-05'), // resubmission of milestone 2: the later submission wins (input order)
        done(3, '2027-01-10'), // after `by`
        done(1.5, '2026-08-01'), // not a milestone number
        done(4, '2026-02-30'), // not a day
      ],
      asOf: '2027-03-01',
    });
    expect(results[0]).toMatchObject({ value: 2, met: true });
    expect(results[0]?.milestones).toEqual([
      { milestone: 1, completedOn: '2026-08-01' },
      { milestone: 2, completedOn: '2026-10-05' },
    ]);
  });

  it('nothing completed: value 0, not met (minCompleted 2)', () => {
    const { results } = evaluateProgram(compiled, {
      entities: [{ id: 'P1', assignedMembers: 100, milestoneCount: 23 }],
      submissions: [],
      asOf: '2027-03-01',
    });
    expect(results[0]).toMatchObject({ status: 'scored', value: 0, met: false });
  });
});
