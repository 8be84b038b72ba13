import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';

/** Every payee's payment and measure outcomes under one rulebook: one side of a what-if comparison. */
export interface WhatIfPayees {
  entityIds: readonly string[];
  /** The measure keys, in the rulebook's order. */
  measures: readonly string[];
  /** Per payee (by position): the payment, every part, in cents. */
  totals: Float64Array;
  /** Entity-major (e x measures + m): 1 met, 0 not met, -1 no outcome (not scored, not applicable). */
  met: Int8Array;
  /** Entity-major: the points scored, NaN where none. */
  points: Float64Array;
}

/** A payee whose payment changes between the two sides. */
export interface PayeeChange {
  entityId: string;
  beforeCents: number;
  afterCents: number;
  /** after - before: positive for a gain. */
  differenceCents: number;
  /** The measures whose outcome (met or points) moved, or which one side does not have. */
  moved: string[];
}

export interface PayeeChanges {
  /** Every payee whose payment changes, in payee order. */
  changes: PayeeChange[];
  gainers: { payees: number; cents: number };
  losers: { payees: number; cents: number };
  /** Payees on both sides whose payment does not change. */
  unchanged: number;
}

/** The snapshot of a what-if's payees under `compiled` (results entity-major, as scored). */
export function payeeSnapshot(
  compiled: CompiledRulebook,
  entities: readonly Entity[],
  results: readonly MeasureResult[],
  totals: Float64Array,
): WhatIfPayees {
  const M = compiled.measures.length;
  const met = new Int8Array(entities.length * M);
  const points = new Float64Array(entities.length * M);
  for (let i = 0; i < met.length; i++) {
    const r = results[i];
    met[i] = r?.met === true ? 1 : r?.met === false ? 0 : -1;
    points[i] = typeof r?.points === 'number' ? r.points : Number.NaN;
  }
  return {
    entityIds: entities.map((e) => e.id),
    measures: compiled.measures.map((m) => m.key),
    totals,
    met,
    points,
  };
}

const samePoints = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Who gains and who loses between two what-if sides (the published rulebook and a draft, over the
 * same payees): every payee whose payment differs, with the measures whose outcome moved; gainers
 * and losers counted and summed. Payees are matched by id, measures by key (a measure only one side
 * has has moved for every payee); a payee only one side has counts as paid 0 on the other.
 */
export function payeeChanges(before: WhatIfPayees, after: WhatIfPayees): PayeeChanges {
  const Mb = before.measures.length;
  const Ma = after.measures.length;
  const beforeIndex = new Map(before.entityIds.map((id, e) => [id, e]));
  const afterMeasure = new Map(after.measures.map((k, m) => [k, m]));
  /** Per measure of `after`: its position in `before`, -1 when `before` has none. */
  const inBefore = after.measures.map((k) => before.measures.indexOf(k));
  const onlyBefore = before.measures.filter((k) => !afterMeasure.has(k));
  const changes: PayeeChange[] = [];
  const gainers = { payees: 0, cents: 0 };
  const losers = { payees: 0, cents: 0 };
  let unchanged = 0;
  const seen = new Set<number>();
  const push = (entityId: string, b: number | undefined, a: number | undefined) => {
    const beforeCents = b === undefined ? 0 : (before.totals[b] as number);
    const afterCents = a === undefined ? 0 : (after.totals[a] as number);
    const differenceCents = afterCents - beforeCents;
    if (differenceCents === 0) {
      if (a !== undefined && b !== undefined) unchanged++;
      return;
    }
    const moved: string[] = [];
    for (let m = 0; m < Ma; m++) {
      const key = after.measures[m] as string;
      const mb = inBefore[m] as number;
      if (a === undefined || b === undefined || mb < 0) {
        moved.push(key);
        continue;
      }
      const ia = a * Ma + m;
      const ib = b * Mb + mb;
      if (
        after.met[ia] !== before.met[ib] ||
        !samePoints(after.points[ia] as number, before.points[ib] as number)
      )
        moved.push(key);
    }
    moved.push(...onlyBefore);
    changes.push({ entityId, beforeCents, afterCents, differenceCents, moved });
    const side = differenceCents > 0 ? gainers : losers;
    side.payees++;
    side.cents += differenceCents;
  };
  after.entityIds.forEach((id, a) => {
    const b = beforeIndex.get(id);
    if (b !== undefined) seen.add(b);
    push(id, b, a);
  });
  before.entityIds.forEach((id, b) => {
    if (!seen.has(b)) push(id, b, undefined);
  });
  return { changes, gainers, losers, unchanged };
}
