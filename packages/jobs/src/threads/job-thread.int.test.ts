import { monitorEventLoopDelay } from 'node:perf_hooks';
import { listRunPayments, type QuipDatabase, type RunRecord, seedReferenceData } from '@quip/db';
import { openTestDatabase } from '@quip/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../handlers/job-definitions.ts';
import type { JobDefinition } from '../job-runner.ts';
import { InlineJobRunner } from '../runners/inline-runner.ts';
import { startRun } from '../runs/start-run.ts';
import {
  SYNTHETIC_RUN,
  type SyntheticPayee,
  storeSyntheticProgram,
  syntheticPayees,
  TEN_SYNTHETIC_PAYEES,
  TEST_JOB_CONTEXT,
  waitForRunEnd,
} from '../testing/index.ts';
import { JobThread } from './job-thread.ts';

/** An embedded database holding the synthetic program with these payees. */
async function openSyntheticProgram(payees: readonly SyntheticPayee[]): Promise<QuipDatabase> {
  const database = await openTestDatabase('pglite');
  await seedReferenceData(database.db);
  await storeSyntheticProgram(database.db, payees);
  return database;
}

/** Runs the synthetic program once with the given handlers; the run as it ended. */
async function runWith(
  database: QuipDatabase,
  definitions: readonly JobDefinition[],
  chunkSize: number,
): Promise<RunRecord> {
  const runner = new InlineJobRunner(10);
  try {
    await runner.startWorker(definitions);
    const started = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize });
    return await waitForRunEnd(database.db, started!.run.id, 120_000);
  } finally {
    await runner.close(1_000);
  }
}

/** Everything a run stored, as text, without the run's id: equal text is byte-identical output. */
async function storedOutput(database: QuipDatabase, runId: number) {
  const { rows: results } = await sql<{ line: string }>`
    select concat_ws('|', entity_id, measure, status, value, target, met, points, result::text) as line
    from run_results where run_id = ${runId} order by entity_id, measure`.execute(database.db);
  const { rows: lines } = await sql<{ line: string }>`
    select concat_ws('|', entity_id, line_no, kind, amount_cents, line::text) as line
    from run_payments where run_id = ${runId} order by entity_id, line_no`.execute(database.db);
  const payments = await listRunPayments(database.db, { runId, entityIds: null, limit: 100_000 });
  return { results: results.map((r) => r.line), lines: lines.map((r) => r.line), payments };
}

describe('the job thread: embedded jobs computed off the HTTP thread', () => {
  let database: QuipDatabase;
  let thread: JobThread;
  beforeAll(async () => {
    // P000001..P000008 serve '950' with 1..8 of 10 interns placed; P000009, P000010 are '096'.
    database = await openSyntheticProgram(TEN_SYNTHETIC_PAYEES);
  });
  afterAll(() => database?.close());
  afterEach(() => thread?.close());

  it('scores and pays a run as the in-process handlers do, byte for byte', async () => {
    thread = new JobThread(database.db);
    const local = jobDefinitions({ db: database.db });
    const threaded = await runWith(database, thread.definitions(local), 3);
    // cie rates 0.1 .. 0.8 over the eight '950' payees; median 0.45, so P000005..P000008 meet it.
    // Met everything: 4 '950' + 2 '096' (survey only) = 6 payees x (4500 base + 500 incentive) = 30000.
    // Not met: 4 x 4500 = 18000. Total 48000; base 10 x 4500 = 45000; incentive 6 x 500 = 3000.
    expect(threaded).toMatchObject({
      status: 'succeeded',
      totals: { payees: 10, totalCents: 48000, byLineKind: { base: 45000, incentive: 3000 } },
    });
    const inProcess = await runWith(database, local, 3);
    expect(inProcess.totals).toEqual(threaded.totals);
    const output = await storedOutput(database, threaded.id);
    // 10 payees x 2 measures; 10 payees x 2 lines (base and incentive, 0 when not met).
    expect([output.results.length, output.lines.length, output.payments.length]).toEqual([20, 20, 10]);
    expect(output).toEqual(await storedOutput(database, inProcess.id));
  });

  it("hands a handler's error back with its class, code and message, and the run fails with the reason", async () => {
    thread = new JobThread(database.db);
    const runner = new InlineJobRunner(10);
    try {
      const started = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize: 5 });
      const runId = started!.run.id;
      // An as-of day core refuses (RulebookError 'as-of-invalid'): every chunk fails for good.
      await sql`update runs set as_of = 'not-a-day' where id = ${runId}`.execute(database.db);
      await expect(
        thread.run('quip-run-chunk', { runId, chunkNo: 0 }, TEST_JOB_CONTEXT),
      ).rejects.toMatchObject({
        name: 'RulebookError',
        code: 'as-of-invalid',
        message: 'asOf must be a day written YYYY-MM-DD, got not-a-day',
      });
      await runner.startWorker(thread.definitions(jobDefinitions({ db: database.db })));
      const run = await waitForRunEnd(database.db, runId);
      // 10 payees in chunks of 5: 2 chunks, neither computed.
      expect(run).toMatchObject({ status: 'failed', totals: null });
      expect(run.reason).toContain('2 of 2 chunks');
    } finally {
      await runner.close(1_000);
    }
  });
});

describe('the job thread keeps the event loop free during a recompute', () => {
  // Enough payees that the in-process handlers hold the event loop for seconds on a loaded machine.
  const PAYEES = 10_000;
  let database: QuipDatabase;
  let thread: JobThread;
  beforeAll(async () => {
    database = await openSyntheticProgram(syntheticPayees(PAYEES));
  }, 180_000);
  afterAll(() => database?.close());
  afterEach(() => thread?.close());

  it('answers timers within 250 ms throughout a 10,000-payee run and stores what the in-process run stores', async () => {
    const local = jobDefinitions({ db: database.db });
    const delays = monitorEventLoopDelay({ resolution: 10 });
    delays.enable();
    const inProcess = await runWith(database, local, 1000);
    delays.disable();
    const inProcessMaxMs = delays.max / 1e6;

    thread = new JobThread(database.db);
    delays.reset();
    delays.enable();
    const threaded = await runWith(database, thread.definitions(local), 1000);
    delays.disable();
    const threadedMaxMs = delays.max / 1e6;
    console.info(
      `event loop delay max: in-process ${inProcessMaxMs.toFixed(0)} ms, job thread ${threadedMaxMs.toFixed(0)} ms`,
    );

    expect(threaded.status).toBe('succeeded');
    expect(threaded.totals).toEqual(inProcess.totals);
    expect(threaded.totals?.payees).toBe(PAYEES);
    expect(await storedOutput(database, threaded.id)).toEqual(await storedOutput(database, inProcess.id));
    expect(threadedMaxMs).toBeLessThan(250);
  }, 300_000);
});
