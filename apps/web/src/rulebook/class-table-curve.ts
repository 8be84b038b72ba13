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

/** The class whose member range holds `members`, or undefined outside the table. */
export function classOf(rows: readonly ClassRow[], members: number): ClassRow | undefined {
  return rows.find((r) => r.membersFrom <= members && members <= r.membersTo);
}

/**
 * The curve for a logarithmic member axis: inside a class the potential is straight in members
 * but bends on a log axis, so each class gets points spread evenly in log(members) between its
 * two ends (each exact: members x PMPY in cents).
 */
export function logCurvePoints(rows: readonly ClassRow[], perClass = 8): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (const row of rows) {
    const from = Math.max(1, row.membersFrom);
    const to = Math.max(from, row.membersTo);
    const seen = new Set<number>();
    for (let i = 0; i <= perClass; i++) {
      const members = Math.round(from * (to / from) ** (i / perClass));
      if (seen.has(members)) continue;
      seen.add(members);
      points.push({ members, potentialCents: potentialCents(members, row.pmpy), class: row.class });
    }
  }
  return points;
}

export interface PracticeMark {
  id: string;
  name: string;
  members: number;
  class: string;
  potentialCents: number;
}

/** The program's practices on the curve: their member count, class and potential; those outside the table left out. */
export function practiceMarks(
  rows: readonly ClassRow[],
  payees: readonly { id: string; name: string; [key: string]: unknown }[],
  membersAttribute = 'assignedMembers',
): PracticeMark[] {
  const marks: PracticeMark[] = [];
  for (const p of payees) {
    const members = Number(p[membersAttribute]);
    if (!Number.isInteger(members) || members < 1) continue;
    const row = classOf(rows, members);
    if (!row) continue;
    marks.push({
      id: p.id,
      name: p.name,
      members,
      class: row.class,
      potentialCents: potentialCents(members, row.pmpy),
    });
  }
  return marks.sort((a, b) => a.members - b.members || a.id.localeCompare(b.id));
}
