import type { Entity, Submission } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { EPT_CLASS_UPPER_BOUNDS } from './dhcs-ept.ts';
import { generateProgramData } from './generate-program-data.ts';

const data = generateProgramData('dhcs-ept', { seed: 42, size: 'demo' });
const rows = [...data.submissions()];
const members = data.entities.map((e) => e.assignedMembers as number);

describe('dhcs-ept demo data', () => {
  it('copies the class table bounds of data/ept-pmpy-classes.csv', () => {
    // 48 classes A..VV; spot checks: A ends at 500, J at 2250, VV at 138,000.
    expect(EPT_CLASS_UPPER_BOUNDS).toHaveLength(48);
    expect([EPT_CLASS_UPPER_BOUNDS[0], EPT_CLASS_UPPER_BOUNDS[9], EPT_CLASS_UPPER_BOUNDS[47]]).toEqual([
      500, 2250, 138_000,
    ]);
  });

  it('puts practices on both sides of the class cliffs, and none outside the table', () => {
    for (const n of [500, 501, 2250, 2251, 920]) expect(members).toContain(n);
    // Near a cliff: within 3 members of a boundary b (b-2..b on the lower class, b+1..b+3 above).
    const nearCliff = members.filter((m) =>
      EPT_CLASS_UPPER_BOUNDS.slice(0, -1).some((b) => m >= b - 2 && m <= b + 3),
    );
    expect(nearCliff.length).toBeGreaterThanOrEqual(20);
    const below = nearCliff.filter(
      (m) =>
        EPT_CLASS_UPPER_BOUNDS.includes(m) ||
        EPT_CLASS_UPPER_BOUNDS.includes(m + 1) ||
        EPT_CLASS_UPPER_BOUNDS.includes(m + 2),
    );
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(nearCliff.length);
    expect(members.every((m) => Number.isInteger(m) && m >= 1 && m <= 138_000)).toBe(true);
  });

  it('keeps the source example: 920 members with 25 milestones', () => {
    expect(data.entities.find((e) => e.assignedMembers === 920)?.milestoneCount).toBe(25);
    const counts = data.entities.map((e) => e.milestoneCount);
    expect(counts).toContain(23);
    expect(counts).toContain(25);
  });

  it('completes milestones inside the year, numbered within the practice, sometimes corrected', () => {
    const byId = new Map<string, Entity>(data.entities.map((e) => [e.id, e]));
    const milestones = rows.filter((s) => s.measure === 'ept-milestone');
    const seen = new Map<string, Submission[]>();
    for (const s of milestones) {
      const n = s.data.milestone as number;
      expect(n >= 1 && n <= (byId.get(s.entityId)?.milestoneCount as number)).toBe(true);
      const on = s.data.completedOn as string;
      expect(on >= '2026-07-01' && on <= '2027-06-30' && on <= (s.submittedOn as string)).toBe(true);
      const key = `${s.entityId}|${n}`;
      seen.set(key, [...(seen.get(key) ?? []), s]);
    }
    expect([...seen.values()].some((list) => list.length === 2)).toBe(true);
    // Some practices complete nothing this year.
    const active = new Set(milestones.map((s) => s.entityId));
    expect(active.size).toBeLessThan(data.entities.length);
  });

  it('scores applications around the 77-point cut-off', () => {
    const totals = rows
      .filter((s) => s.measure === 'ept-application-score')
      .map(
        ({ data: d }) =>
          (d.planScore as number) +
          (d.childrenYouthFocus ? 12 : 0) +
          (d.pregnantIndividualsFocus ? 20 : 0) +
          (d.tribalPractice ? 15 : 0),
      );
    expect(totals).toHaveLength(197);
    expect(totals.filter((t) => t >= 77).length).toBeGreaterThan(150);
    expect(totals.some((t) => t === 76 || t === 75)).toBe(true);
    expect(totals).toContain(77);
  });
});
