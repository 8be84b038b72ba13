import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ResultSide {
  status: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
  points: number | null;
}

export interface ResultChange {
  entityId: string;
  measure: string;
  from: ResultSide | null;
  to: ResultSide | null;
}

export interface PaymentChange {
  entityId: string;
  from: number | null;
  to: number | null;
}

export interface RunDiffPage {
  /** The payees of this page that differ (a result or the total), in id order. */
  entityIds: string[];
  /** Every differing result of those payees: never cut short, whatever the page size. */
  results: ResultChange[];
  /** Those payees whose total differs. */
  payments: PaymentChange[];
  /** The last payee of this page when more payees differ after it, else null. */
  nextAfter: string | null;
}

const resultsDiffer = sql`a.status is distinct from b.status or a.value is distinct from b.value
      or a.target is distinct from b.target or a.met is distinct from b.met
      or a.points is distinct from b.points`;

/** One run's rows of a per-run table, limited to payees in (after, upTo]. */
function side(
  table: 'run_results' | 'run_payee_payments',
  runId: number,
  after: string | null,
  upTo?: string,
) {
  const lower: RawBuilder<unknown> = after === null ? sql`` : sql` and entity_id > ${after}`;
  const upper: RawBuilder<unknown> = upTo === undefined ? sql`` : sql` and entity_id <= ${upTo}`;
  return sql`(select * from ${sql.table(table)} where run_id = ${runId}${lower}${upper})`;
}

/**
 * What differs between two runs, computed in the database (full outer joins on the keys), a page
 * of payees at a time: up to `limit` payees after `after` whose total or any result (status,
 * value, target, met, points) differs, with all of those payees' differing results and totals.
 * A page cuts between payees, never inside one, so no payee's changed measures are dropped.
 */
export async function diffRuns(
  db: Db,
  againstId: number,
  runId: number,
  page: { limit: number; after?: string | null },
): Promise<RunDiffPage> {
  const after = page.after ?? null;
  const ids = await sql<{ entity_id: string }>`
    select entity_id from (
      select coalesce(a.entity_id, b.entity_id) as entity_id
      from ${side('run_results', againstId, after)} a
      full join ${side('run_results', runId, after)} b on a.entity_id = b.entity_id and a.measure = b.measure
      where ${resultsDiffer}
      union
      select coalesce(a.entity_id, b.entity_id) as entity_id
      from ${side('run_payee_payments', againstId, after)} a
      full join ${side('run_payee_payments', runId, after)} b on a.entity_id = b.entity_id
      where a.total_cents is distinct from b.total_cents
    ) changed
    order by entity_id collate "C"
    limit ${page.limit + 1}
  `.execute(db);
  const entityIds = ids.rows.slice(0, page.limit).map((r) => r.entity_id);
  const last = entityIds[entityIds.length - 1];
  if (last === undefined) return { entityIds, results: [], payments: [], nextAfter: null };

  const results = await sql<{
    entity_id: string;
    measure: string;
    a_status: string | null;
    a_value: number | null;
    a_target: number | null;
    a_met: boolean | null;
    a_points: number | null;
    b_status: string | null;
    b_value: number | null;
    b_target: number | null;
    b_met: boolean | null;
    b_points: number | null;
  }>`
    select coalesce(a.entity_id, b.entity_id) as entity_id, coalesce(a.measure, b.measure) as measure,
      a.status as a_status, a.value as a_value, a.target as a_target, a.met as a_met, a.points as a_points,
      b.status as b_status, b.value as b_value, b.target as b_target, b.met as b_met, b.points as b_points
    from ${side('run_results', againstId, after, last)} a
    full join ${side('run_results', runId, after, last)} b
      on a.entity_id = b.entity_id and a.measure = b.measure
    where ${resultsDiffer}
    order by 1, 2
  `.execute(db);
  const payments = await sql<{ entity_id: string; a: string | null; b: string | null }>`
    select coalesce(a.entity_id, b.entity_id) as entity_id, a.total_cents::text as a, b.total_cents::text as b
    from ${side('run_payee_payments', againstId, after, last)} a
    full join ${side('run_payee_payments', runId, after, last)} b on a.entity_id = b.entity_id
    where a.total_cents is distinct from b.total_cents
    order by 1
  `.execute(db);
  const sideOf = (
    s: string | null,
    value: number | null,
    target: number | null,
    met: boolean | null,
    points: number | null,
  ) => (s === null ? null : { status: s, value, target, met, points });
  return {
    entityIds,
    results: results.rows.map((r) => ({
      entityId: r.entity_id,
      measure: r.measure,
      from: sideOf(r.a_status, r.a_value, r.a_target, r.a_met, r.a_points),
      to: sideOf(r.b_status, r.b_value, r.b_target, r.b_met, r.b_points),
    })),
    payments: payments.rows.map((p) => ({
      entityId: p.entity_id,
      from: p.a === null ? null : Number(p.a),
      to: p.b === null ? null : Number(p.b),
    })),
    nextAfter: ids.rows.length > page.limit ? last : null,
  };
}
