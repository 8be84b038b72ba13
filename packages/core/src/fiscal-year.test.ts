import { describe, expect, it } from 'vitest';
import { defaultAsOf, fiscalYearOf, nextFiscalYear, parseFiscalYear } from './fiscal-year.ts';
import { compileRulebook } from './rulebook/compile-rulebook.ts';

describe('fiscal years (July 1 to June 30)', () => {
  it('spans July 1 to June 30', () => {
    expect(parseFiscalYear('2026-27')).toEqual({
      fiscalYear: '2026-27',
      startsOn: '2026-07-01',
      endsOn: '2027-06-30',
    });
  });

  it('rejects names whose years do not follow each other', () => {
    expect(parseFiscalYear('2026-28')).toBeNull();
    expect(parseFiscalYear('2026/27')).toBeNull();
    expect(parseFiscalYear('26-27')).toBeNull();
  });

  it('crosses the century: 2099-00', () => {
    expect(parseFiscalYear('2099-00')?.endsOn).toBe('2100-06-30');
    expect(nextFiscalYear('2098-99')).toBe('2099-00');
  });

  it('places dates on both sides of July 1', () => {
    expect(fiscalYearOf('2026-06-30')).toBe('2025-26');
    expect(fiscalYearOf('2026-07-01')).toBe('2026-27');
    expect(nextFiscalYear('2026-27')).toBe('2027-28');
  });
});

/** A rulebook of 2026-27 with the given measures' computations (one reporting field each). */
function rulebookWith(computes: Record<string, unknown>[]) {
  return compileRulebook({
    schemaVersion: 1,
    program: 'test-program',
    fiscalYear: '2026-27',
    measures: computes.map((compute, i) => ({
      key: `m${i}`,
      name: `Measure ${i}`,
      domain: 'reporting',
      kind: compute.kind === 'milestone' ? 'milestone' : 'reporting',
      fields: { count: { type: 'number' }, milestone: { type: 'number' }, completedOn: { type: 'date' } },
      compute,
    })),
    payment: { method: 'rate-incentive' },
  });
}

describe('defaultAsOf: the later of the fiscal year end and the last due date', () => {
  it('is the last day of the fiscal year when nothing is due later', () => {
    // Due 2026-09-30 and 2027-03-31 both fall inside 2026-07-01..2027-06-30.
    const compiled = rulebookWith([
      { kind: 'reporting', timely: { dueDate: '2026-09-30' } },
      { kind: 'reporting', timely: { dueDate: '2027-03-31' } },
      { kind: 'value', field: 'count' },
    ]);
    expect(defaultAsOf(compiled)).toBe('2027-06-30');
  });

  it('moves to a reporting due date after the year ends', () => {
    // 2027-07-31 > 2027-06-30: a filing due a month after the year is still on time.
    const compiled = rulebookWith([
      { kind: 'reporting', timely: { dueDate: '2026-09-30' } },
      { kind: 'reporting', timely: { dueDate: '2027-07-31' } },
    ]);
    expect(defaultAsOf(compiled)).toBe('2027-07-31');
  });

  it("moves to a milestone's last completion day after the year ends", () => {
    const compiled = rulebookWith([
      { kind: 'reporting', timely: { dueDate: '2027-07-31' } },
      { kind: 'milestone', by: '2027-09-30' },
    ]);
    expect(defaultAsOf(compiled)).toBe('2027-09-30');
  });

  it('ignores reporting measures that check no timeliness and milestones without a last day', () => {
    const compiled = rulebookWith([
      { kind: 'reporting', timely: false },
      { kind: 'reporting' },
      { kind: 'milestone' },
    ]);
    expect(defaultAsOf(compiled)).toBe('2027-06-30');
  });
});
