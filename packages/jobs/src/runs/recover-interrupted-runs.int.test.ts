import { createRun, findRun, listRunPayments, type QuipDatabase, seedReferenceData } from '@quip/db';
import { DATABASE_KINDS, openTestDatabase } from '@quip/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../handlers/job-definitions.ts';
import { runChunkJob } from '../handlers/run-chunk-job.ts';
import { InlineJobRunner } from '../runners/inline-runner.ts';
import {
  SYNTHETIC_RUN,
  storeSyntheticProgram,
  TEN_SYNTHETIC_PAYEES,
  TEST_JOB_CONTEXT,
  waitForRunEnd,
} from '../testing/index.ts';
import { INTERRUPTED_REASON, recoverInterruptedRuns } from './recover-interrupted-runs.ts';
import { startRun } from './start-run.ts';

/** Issue 14, item 3: runs a dead process left queued or running are resumed or failed at start-up. */

describe.each(DATABASE_KINDS)('recovering interrupted runs on %s', (kind) => {
  let database: QuipDatabase;
  let runner: InlineJobRunner | null = null;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    // P000001..P000008 serve '950' with 1..8 of 10 interns placed; P000009, P000010 are '096'.
    await storeSyntheticProgram(database.db, TEN_SYNTHETIC_PAYEES);
  });
  afterAll(() => database?.close());
  afterEach(async () => {
    await runner?.close(1_000);
    runner = null;
  });

  /** A run as a killed process leaves it: running, one of its four chunks done, no job queued. */
  async function interruptedRun(): Promise<number> {
    const run = await createRun(database.db, { ...SYNTHETIC_RUN, chunkSize: 3 });
    await runChunkJob(database.db).handle({ runId: run!.id, chunkNo: 1 }, TEST_JOB_CONTEXT);
    expect(await findRun(database.db, run!.id)).toMatchObject({ status: 'running', finishedAt: null });
    return run!.id;
  }

  it('resumes an interrupted run from its stored chunks to the totals of a clean run', async () => {
    const interrupted = await interruptedRun();
    const neverQueued = (await createRun(database.db, { ...SYNTHETIC_RUN, chunkSize: 4 }))!.id;

    runner = new InlineJobRunner(10);
    await runner.startWorker(jobDefinitions({ db: database.db }));
    const recovered = await recoverInterruptedRuns(database.db, runner);
    expect(recovered).toEqual({ resumed: [interrupted, neverQueued], failed: [] });
    const clean = await startRun(database.db, runner, { ...SYNTHETIC_RUN, chunkSize: 5 });

    const ends = await Promise.all(
      [interrupted, neverQueued, clean!.run.id].map((id) => waitForRunEnd(database.db, id)),
    );
    for (const end of ends) {
      expect(end).toMatchObject({
        status: 'succeeded',
        reason: null,
        totals: { payees: 10, totalCents: 48000, byLineKind: { base: 45000, incentive: 3000 } },
      });
    }
    const paid = (runId: number) => listRunPayments(database.db, { runId, entityIds: null, limit: 1000 });
    expect(await paid(interrupted)).toEqual(await paid(clean!.run.id));
    // Nothing left to recover: a second start-up changes nothing.
    expect(await recoverInterruptedRuns(database.db, runner)).toEqual({ resumed: [], failed: [] });
  });

  it('fails interrupted runs with the reason when asked to, and leaves ended runs alone', async () => {
    const interrupted = await interruptedRun();
    const queued = (await createRun(database.db, { ...SYNTHETIC_RUN, chunkSize: 4 }))!.id;
    runner = new InlineJobRunner(10);
    const recovered = await recoverInterruptedRuns(database.db, runner, { mode: 'fail' });
    expect(recovered).toEqual({ failed: [interrupted, queued], resumed: [] });
    for (const id of [interrupted, queued]) {
      const run = await findRun(database.db, id);
      expect(run).toMatchObject({ status: 'failed', reason: INTERRUPTED_REASON, totals: null });
      expect(run?.finishedAt).not.toBeNull();
    }
    expect(await recoverInterruptedRuns(database.db, runner, { mode: 'fail' })).toEqual({
      resumed: [],
      failed: [],
    });
  });

  it('fails a run whose flow cannot be queued again', async () => {
    const interrupted = await interruptedRun();
    runner = new InlineJobRunner(10);
    await runner.close(0); // a closed runner refuses new jobs
    const recovered = await recoverInterruptedRuns(database.db, runner);
    expect(recovered).toEqual({ resumed: [], failed: [interrupted] });
    expect(await findRun(database.db, interrupted)).toMatchObject({
      status: 'failed',
      reason: INTERRUPTED_REASON,
    });
  });
});
