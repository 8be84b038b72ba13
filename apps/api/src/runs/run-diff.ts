import { type Database, diffRuns, type RunRecord } from '@quip/db';
import type { Kysely } from 'kysely';
import { encodeCursor } from '../ingest/page-cursor.ts';

const FIELDS = ['status', 'value', 'target', 'met', 'points'] as const;
type Field = (typeof FIELDS)[number];

/** The inputs a run pins, in the order a diff names them. */
export const RUN_INPUTS = ['asOf', 'rulebookVersion', 'rulebookContent', 'snapshot'] as const;
export type RunInput = (typeof RUN_INPUTS)[number];

/** Each input of the two runs, side by side; `changed` names every input that differs. */
export function runInputs(run: RunRecord, against: RunRecord) {
  const pair = <T>(from: T, to: T) => ({ from, to });
  const inputs = {
    asOf: pair(against.asOf, run.asOf),
    rulebookVersion: pair(against.rulebookVersion, run.rulebookVersion),
    rulebookContent: pair(against.contentHash, run.contentHash),
    snapshot: pair(against.snapshotSubmissionId, run.snapshotSubmissionId),
  };
  const changed = RUN_INPUTS.filter((k) => inputs[k].from !== inputs[k].to);
  return { inputs, changed };
}

/**
 * Two runs payee by payee, a page of payees at a time: whose total changed, and per measure which
 * of status, value, target, met and points changed; with every input that differs between the
 * runs (as-of date, rulebook version, rulebook content, data snapshot), which says what caused it
 * (a value changes with the data or the date, a target with the rulebook or the peers). A page
 * holds whole payees: a payee's changed measures are never cut off.
 */
export async function runDiff(
  db: Kysely<Database>,
  run: RunRecord,
  against: RunRecord,
  page: { limit: number; after?: string | null },
) {
  const { entityIds, results, payments, nextAfter } = await diffRuns(db, against.id, run.id, page);
  const byPayee = new Map<
    string,
    {
      entityId: string;
      name: string | null;
      totalCents: { from: number | null; to: number | null };
      measures: {
        measure: string;
        changed: Field[];
        from: Record<string, unknown> | null;
        to: Record<string, unknown> | null;
      }[];
    }
  >(
    entityIds.map((entityId) => [
      entityId,
      { entityId, name: null, totalCents: { from: null, to: null }, measures: [] },
    ]),
  );
  for (const p of payments) {
    const entry = byPayee.get(p.entityId);
    if (entry) entry.totalCents = { from: p.from, to: p.to };
  }
  for (const r of results) {
    const changed = FIELDS.filter((f) => (r.from?.[f] ?? null) !== (r.to?.[f] ?? null));
    byPayee.get(r.entityId)?.measures.push({
      measure: r.measure,
      changed,
      from: r.from ? { ...r.from } : null,
      to: r.to ? { ...r.to } : null,
    });
  }
  // Payees whose total did not change still show the same total on both sides.
  const unchanged = [...byPayee.values()]
    .filter((p) => p.totalCents.from === null && p.totalCents.to === null)
    .map((p) => p.entityId);
  if (unchanged.length > 0) {
    const totals = await db
      .selectFrom('run_payee_payments')
      .select(['entity_id', 'total_cents'])
      .where('run_id', '=', run.id)
      .where('entity_id', 'in', unchanged)
      .execute();
    for (const t of totals) {
      const p = byPayee.get(t.entity_id);
      if (p) p.totalCents = { from: Number(t.total_cents), to: Number(t.total_cents) };
    }
  }
  // Each payee's name as the run copied it (the other run's when this one no longer has the payee).
  if (entityIds.length > 0) {
    const names = await db
      .selectFrom('run_payees')
      .select(['run_id', 'entity_id', 'name'])
      .where('run_id', 'in', [run.id, against.id])
      .where('entity_id', 'in', entityIds)
      .execute();
    for (const n of names) {
      const p = byPayee.get(n.entity_id);
      if (p && (p.name === null || n.run_id === run.id)) p.name = n.name;
    }
  }
  const { inputs, changed } = runInputs(run, against);
  return {
    run: run.id,
    against: against.id,
    inputs,
    changedInputs: changed,
    asOfChanged: changed.includes('asOf'),
    rulebookChanged: changed.includes('rulebookVersion') || changed.includes('rulebookContent'),
    snapshotChanged: changed.includes('snapshot'),
    payees: [...byPayee.values()],
    nextCursor: nextAfter === null ? null : encodeCursor(nextAfter),
    truncated: nextAfter !== null,
  };
}
