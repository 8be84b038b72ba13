import { type Kysely, sql, type Transaction } from 'kysely';
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

/**
 * What differs between two runs, computed in the database (full outer joins on the keys): the
 * results whose status, value, target, met or points differ, and the payees whose total differs.
 * Both lists in payee order and at most `limit` rows each.
 */
export async function diffRuns(
  db: Db,
  againstId: number,
  runId: number,
  limit: number,
): Promise<{ results: ResultChange[]; payments: PaymentChange[] }> {
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
    from (select * from run_results where run_id = ${againstId}) a
    full join (select * from run_results where run_id = ${runId}) b
      on a.entity_id = b.entity_id and a.measure = b.measure
    where a.status is distinct from b.status or a.value is distinct from b.value
      or a.target is distinct from b.target or a.met is distinct from b.met
      or a.points is distinct from b.points
    order by 1, 2
    limit ${limit}
  `.execute(db);
  const payments = await sql<{ entity_id: string; a: string | null; b: string | null }>`
    select coalesce(a.entity_id, b.entity_id) as entity_id, a.total_cents::text as a, b.total_cents::text as b
    from (select * from run_payee_payments where run_id = ${againstId}) a
    full join (select * from run_payee_payments where run_id = ${runId}) b on a.entity_id = b.entity_id
    where a.total_cents is distinct from b.total_cents
    order by 1
    limit ${limit}
  `.execute(db);
  const side = (
    s: string | null,
    value: number | null,
    target: number | null,
    met: boolean | null,
    points: number | null,
  ) => (s === null ? null : { status: s, value, target, met, points });
  return {
    results: results.rows.map((r) => ({
      entityId: r.entity_id,
      measure: r.measure,
      from: side(r.a_status, r.a_value, r.a_target, r.a_met, r.a_points),
      to: side(r.b_status, r.b_value, r.b_target, r.b_met, r.b_points),
    })),
    payments: payments.rows.map((p) => ({
      entityId: p.entity_id,
      from: p.a === null ? null : Number(p.a),
      to: p.b === null ? null : Number(p.b),
    })),
  };
}
