import { formatDollars } from '@quip/core';
import type { LedgerEntry, PaymentCycleLine } from '../api/resources.ts';

/** A line whose amount due is negative: money the payee got before and gives back. */
export function isRecovery(line: Pick<PaymentCycleLine, 'dueCents'>): boolean {
  return line.dueCents < 0;
}

export interface KindTotal {
  kind: string;
  /** Lines of this kind. */
  lines: number;
  /** Lines of this kind that are recoveries. */
  recoveries: number;
  /** The sum of the positive amounts due. */
  dueCents: number;
  /** The sum of the recoveries, as a positive number. */
  recoveredCents: number;
  netCents: number;
}

/** What a cycle pays, by kind of line (incentive, milestone, …), kinds in alphabetical order. */
export function totalsByKind(lines: readonly PaymentCycleLine[]): KindTotal[] {
  const byKind = new Map<string, KindTotal>();
  for (const line of lines) {
    let t = byKind.get(line.kind);
    if (!t) {
      t = { kind: line.kind, lines: 0, recoveries: 0, dueCents: 0, recoveredCents: 0, netCents: 0 };
      byKind.set(line.kind, t);
    }
    t.lines += 1;
    if (isRecovery(line)) {
      t.recoveries += 1;
      t.recoveredCents -= line.dueCents;
    } else {
      t.dueCents += line.dueCents;
    }
    t.netCents += line.dueCents;
  }
  return [...byKind.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** The sum of every kind's totals. */
export function grandTotal(kinds: readonly KindTotal[]): Omit<KindTotal, 'kind'> {
  const sum = { lines: 0, recoveries: 0, dueCents: 0, recoveredCents: 0, netCents: 0 };
  for (const k of kinds) {
    sum.lines += k.lines;
    sum.recoveries += k.recoveries;
    sum.dueCents += k.dueCents;
    sum.recoveredCents += k.recoveredCents;
    sum.netCents += k.netCents;
  }
  return sum;
}

/**
 * The lines to show in a preview: recoveries first (the largest first), then the others in the
 * API's order (payee, key), at most `max`; `hidden` counts the rest.
 */
export function previewLines(
  lines: readonly PaymentCycleLine[],
  max: number,
): { rows: PaymentCycleLine[]; hidden: number } {
  const recoveries = lines.filter(isRecovery).sort((a, b) => a.dueCents - b.dueCents);
  const others = lines.filter((l) => !isRecovery(l));
  const ordered = [...recoveries, ...others];
  return { rows: ordered.slice(0, max), hidden: Math.max(0, ordered.length - max) };
}

export interface HistoryPoint {
  cycleId: number;
  /** What the run behind the cycle entitled the payee to, or null when unknown. */
  entitledCents: number | null;
  /** Everything paid to the payee up to and including this cycle (the running balance). */
  paidCents: number;
  /** What this cycle paid (negative: recovered). */
  cycleCents: number;
}

/**
 * A payee's history over the approved cycles of its ledger, oldest first: what each cycle's run
 * entitled it to, and what was paid so far after each cycle.
 */
export function payeeHistory(
  entries: readonly LedgerEntry[],
  entitledByCycle: ReadonlyMap<number, number>,
): HistoryPoint[] {
  const byCycle = new Map<number, number>();
  for (const e of entries) byCycle.set(e.cycleId, (byCycle.get(e.cycleId) ?? 0) + e.amountCents);
  let paid = 0;
  return [...byCycle.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cycleId, cycleCents]) => {
      paid += cycleCents;
      return { cycleId, entitledCents: entitledByCycle.get(cycleId) ?? null, paidCents: paid, cycleCents };
    });
}

/** The chart's text equivalent: one sentence on where the payee stands, then one per cycle. */
export function historySummary(entityId: string, points: readonly HistoryPoint[]): string[] {
  const last = points[points.length - 1];
  if (!last) return [`${entityId} has no approved payments in this ledger.`];
  const n = points.length;
  const head =
    last.entitledCents === null
      ? `${entityId}: ${formatDollars(last.paidCents)} paid over ${n} cycle${n === 1 ? '' : 's'}.`
      : `${entityId}: entitled to ${formatDollars(last.entitledCents)} by the run of cycle ${last.cycleId}, ${formatDollars(last.paidCents)} paid over ${n} cycle${n === 1 ? '' : 's'}${
          last.entitledCents === last.paidCents
            ? ', fully paid.'
            : `, ${formatDollars(last.entitledCents - last.paidCents)} ${last.entitledCents > last.paidCents ? 'not yet paid' : 'paid over the entitlement'}.`
        }`;
  return [
    head,
    ...points.map(
      (p) =>
        `Cycle ${p.cycleId}: ${p.cycleCents < 0 ? `recovered ${formatDollars(-p.cycleCents)}` : `paid ${formatDollars(p.cycleCents)}`}, ${formatDollars(p.paidCents)} paid so far${p.entitledCents === null ? '' : ` of ${formatDollars(p.entitledCents)} entitled`}.`,
    ),
  ];
}
