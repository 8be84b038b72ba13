import { buildScorecard, type Payment, type Scorecard, type Submission } from '@quip/core';
import {
  type Database,
  expandResultJson,
  listRunPayments,
  listRunResults,
  loadSnapshotSubmissions,
  type RunRecord,
} from '@quip/db';
import { type Kysely, sql } from 'kysely';
import { problems } from '../http/problem.ts';
import { runRulebook } from './run-rulebook.ts';

// A succeeded run never changes: its peer counts are computed once per process.
const peersByRun = new Map<number, Promise<Record<string, number>>>();

/** Per measure: the run's payees with a scored value (what its percentiles were taken over). */
function runPeers(db: Kysely<Database>, runId: number): Promise<Record<string, number>> {
  let hit = peersByRun.get(runId);
  if (!hit) {
    hit = sql<{ measure: string; n: number }>`
      select measure, count(*)::int as n from run_results
      where run_id = ${runId} and status = 'scored' and value is not null
      group by measure
    `
      .execute(db)
      .then(({ rows }) => Object.fromEntries(rows.map((r) => [r.measure, Number(r.n)])));
    hit.catch(() => peersByRun.delete(runId));
    if (peersByRun.size >= 64) peersByRun.clear();
    peersByRun.set(runId, hit);
  }
  return hit;
}

/**
 * One payee's scorecard of a stored run, by core's buildScorecard (the one implementation) from
 * what the run stored and pinned: the payee's results and payment, its submissions current at the
 * run's snapshot, the pinned rulebook, and the peer counts of the run. Reads only the payee's rows
 * (primary-key lookups) and, once per run, the peer counts. The population is not loaded: when the
 * rulebook pays payees from a shared pool or by rank, "what would have earned the rest" needs
 * every payee paid again and the card says it is not shown (the live standing, which evaluates the
 * population anyway, shows it).
 */
export async function runScorecard(
  db: Kysely<Database>,
  run: RunRecord,
  entityId: string,
): Promise<Scorecard> {
  const [compiled, payee, stored, payments, submissions, peers] = await Promise.all([
    runRulebook(db, run),
    db
      .selectFrom('run_payees')
      .select(['name', 'attributes'])
      .where('run_id', '=', run.id)
      .where('entity_id', '=', entityId)
      .executeTakeFirst(),
    listRunResults(db, { runId: run.id, entityIds: null, entityId, limit: 10_000 }),
    listRunPayments(db, { runId: run.id, entityIds: null, entityId, limit: 1 }),
    loadSnapshotSubmissions(db, run, [entityId]),
    runPeers(db, run.id),
  ]);
  if (!payee) throw problems.notFound('The run has no such payee.');
  const payment = payments[0];
  return buildScorecard({
    compiled,
    entity: { ...(payee.attributes as Record<string, unknown>), id: entityId, name: payee.name },
    run: { id: run.id, asOf: run.asOf, stage: run.stage === 'none' ? 'draft' : run.stage },
    results: stored.map((r) => expandResultJson(r.entityId, r.measure, r.result)),
    payment: payment
      ? ({
          entityId,
          totalCents: payment.totalCents,
          lines: payment.lines,
          details: payment.details,
        } as Payment)
      : null,
    submissions: submissions.map(
      (s): Submission => ({
        entityId: s.entityId,
        measure: s.measure,
        period: s.period,
        submittedOn: s.submittedOn,
        data: s.data,
      }),
    ),
    peers,
  });
}
