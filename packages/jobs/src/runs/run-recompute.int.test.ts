import { randomBytes } from 'node:crypto';
import {
  cancelRun,
  expandResultJson,
  findRun,
  listRunPayments,
  listRunResults,
  type QuipDatabase,
  seedReferenceData,
} from '@quip/db';
import { openTestDatabase } from '@quip/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../handlers/job-definitions.ts';
import type { JobRunner } from '../job-runner.ts';
import { BullmqJobRunner } from '../runners/bullmq-runner.ts';
import { InlineJobRunner } from '../runners/inline-runner.ts';
import {
  SYNTHETIC_RUN,
  storeSyntheticData,
  storeSyntheticProgram,
  TEN_SYNTHETIC_PAYEES,
  waitForRunEnd,
} from '../testing/index.ts';
import { enqueueRun, startRun } from './start-run.ts';

const backends: Record<'inline' | 'bullmq', () => JobRunner> = {
  inline: () => new InlineJobRunner(10),
  bullmq: () => {
    const url = process.env.QUIP_TEST_REDIS_URL;
    if (!url)
      throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`, which starts Redis');
    return new BullmqJobRunner(url, `quip-test-${randomBytes(4).toString('hex')}`);
  },
};

describe.each(['inline', 'bullmq'] as const)('recompute runs: %s', (kind) => {
  let database: QuipDatabase;
  let runner: JobRunner;
  beforeAll(async () => {
    database = await openTestDatabase(kind === 'bullmq' ? 'postgres' : 'pglite');
    await seedReferenceData(database.db);
    // P000001..P000008 serve '950' with 1..8 of 10 interns placed; P000009, P000010 are '096'.
    await storeSyntheticProgram(database.db, TEN_SYNTHETIC_PAYEES);
  });
  afterAll(() => database?.close());
  afterEach(() => runner?.close(1_000));

  it('scores chunks against the whole population and pays every payee', async () => {
    runner = backends[kind]();
    await runner.startWorker(jobDefinitions({ db: database.db }));
    const started = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize: 3 });
    expect(started?.run).toMatchObject({ status: 'queued', payees: 10, chunks: 4, rulebookVersion: 1 });
    const run = await waitForRunEnd(database.db, started!.run.id);
    // cie rates 0.1 .. 0.8 over the eight '950' payees; median (PERCENTILE.INC 0.5, rank 3.5) =
    // 0.4 + 0.5 x (0.5 - 0.4) = 0.45, so P000005..P000008 meet it and P000001..P000004 do not.
    // Met everything: 4 '950' + 2 '096' (survey only) = 6 payees x (4500 base + 500 incentive) = 30000.
    // Not met: 4 x 4500 = 18000. Total 48000; base 10 x 4500 = 45000; incentive 6 x 500 = 3000.
    expect(run).toMatchObject({
      status: 'succeeded',
      reason: null,
      totals: { payees: 10, totalCents: 48000, byLineKind: { base: 45000, incentive: 3000 } },
    });
    const stored = await listRunResults(database.db, {
      runId: run.id,
      entityIds: null,
      measure: 'cie',
      limit: 100,
    });
    const results = stored.map((r) => expandResultJson(r.entityId, r.measure, r.result));
    expect(results.map((r) => r.met)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      null,
      null,
    ]);
    expect(results[0]?.target).toBeCloseTo(0.45, 12);
    // The run leaves the planner statistics of its output: 10 payees x 2 measures = 20 results,
    // 10 payees, 10 payments (without them a page of results read and sorted every result).
    const { rows } = await sql<{ table: string; tuples: number }>`
      select relname as table, reltuples::int as tuples from pg_class
      where relname in ('run_payees', 'run_results', 'run_payee_payments') order by relname
    `.execute(database.db);
    expect(rows.map((r) => [r.table, Number(r.tuples)])).toEqual([
      ['run_payee_payments', 10],
      ['run_payees', 10],
      ['run_results', 20],
    ]);
  });

  it('gives identical payments for the same rulebook and snapshot, and writes nothing twice on a retry', async () => {
    runner = backends[kind]();
    await runner.startWorker(jobDefinitions({ db: database.db }));
    const a = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize: 4 });
    const b = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize: 7 });
    const runA = await waitForRunEnd(database.db, a!.run.id);
    const runB = await waitForRunEnd(database.db, b!.run.id);
    expect(runB.snapshotSubmissionId).toBe(runA.snapshotSubmissionId);
    const all = (runId: number) => listRunPayments(database.db, { runId, entityIds: null, limit: 1000 });
    const paidA = await all(runA.id);
    expect(paidA).toHaveLength(10);
    expect(await all(runB.id)).toEqual(paidA);

    // A stalled job taken over by another worker: the same flow runs again over stored rows.
    const count = async (table: 'run_values' | 'run_results' | 'run_payments') =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from ${sql.table(table)} where run_id = ${runA.id}`.execute(
            database.db,
          )
        ).rows[0]?.n,
      );
    const before = [await count('run_values'), await count('run_results'), await count('run_payments')];
    // Chunks of 4 payees: 4 + 4 + 2 = 3 value documents; 10 payees x 2 measures = 20 results;
    // 10 payments x 2 lines = 20 lines.
    expect(before).toEqual([3, 20, 20]);
    await database.db.updateTable('runs').set({ status: 'running' }).where('id', '=', runA.id).execute();
    await database.db
      .updateTable('run_chunks')
      .set({ done_at: null })
      .where('run_id', '=', runA.id)
      .execute();
    const again = backends[kind]();
    try {
      await again.startWorker(jobDefinitions({ db: database.db }));
      await enqueueRun(database.db, again, { ...runA, id: runA.id });
      const rerun = await waitForRunEnd(database.db, runA.id);
      expect(rerun.totals).toEqual(runA.totals);
    } finally {
      await again.close(1_000);
    }
    expect([await count('run_values'), await count('run_results'), await count('run_payments')]).toEqual(
      before,
    );
  });

  it('a later submission changes a new run but never an earlier one', async () => {
    runner = backends[kind]();
    await runner.startWorker(jobDefinitions({ db: database.db }));
    const before = await waitForRunEnd(
      database.db,
      (await startRun(database.db, runner, SYNTHETIC_RUN))!.run.id,
    );
    // P000001 now places 9 of 10: rates 0.2..0.9 with 0.9 -> median of 0.2,0.3,...,0.8,0.9 = 0.55;
    // P000001 (0.9), P000006..P000008 meet it: met = 4 + 2 '096' = 6 again, so 48000 again, but paid to others.
    await storeSyntheticData(database.db, [{ id: 'P000001', serviceCode: '950', placed: 9 }]);
    const after = await waitForRunEnd(
      database.db,
      (await startRun(database.db, runner, SYNTHETIC_RUN))!.run.id,
    );
    expect(after.snapshotSubmissionId).toBeGreaterThan(before.snapshotSubmissionId);
    const first = (runId: number) =>
      listRunPayments(database.db, { runId, entityIds: null, entityId: 'P000001', limit: 1 });
    expect((await first(before.id))[0]?.totalCents).toBe(4500);
    expect((await first(after.id))[0]?.totalCents).toBe(5000);
    expect(after.totals?.totalCents).toBe(48000);
    const reread = await findRun(database.db, before.id);
    expect(reread?.totals).toEqual(before.totals);
  });

  it('fails with a reason, paying no one, when a chunk cannot be computed', async () => {
    runner = backends[kind]();
    const started = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize: 5 });
    // An as-of day core refuses makes every chunk fail for good.
    await database.db
      .updateTable('runs')
      .set({ as_of: 'not-a-day' })
      .where('id', '=', started!.run.id)
      .execute();
    await runner.startWorker(jobDefinitions({ db: database.db }));
    const run = await waitForRunEnd(database.db, started!.run.id);
    expect(run.status).toBe('failed');
    expect(run.reason).toContain('2 of 2 chunks');
    expect(await listRunPayments(database.db, { runId: run.id, entityIds: null, limit: 10 })).toEqual([]);
  });

  it('a cancelled run computes nothing more and stays cancelled', async () => {
    runner = backends[kind]();
    const started = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize: 2 });
    expect(await cancelRun(database.db, started!.run.id)).toBe(true);
    await runner.startWorker(jobDefinitions({ db: database.db }));
    await runner.waitForResult(started!.job, 20_000);
    const run = await findRun(database.db, started!.run.id);
    expect(run?.status).toBe('cancelled');
    expect(await listRunPayments(database.db, { runId: run!.id, entityIds: null, limit: 10 })).toEqual([]);
  });
});
