import type { Submission } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { generateProgramData } from './generate-program-data.ts';

const QWI_MPL: Record<string, number> = {
  'qwi-controlling-blood-pressure': 0.6,
  'qwi-child-adolescent-well-care': 0.48,
};
const MCAS_MPL: Record<string, number> = {
  'mcas-prenatal-care': 0.85,
  'mcas-glycemic-status-above-9': 0.38,
  'mcas-lead-screening': 0.63,
};
const rate = (s: Submission): number => (s.data.numerator as number) / (s.data.denominator as number);

describe('dhcs-qwi and dhcs-mcas demo data', () => {
  const qwi = generateProgramData('dhcs-qwi', { seed: 42, size: 'demo' });
  const qwiRows = [...qwi.submissions()];
  const mcas = generateProgramData('dhcs-mcas', { seed: 42, size: 'demo' });
  const mcasRows = [...mcas.submissions()];

  it('serves the same plans and counties in both programs', () => {
    const fromMcas = new Map<string, string[]>();
    for (const e of mcas.entities)
      fromMcas.set(e.planId as string, [...(fromMcas.get(e.planId as string) ?? []), e.county as string]);
    for (const plan of qwi.entities) expect(fromMcas.get(plan.id)).toEqual(plan.counties);
  });

  it('has counties with one plan and counties with several, the same default members on each plan', () => {
    const byCounty = new Map<string, number[]>();
    for (const e of mcas.entities)
      byCounty.set(e.county as string, [
        ...(byCounty.get(e.county as string) ?? []),
        e.countyDefaultMembers as number,
      ]);
    expect(byCounty.size).toBe(58);
    const sizes = [...byCounty.values()].map((v) => v.length);
    expect(sizes).toContain(1);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(8);
    for (const values of byCounty.values()) expect(new Set(values).size).toBe(1);
    const income = mcas.entities.map((e) => e.netIncomeCents as number | undefined);
    expect(
      income.some((n) => n !== undefined && n < 0) &&
        income.some((n) => n !== undefined && n > 0) &&
        income.includes(undefined),
    ).toBe(true);
  });

  it('puts rates just above and just below the MPLs (near misses), and small denominators', () => {
    for (const [measure, mpl] of Object.entries(MCAS_MPL)) {
      const rates = mcasRows
        .filter((s) => s.measure === measure && (s.data.denominator as number) >= 30)
        .map(rate);
      expect(
        rates.some((r) => r >= mpl && r < mpl + 0.01),
        `${measure} just above`,
      ).toBe(true);
      expect(
        rates.some((r) => r < mpl && r >= mpl - 0.01),
        `${measure} just below`,
      ).toBe(true);
    }
    for (const [measure, mpl] of Object.entries(QWI_MPL)) {
      const rates = qwiRows.filter((s) => s.measure === measure).map(rate);
      expect(rates.some((r) => r >= mpl) && rates.some((r) => r < mpl), measure).toBe(true);
    }
    expect(mcasRows.some((s) => (s.data.denominator as number) < 30)).toBe(true);
    for (const s of [...qwiRows, ...mcasRows]) {
      if (s.data.numerator !== undefined)
        expect(s.data.numerator as number).toBeLessThanOrEqual(s.data.denominator as number);
    }
  });

  it('gives QWI the small-plan and missing-report cases: CAHPS under 100, stays under 150, a rate left out', () => {
    expect(
      qwiRows.some((s) => s.measure === 'qwi-cahps-rating-of-plan' && (s.data.respondents as number) < 100),
    ).toBe(true);
    expect(
      qwiRows.some((s) => s.measure === 'qwi-readmissions-oe-ratio' && (s.data.indexStays as number) < 150),
    ).toBe(true);
    // 25 plans x 10 measures = 250 if none were missing.
    expect(qwiRows.length).toBeLessThan(250);
    const reductions = qwiRows
      .filter((s) => s.measure === 'qwi-disparity-reduction')
      .map((s) => (s.data.baselineGapPoints as number) - (s.data.currentGapPoints as number));
    expect(reductions.some((r) => r >= 1) && reductions.some((r) => r < 1)).toBe(true);
  });
});
