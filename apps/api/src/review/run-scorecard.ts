import {
  buildScorecard,
  type CompiledRulebook,
  type Payment,
  paysEveryPayeeAlone,
  type Scorecard,
  type ScorecardPopulation,
  type Submission,
  storedPopulation,
} from '@quip/core';
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

// A pooled program's population, loaded once per run and process (such programs pay tens of plans
// or pilots, not a hundred thousand payees; above POPULATION_LIMIT payees it is not loaded).
const populationsByRun = new Map<number, Promise<ScorecardPopulation | null>>();
const POPULATION_LIMIT = 50_000;

/** Every payee of the run with its stored results, for "what would have earned the rest" of a pooled payment. */
function runPopulation(
  db: Kysely<Database>,
  runId: number,
  compiled: CompiledRulebook,
): Promise<ScorecardPopulation | null> {
  let hit = populationsByRun.get(runId);
  if (!hit) {
    hit = (async () => {
      const payees = await db
        .selectFrom('run_payees')
        .select(['entity_id', 'name', 'attributes'])
        .where('run_id', '=', runId)
        .orderBy('entity_id')
        .limit(POPULATION_LIMIT + 1)
        .execute();
      if (payees.length > POPULATION_LIMIT) return null;
      const stored = await listRunResults(db, {
        runId,
        entityIds: null,
        limit: payees.length * compiled.measures.length,
      });
      return storedPopulation(
        compiled,
        payees.map((p) => ({ ...(p.attributes as Record<string, unknown>), id: p.entity_id, name: p.name })),
        stored.map((r) => expandResultJson(r.entityId, r.measure, r.result)),
      );
    })();
    hit.catch(() => populationsByRun.delete(runId));
    if (populationsByRun.size >= 8) populationsByRun.clear();
    populationsByRun.set(runId, hit);
  }
  return hit;
}

/**
 * One payee's scorecard of a stored run, by core's buildScorecard (the one implementation) from
 * what the run stored and pinned: the payee's results and payment, its submissions current at the
 * run's snapshot, the pinned rulebook, and the peer counts of the run. When every payee is paid
 * from its own results alone, only the payee's rows are read (primary-key lookups); when the
 * rulebook pays from a shared pool or by rank, "what would have earned the rest" pays every payee
 * again, so the run's population (its payees and stored results) is read once per run and kept.
 */
export async function runScorecard(
  db: Kysely<Database>,
  run: RunRecord,
  entityId: string,
): Promise<Scorecard> {
  const compiled = await runRulebook(db, run);
  const [payee, stored, payments, submissions, peers, population] = await Promise.all([
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
    paysEveryPayeeAlone(compiled) ? null : runPopulation(db, run.id, compiled),
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
    ...(population ? { population } : {}),
  });
}
