import { compileRulebook, defaultAsOf } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { whatIfAsOf } from './what-if-as-of.ts';

/** A 2026-27 rulebook with one reporting measure due on `dueDate`. */
const rulebook = (dueDate: string) => ({
  schemaVersion: 1,
  program: 'dds-qip',
  fiscalYear: '2026-27',
  measures: [
    {
      key: 'survey',
      name: 'DSP survey',
      domain: 'workforce',
      kind: 'reporting',
      fields: { participated: { type: 'boolean', required: true } },
      compute: { kind: 'reporting', timely: { dueDate } },
    },
  ],
  payment: { method: 'rate-incentive' },
});

describe("whatIfAsOf: a run's default day for the rulebook", () => {
  it('takes the due date when it falls after the fiscal year (2027-07-31 > 2027-06-30)', () => {
    expect(whatIfAsOf(rulebook('2027-07-31'))).toBe('2027-07-31');
  });

  it("takes the fiscal year's last day when everything is due inside the year", () => {
    expect(whatIfAsOf(rulebook('2026-10-31'))).toBe('2027-06-30');
  });

  it('gives the same day for the JSON and the compiled rulebook, and the same as a run', () => {
    const compiled = compileRulebook(rulebook('2027-07-31'));
    expect([whatIfAsOf(compiled), defaultAsOf(compiled)]).toEqual(['2027-07-31', '2027-07-31']);
  });
});
