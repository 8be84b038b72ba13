import { describe, expect, it } from 'vitest';
import { generateProgramData } from './generate-program-data.ts';

// Five seeds: 25 pilots per data set are too few for the rarer situations in any single one.
const sets = [1, 2, 3, 4, 5].map((seed) => {
  const data = generateProgramData('dhcs-wpc', { seed, size: 'demo' });
  return { entities: data.entities, rows: [...data.submissions()] };
});

describe('dhcs-wpc demo data', () => {
  it('grants start-ups only to counties and cities-and-counties', () => {
    for (const { entities, rows } of sets) {
      const type = new Map(entities.map((e) => [e.id, e.leadEntityType]));
      for (const s of rows.filter((r) => r.measure === 'wpc-start-up'))
        expect(['county', 'city-and-county']).toContain(type.get(s.entityId));
    }
  });

  it('has late fourth quarters and missing quarters among the enrollment reports (due 2027-07-31)', () => {
    const enrollment = sets.flatMap(({ rows }) => rows.filter((r) => r.measure === 'wpc-enrollment-report'));
    expect(enrollment.some((s) => s.data.quarter === 4 && (s.submittedOn as string) > '2027-07-31')).toBe(
      true,
    );
    expect(enrollment.some((s) => s.data.quarter === 4 && (s.submittedOn as string) <= '2027-07-31')).toBe(
      true,
    );
    // 5 x 25 pilots x 4 quarters = 500 when none is missing.
    expect(enrollment.length).toBeLessThan(500);
  });

  it('has a tiny pilot under 1,200 member-months and pilots without some baselines', () => {
    for (const { entities, rows } of sets) {
      // wpc-25 has 60..95 enrollees: at most 95 x 12 x 1.05 = 1,197 member-months, under 1,200.
      expect(entities.find((e) => e.id === 'wpc-25')?.enrolledMembers as number).toBeLessThan(100);
      for (const s of rows.filter((r) => r.entityId === 'wpc-25' && r.measure === 'wpc-ed-visits'))
        expect(s.data.memberMonths as number).toBeLessThan(1200);
      for (const e of entities) if (!e.providesHousingServices) expect(e.housingEnrollees).toBeUndefined();
    }
    const all = sets.flatMap(({ entities }) => entities);
    expect(all.some((e) => e.baselineEdVisitsPer1000 === undefined)).toBe(true);
    expect(all.some((e) => e.baselineMentalIllnessFollowUp === undefined)).toBe(true);
  });

  it('reports permanent housing only for pilots that provide housing services', () => {
    for (const { entities, rows } of sets) {
      const housing = new Map(entities.map((e) => [e.id, e.providesHousingServices]));
      for (const s of rows.filter((r) => r.measure === 'wpc-permanent-housing'))
        expect(housing.get(s.entityId)).toBe(true);
    }
  });
});
