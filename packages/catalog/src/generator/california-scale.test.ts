import { describe, expect, it } from 'vitest';
import { REGIONAL_CENTERS } from './california-geography.ts';
import { generateProgramData } from './generate-program-data.ts';
import type { GeneratorOptions } from './program-generator.ts';

/** Counts a data set's submissions by streaming them: nothing is kept. */
function countSubmissions(
  programId: string,
  options: GeneratorOptions,
): { total: number; screenings: number } {
  let total = 0;
  let screenings = 0;
  for (const s of generateProgramData(programId, options).submissions()) {
    total++;
    if (s.measure === 'qip-preventive-screenings') screenings++;
  }
  return { total, screenings };
}

describe('California scale', () => {
  it('makes 100,000 DDS payees across the 21 regional centers, serving exactly 450,000 people', () => {
    const data = generateProgramData('dds-qip', { seed: 42, size: 'california' });
    expect(data.entities).toHaveLength(100_000);
    expect(data.people).toBe(450_000);
    expect(new Set(data.entities.map((e) => e.regionalCenter)).size).toBe(REGIONAL_CENTERS.length);
    expect(REGIONAL_CENTERS).toHaveLength(21);
    expect(new Set(data.entities.map((e) => e.id)).size).toBe(100_000);
  });

  it('scales payees and people exactly, and records in proportion (~3 million at scale 1)', () => {
    // Scale 0.02: 100,000 x 0.02 = 2,000 payees, 450,000 x 0.02 = 9,000 people.
    const small = generateProgramData('dds-qip', { seed: 42, size: 'california', scale: 0.02 });
    expect(small.entities).toHaveLength(2_000);
    expect(small.people).toBe(9_000);
    const at2 = countSubmissions('dds-qip', { seed: 42, size: 'california', scale: 0.02 });
    const at4 = countSubmissions('dds-qip', { seed: 42, size: 'california', scale: 0.04 });
    // Twice the payees, about twice the records (within 10%).
    expect(at4.total / at2.total).toBeGreaterThan(1.8);
    expect(at4.total / at2.total).toBeLessThan(2.2);
    // Extrapolated to scale 1: about 3 million records, most of them person-level screenings.
    // Per person: ~2.8 screenings due x ~2.2 snapshots (annual 40%, half-yearly 30%, quarterly 30%:
    // 0.4 x 1 + 0.3 x 2 + 0.3 x 4 = 2.2) x ~94% of homes reporting = ~5.8 -> 450,000 x 5.8 = 2.6M.
    expect(at4.total / 0.04).toBeGreaterThan(2_500_000);
    expect(at4.total / 0.04).toBeLessThan(3_600_000);
    expect(at4.screenings / 0.04).toBeGreaterThan(2_200_000);
  });

  it('makes 25 plans x 58 counties, 197 EPT practices and 25 WPC lead entities', () => {
    const options: GeneratorOptions = { seed: 42, size: 'california' };
    // Every plan in every county: 25 x 58 = 1,450 units.
    expect(generateProgramData('dhcs-mcas', options).entities).toHaveLength(1_450);
    const plans = generateProgramData('dhcs-qwi', options).entities;
    expect(plans).toHaveLength(25);
    expect(plans.every((p) => (p.counties as string[]).length === 58)).toBe(true);
    expect(generateProgramData('dhcs-ept', options).entities).toHaveLength(197);
    expect(generateProgramData('dhcs-wpc', options).entities).toHaveLength(25);
    // 1,450 units x 14 measures = 20,300 rates when none is missing; about 3% are.
    const mcas = countSubmissions('dhcs-mcas', options).total;
    expect(mcas).toBeGreaterThan(19_000);
    expect(mcas).toBeLessThan(20_300);
  });
});
