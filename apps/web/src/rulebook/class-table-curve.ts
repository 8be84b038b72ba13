import { dollarsToCents } from '@quip/core';

export interface ClassRow {
  class: string;
  membersFrom: number;
  membersTo: number;
  /** Dollars per member per year, a decimal string ("580.00"). */
  pmpy: string;
}

export interface CurvePoint {
  members: number;
  potentialCents: number;
  class: string;
}

export interface Cliff {
  /** Last member count of the lower class and the first of the next. */
  fromMembers: number;
  toMembers: number;
  fromCents: number;
  toCents: number;
}

/** Potential payment = members x PMPY, in cents exactly (decimal dollars, never floats). */
export function potentialCents(members: number, pmpy: string): number {
  return members * dollarsToCents(pmpy);
}

/**
 * The chart of potential payment against member count: each class's two ends, so the line is
 * straight inside a class and jumps between classes. A cliff is a drop at a class boundary:
 * one more member pays less in total (500 members in class A at $580 = $290,000; 501 in class B
 * at $397 = $198,897).
 */
export function classTableCurve(rows: readonly ClassRow[]): { points: CurvePoint[]; cliffs: Cliff[] } {
  const points: CurvePoint[] = [];
  const cliffs: Cliff[] = [];
  rows.forEach((row, i) => {
    points.push({
      members: row.membersFrom,
      potentialCents: potentialCents(row.membersFrom, row.pmpy),
      class: row.class,
    });
    points.push({
      members: row.membersTo,
      potentialCents: potentialCents(row.membersTo, row.pmpy),
      class: row.class,
    });
    const next = rows[i + 1];
    if (next && next.membersFrom === row.membersTo + 1) {
      const fromCents = potentialCents(row.membersTo, row.pmpy);
      const toCents = potentialCents(next.membersFrom, next.pmpy);
      if (toCents < fromCents) {
        cliffs.push({ fromMembers: row.membersTo, toMembers: next.membersFrom, fromCents, toCents });
      }
    }
  });
  return { points, cliffs };
}
