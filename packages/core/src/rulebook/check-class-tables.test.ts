import { describe, expect, it } from 'vitest';
import { validateRulebook } from './validate-rulebook.ts';

const classes = [
  { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' },
  { class: 'B', membersFrom: 501, membersTo: 700, pmpy: '397.00' },
  { class: 'C', membersFrom: 701, membersTo: 850, pmpy: '349.00' },
  { class: 'D', membersFrom: 851, membersTo: 1000, pmpy: '305.00' },
];
const ept = (rows: unknown[], extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  program: 'dhcs-ept',
  fiscalYear: '2026-27',
  measures: [],
  payment: { method: 'class-table-milestones', classes: rows },
  ...extra,
});

describe('class table checks', () => {
  it('accepts the EPT table, whose classes meet end to end', () => {
    expect(validateRulebook(ept(classes)).ok).toBe(true);
  });

  it('names the gap when class D starts at 900 (851-899 fall in no class)', () => {
    const gap = classes.map((r) => (r.class === 'D' ? { ...r, membersFrom: 900 } : r));
    const result = validateRulebook(ept(gap));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path: ['payment', 'classes', 3, 'membersFrom'],
        code: 'class-table-gap',
        message: 'members 851-899 fall in no class: class C ends at 850 and class D starts at 900',
      },
    ]);
  });

  it('names a one-member gap and checks the class tables of additional payment parts', () => {
    const oneGap = classes.map((r) => (r.class === 'B' ? { ...r, membersFrom: 502 } : r));
    const result = validateRulebook(
      ept(classes, {
        additionalPayments: [
          {
            key: 'second',
            name: 'Second table',
            params: { method: 'class-table-milestones', classes: oneGap },
          },
        ],
      }),
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.path.join('.'), i.code, i.message])).toEqual([
      [
        'additionalPayments.0.params.classes.1.membersFrom',
        'class-table-gap',
        '501 members fall in no class: class A ends at 500 and class B starts at 502',
      ],
    ]);
  });

  it('reports an overlap with the schema message', () => {
    const overlap = classes.map((r) => (r.class === 'B' ? { ...r, membersFrom: 500 } : r));
    const result = validateRulebook(ept(overlap));
    expect(result.ok ? [] : result.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['payment.classes.1.membersFrom', 'class rows must ascend without overlap'],
    ]);
  });
});
