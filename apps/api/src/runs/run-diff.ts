import { type Database, diffRuns, type RunRecord } from '@quip/db';
import type { Kysely } from 'kysely';

const FIELDS = ['status', 'value', 'target', 'met', 'points'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Two runs payee by payee: whose total changed, and per measure which of status, value, target,
 * met and points changed; with whether the rulebook version or the data snapshot differed, which
 * says what caused it (a value changes with the data, a target with the rulebook or the peers).
 */
export async function runDiff(db: Kysely<Database>, run: RunRecord, against: RunRecord, limit: number) {
  const { results, payments } = await diffRuns(db, against.id, run.id, limit + 1);
  const truncated = results.length > limit || payments.length > limit;
  const byPayee = new Map<
    string,
    {
      entityId: string;
      totalCents: { from: number | null; to: number | null };
      measures: {
        measure: string;
        changed: Field[];
        from: Record<string, unknown> | null;
        to: Record<string, unknown> | null;
      }[];
    }
  >();
  const payee = (entityId: string) => {
    let entry = byPayee.get(entityId);
    if (!entry) {
      entry = { entityId, totalCents: { from: null, to: null }, measures: [] };
      byPayee.set(entityId, entry);
    }
    return entry;
  };
  for (const p of payments.slice(0, limit)) payee(p.entityId).totalCents = { from: p.from, to: p.to };
  for (const r of results.slice(0, limit)) {
    const changed = FIELDS.filter((f) => (r.from?.[f] ?? null) !== (r.to?.[f] ?? null));
    payee(r.entityId).measures.push({
      measure: r.measure,
      changed,
      from: r.from ? { ...r.from } : null,
      to: r.to ? { ...r.to } : null,
    });
  }
  // Payees whose total did not change still show the same total on both sides.
  const unchanged = [...byPayee.values()].filter(
    (p) => p.totalCents.from === null && p.totalCents.to === null,
  );
  if (unchanged.length > 0) {
    const totals = await db
      .selectFrom('run_payee_payments')
      .select(['entity_id', 'total_cents'])
      .where('run_id', '=', run.id)
      .where(
        'entity_id',
        'in',
        unchanged.map((p) => p.entityId),
      )
      .execute();
    for (const t of totals) {
      const p = byPayee.get(t.entity_id);
      if (p) p.totalCents = { from: Number(t.total_cents), to: Number(t.total_cents) };
    }
  }
  return {
    run: run.id,
    against: against.id,
    rulebookChanged: run.contentHash !== against.contentHash,
    snapshotChanged: run.snapshotSubmissionId !== against.snapshotSubmissionId,
    payees: [...byPayee.values()].sort((a, b) =>
      a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0,
    ),
    truncated,
  };
}
