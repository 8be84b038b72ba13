import { describe, expect, it } from 'vitest';
import { classTableCurve, potentialCents } from './class-table-curve.ts';

const eptStart = [
  { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' },
  { class: 'B', membersFrom: 501, membersTo: 700, pmpy: '397.00' },
  { class: 'C', membersFrom: 701, membersTo: 850, pmpy: '349.00' },
  { class: 'D', membersFrom: 851, membersTo: 1000, pmpy: '305.00' },
];

describe('classTableCurve', () => {
  it('finds the EPT cliff from 500 to 501 members', () => {
    const { cliffs } = classTableCurve(eptStart);
    // 500 x $580 = $290,000 = 29,000,000 c; 501 x $397 = $198,897 = 19,889,700 c.
    expect(cliffs[0]).toEqual({
      fromMembers: 500,
      toMembers: 501,
      fromCents: 29_000_000,
      toCents: 19_889_700,
    });
  });

  it('lists every drop and nothing else', () => {
    const { cliffs } = classTableCurve(eptStart);
    // B->C: 700 x 397 = 277,900 vs 701 x 349 = 244,649 (drop);
    // C->D: 850 x 349 = 296,650 vs 851 x 305 = 259,555 (drop).
    expect(cliffs.map((c) => c.fromMembers)).toEqual([500, 700, 850]);
    const rising = [
      { class: 'A', membersFrom: 1, membersTo: 10, pmpy: '1.00' },
      { class: 'B', membersFrom: 11, membersTo: 20, pmpy: '1.00' },
    ];
    expect(classTableCurve(rising).cliffs).toEqual([]);
  });

  it('plots both ends of each class', () => {
    expect(classTableCurve(eptStart.slice(0, 1)).points).toEqual([
      { members: 1, potentialCents: 58_000, class: 'A' },
      { members: 500, potentialCents: 29_000_000, class: 'A' },
    ]);
  });

  it('multiplies in cents, not floating dollars', () => {
    // 3 x $50.25 = $150.75 exactly.
    expect(potentialCents(3, '50.25')).toBe(15_075);
  });
});
