import { describeRulebookChanges, measurePays, paymentFormula, validateRulebook } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogRulebook } from './catalog.ts';

type Doc = {
  measures: Record<string, unknown>[];
  payment: Record<string, unknown>;
  additionalPayments?: { params: Record<string, unknown> }[];
};
const load = (fy: string, program: string) => catalogRulebook(fy, program) as Doc;
const measure = (doc: Doc, key: string) => doc.measures.find((m) => m.key === key) as Record<string, unknown>;

describe('the catalog rulebooks in words', () => {
  it('says a percentile target change the way a program office says it', () => {
    const before = load('2026-27', 'dds-qip');
    const after = load('2026-27', 'dds-qip');
    measure(after, 'qip-acre-trained-share').target = { kind: 'peer-percentile', percentile: 75 };
    expect(describeRulebookChanges(before, after)).toEqual([
      {
        path: `measures[${after.measures.findIndex((m) => m.key === 'qip-acre-trained-share')}].target`,
        text: 'Share of employment staff with ACRE training: target 50th -> 75th percentile of peers',
      },
    ]);
  });

  it('says a class rate and a class range change in dollars and members', () => {
    const before = load('2026-27', 'dhcs-ept');
    const after = load('2026-27', 'dhcs-ept');
    const classes = after.payment.classes as Record<string, unknown>[];
    (classes[1] as Record<string, unknown>).pmpy = '580.00';
    (classes[3] as Record<string, unknown>).membersFrom = 900;
    expect(describeRulebookChanges(before, after).map((c) => c.text)).toEqual([
      'Class B: $397.00 -> $580.00 per member',
      'Class D: members 851-1000 -> 900-1000',
    ]);
    // The gap the second change leaves is core's named error.
    const checked = validateRulebook(after);
    expect(checked.ok ? [] : checked.issues.map((i) => i.code)).toEqual(['class-table-gap']);
  });

  it('says an absolute rate target as a percent, and measures added and removed', () => {
    const before = load('2026-27', 'dds-qip');
    const after = load('2026-27', 'dds-qip');
    const acre = measure(after, 'qip-acre-trained-share');
    acre.target = { kind: 'absolute', value: 0.6 };
    const copy = { ...acre, key: 'qip-acre-copy', name: 'ACRE copy' };
    after.measures = [...after.measures.filter((m) => m.key !== 'qip-cesp-certified-share'), copy];
    expect(describeRulebookChanges(before, after).map((c) => c.text)).toEqual([
      'Removed measure Share of employment staff with CESP certification (qip-cesp-certified-share)',
      'Share of employment staff with ACRE training: target 50th percentile of peers -> at least 60%',
      'Added measure ACRE copy (qip-acre-copy)',
    ]);
  });

  it('finds no change between a rulebook and itself, for every catalog rulebook', () => {
    for (const entry of CATALOG) {
      expect(describeRulebookChanges(entry.rulebook, structuredClone(entry.rulebook))).toEqual([]);
    }
  });

  it('flags a weight on a QIP rate, which no payment counts (only the reporting measures earn)', () => {
    const qip = load('2026-27', 'dds-qip');
    expect(measurePays(qip, 'qip-acre-trained-share')).toEqual({ roles: [], weightIgnored: false });
    measure(qip, 'qip-acre-trained-share').weight = 2;
    expect(measurePays(qip, 'qip-acre-trained-share').weightIgnored).toBe(true);
    const reporting = measure(qip, 'qip-employment-staff');
    expect(measurePays(qip, String(reporting.key))).toEqual({
      roles: [
        { part: 'Payment', text: "earns its weight's share of the incentive when met", usesWeight: true },
      ],
      weightIgnored: false,
    });
  });

  it('has a formula in words for every payment method the catalog uses', () => {
    const methods = new Map<string, string[]>();
    for (const entry of CATALOG) {
      const doc = entry.rulebook as Doc;
      for (const params of [doc.payment, ...(doc.additionalPayments ?? []).map((p) => p.params)]) {
        methods.set(String(params.method), paymentFormula(params));
      }
    }
    expect([...methods.keys()].sort()).toEqual([
      'class-table-milestones',
      'community-reinvestment',
      'fixed-milestone-schedule',
      'pool-share',
      'rate-incentive',
      'rubric-selection',
      'sanctions',
      'share-allocation',
      'withhold-earn-back',
    ]);
    for (const [method, words] of methods) {
      expect(words.length, method).toBeGreaterThan(0);
      expect(words.join(' '), method).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(paymentFormula(load('2026-27', 'dds-qip').payment)[0]).toBe(
      "Per unit, the incentive rate is 10% of the payee's rate (rateCents), rounded to the cent; the base rate is the rest.",
    );
    expect(paymentFormula(load('2026-27', 'dhcs-ept').payment)[0]).toBe(
      'Potential = assigned members (assignedMembers) x the PMPY of the class whose member range holds that count (48 classes, from class A: 1-500 members at $580.00).',
    );
  });
});
