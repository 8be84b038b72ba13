import type { CycleLine } from '@quip/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

interface LineRow {
  entity_id: string;
  key: string;
  kind: string;
  lifetime: boolean;
  entitled_cents: number;
  payable_cents: number;
  elsewhere_cents: number;
  paid_before_cents: number;
  deferred_cents: number;
  due_cents: number;
}

const lineOf = (r: LineRow): CycleLine => ({
  entityId: r.entity_id,
  key: r.key,
  kind: r.kind,
  lifetime: r.lifetime,
  entitledCents: Number(r.entitled_cents),
  payableCents: Number(r.payable_cents),
  elsewhereCents: Number(r.elsewhere_cents),
  paidBeforeCents: Number(r.paid_before_cents),
  deferredCents: Number(r.deferred_cents),
  dueCents: Number(r.due_cents),
});

/** A cycle's lines by payee and key, a page at a time (`after` = the last line of the previous page). */
export async function listPaymentCycleLines(
  db: Db,
  query: {
    cycleId: number;
    entityId?: string;
    after?: { entityId: string; key: string };
    limit: number;
  },
): Promise<CycleLine[]> {
  const result = await sql<LineRow>`
    select entity_id, key, kind, lifetime, entitled_cents, payable_cents, elsewhere_cents, paid_before_cents,
           deferred_cents, due_cents
    from payment_cycle_lines
    where cycle_id = ${query.cycleId}
      ${query.entityId === undefined ? sql`` : sql`and entity_id = ${query.entityId}`}
      ${query.after === undefined ? sql`` : sql`and (entity_id, key) > (${query.after.entityId}, ${query.after.key})`}
    order by entity_id, key
    limit ${query.limit}
  `.execute(db);
  return result.rows.map(lineOf);
}

export interface CycleFileRow {
  entityId: string;
  name: string;
  key: string;
  kind: string;
  dueCents: number;
}

/**
 * The rows of a cycle's payment file: its lines that move money, by payee and key, with the
 * payee's name as the cycle's run has it (a payee the run no longer has: as the payees table has it).
 */
export async function listCycleFileRows(db: Db, cycleId: number): Promise<CycleFileRow[]> {
  const result = await sql<{
    entity_id: string;
    name: string | null;
    key: string;
    kind: string;
    due_cents: number;
  }>`
    select l.entity_id, coalesce(rp.name, e.name, '') as name, l.key, l.kind, l.due_cents
    from payment_cycle_lines l
    join payment_cycles c on c.id = l.cycle_id
    left join run_payees rp on rp.run_id = c.run_id and rp.entity_id = l.entity_id
    left join entities e on e.fiscal_year = c.fiscal_year and e.program_id = c.program_id and e.id = l.entity_id
    where l.cycle_id = ${cycleId} and l.due_cents <> 0
    order by l.entity_id, l.key
  `.execute(db);
  return result.rows.map((r) => ({
    entityId: r.entity_id,
    name: r.name ?? '',
    key: r.key,
    kind: r.kind,
    dueCents: Number(r.due_cents),
  }));
}

export interface LedgerEntry {
  id: number;
  cycleId: number;
  fiscalYear: string;
  entityId: string;
  key: string;
  kind: string;
  amountCents: number;
  /** Paid for the payee and key up to and including this entry (every year's entries for a lifetime key). */
  balanceCents: number;
  approvedAt: string;
}

export interface LedgerBalance {
  entityId: string;
  key: string;
  paidCents: number;
}

export interface LedgerQuery {
  programId: string;
  fiscalYear: string;
  entityId?: string;
  key?: string;
  cycleId?: number;
  afterId?: number;
  limit: number;
}

/**
 * The ledger of a program's fiscal year, oldest first: its entries and, for lifetime keys, the
 * other years' entries too (they count in the balance, as they count as paid before). Each entry
 * carries the running balance of its payee and key. `balances` are the final balances of the
 * payees and keys on the page.
 */
export async function listLedger(
  db: Db,
  query: LedgerQuery,
): Promise<{ items: LedgerEntry[]; balances: LedgerBalance[] }> {
  const filters = sql`
    program_id = ${query.programId} and (fiscal_year = ${query.fiscalYear} or lifetime)
    ${query.entityId === undefined ? sql`` : sql`and entity_id = ${query.entityId}`}
    ${query.key === undefined ? sql`` : sql`and key = ${query.key}`}
  `;
  const result = await sql<{
    id: number;
    cycle_id: number;
    fiscal_year: string;
    entity_id: string;
    key: string;
    kind: string;
    amount_cents: number;
    balance_cents: number;
    approved_at: string;
  }>`
    select * from (
      select id, cycle_id, fiscal_year, entity_id, key, kind, amount_cents, approved_at,
             sum(amount_cents) over (partition by entity_id, key order by id)::int8 as balance_cents
      from payment_ledger where ${filters}
    ) as x
    where true
      ${query.cycleId === undefined ? sql`` : sql`and cycle_id = ${query.cycleId}`}
      ${query.afterId === undefined ? sql`` : sql`and id > ${query.afterId}`}
    order by id
    limit ${query.limit}
  `.execute(db);
  const items = result.rows.map((r) => ({
    id: Number(r.id),
    cycleId: Number(r.cycle_id),
    fiscalYear: r.fiscal_year,
    entityId: r.entity_id,
    key: r.key,
    kind: r.kind,
    amountCents: Number(r.amount_cents),
    balanceCents: Number(r.balance_cents),
    approvedAt: r.approved_at,
  }));
  const pairs = [...new Map(items.map((i) => [`${i.entityId}\u0000${i.key}`, i])).values()];
  if (pairs.length === 0) return { items, balances: [] };
  const balances = await sql<{ entity_id: string; key: string; paid: number }>`
    select entity_id, key, sum(amount_cents)::int8 as paid
    from payment_ledger
    where program_id = ${query.programId} and (fiscal_year = ${query.fiscalYear} or lifetime)
      and (entity_id, key) in (${sql.join(pairs.map((p) => sql`(${p.entityId}, ${p.key})`))})
    group by entity_id, key
    order by entity_id, key
  `.execute(db);
  return {
    items,
    balances: balances.rows.map((b) => ({ entityId: b.entity_id, key: b.key, paidCents: Number(b.paid) })),
  };
}
