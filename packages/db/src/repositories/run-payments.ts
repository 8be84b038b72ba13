import type { Payment } from '@quip/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { inParallel } from './run-results.ts';
import type { RunTotals } from './runs.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A payment as core computes it, stored without its explanation. */
export type RunPaymentInput = Omit<Payment, 'trace' | 'lines'> & {
  lines: readonly Payment['lines'][number][];
};

/**
 * Bulk insert of payments (one row per payee) and their lines keyed (run, payee, line no), each
 * 2,000 payees as one JSON document the server splits; rows already there are kept, so a retried
 * phase 2 writes nothing twice.
 */
export async function insertRunPayments(db: Db, runId: number, payments: readonly RunPaymentInput[]) {
  await inParallel(db, Math.ceil(payments.length / 2000), async (k) => {
    const part = payments.slice(k * 2000, (k + 1) * 2000);
    const payees = part.map((p) => JSON.stringify([p.entityId, p.totalCents, p.details]));
    await sql`
      insert into run_payee_payments (run_id, entity_id, total_cents, details)
      select ${runId}, x->>0, (x->>1)::int8, x->2 from jsonb_array_elements(${`[${payees.join(',')}]`}::jsonb) as x
      on conflict do nothing
    `.execute(db);
    const lines: string[] = [];
    for (const p of part) {
      p.lines.forEach((line, i) => {
        lines.push(JSON.stringify([p.entityId, i + 1, line]));
      });
    }
    if (lines.length === 0) return;
    await sql`
      insert into run_payments (run_id, entity_id, line_no, kind, amount_cents, line)
      select ${runId}, x->>0, (x->>1)::int4, x->2->>'kind', (x->2->>'amountCents')::int8, x->2
      from jsonb_array_elements(${`[${lines.join(',')}]`}::jsonb) as x
      on conflict do nothing
    `.execute(db);
  });
}

/** A stored payment, with its payee's name. */
export type RunPayment = Omit<Payment, 'trace'> & { name: string };

export interface RunPaymentQuery {
  runId: number;
  entityIds: readonly string[] | null;
  entityId?: string;
  afterEntityId?: string;
  limit: number;
}

/** Payments by payee id, a page at a time, with their lines in order. */
export async function listRunPayments(db: Db, query: RunPaymentQuery): Promise<RunPayment[]> {
  if (query.entityIds !== null && query.entityIds.length === 0) return [];
  // The page first, in key order, then its names (see listRunResults: a join first made a planner
  // without fresh statistics read and sort every payee of the run for each page).
  let page = db
    .selectFrom('run_payee_payments')
    .select(['entity_id', 'total_cents', 'details'])
    .where('run_id', '=', query.runId)
    .orderBy('entity_id')
    .limit(query.limit);
  if (query.entityIds !== null) page = page.where('entity_id', 'in', query.entityIds);
  if (query.entityId !== undefined) page = page.where('entity_id', '=', query.entityId);
  if (query.afterEntityId !== undefined) page = page.where('entity_id', '>', query.afterEntityId);
  const payees = await db
    .selectFrom(page.as('p'))
    .innerJoin('run_payees as e', (j) =>
      j.onRef('e.entity_id', '=', 'p.entity_id').on('e.run_id', '=', query.runId),
    )
    .select(['p.entity_id', 'e.name', 'p.total_cents', 'p.details'])
    .orderBy('p.entity_id')
    .execute();
  if (payees.length === 0) return [];
  const lines = await db
    .selectFrom('run_payments')
    .select(['entity_id', 'line'])
    .where('run_id', '=', query.runId)
    .where(
      'entity_id',
      'in',
      payees.map((p) => p.entity_id),
    )
    .orderBy('entity_id')
    .orderBy('line_no')
    .execute();
  const byPayee = new Map<string, RunPayment['lines']>();
  for (const l of lines) {
    const list = byPayee.get(l.entity_id) ?? [];
    list.push(l.line as RunPayment['lines'][number]);
    byPayee.set(l.entity_id, list);
  }
  return payees.map((p) => ({
    entityId: p.entity_id,
    name: p.name,
    totalCents: Number(p.total_cents),
    lines: byPayee.get(p.entity_id) ?? [],
    details: p.details as Record<string, unknown>,
  }));
}

/**
 * Totals over the stored payments: payees paid, cents, cents per line kind; over some payees only
 * when `entityIds` is given (a submitter's own).
 */
export async function runPaymentTotals(
  db: Db,
  runId: number,
  entityIds: readonly string[] | null = null,
): Promise<RunTotals> {
  if (entityIds !== null && entityIds.length === 0) return { payees: 0, totalCents: 0, byLineKind: {} };
  let head = db
    .selectFrom('run_payee_payments')
    .select([
      sql<number>`count(*)::int`.as('payees'),
      sql<string>`coalesce(sum(total_cents), 0)::text`.as('cents'),
    ])
    .where('run_id', '=', runId);
  let kinds = db
    .selectFrom('run_payments')
    .select(['kind', sql<string>`sum(amount_cents)::text`.as('cents')])
    .where('run_id', '=', runId)
    .groupBy('kind')
    .orderBy('kind');
  if (entityIds !== null) {
    head = head.where('entity_id', 'in', entityIds);
    kinds = kinds.where('entity_id', 'in', entityIds);
  }
  const [headRow, kindRows] = await Promise.all([head.executeTakeFirstOrThrow(), kinds.execute()]);
  const byLineKind: Record<string, number> = {};
  for (const k of kindRows) byLineKind[k.kind] = Number(k.cents);
  return { payees: Number(headRow.payees), totalCents: Number(headRow.cents), byLineKind };
}
