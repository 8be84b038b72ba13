import { randomBytes } from 'node:crypto';
import { createRun, findRun, type QuipDatabase, seedReferenceData } from '@quip/db';
import { openTestDatabase } from '@quip/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../handlers/job-definitions.ts';
import { runChunkJob } from '../handlers/run-chunk-job.ts';
import { BullmqJobRunner } from '../runners/bullmq-runner.ts';
import {
  SYNTHETIC_RUN,
  storeSyntheticProgram,
  TEN_SYNTHETIC_PAYEES,
  TEST_JOB_CONTEXT,
  waitForRunEnd,
} from '../testing/index.ts';
import {
  MAX_RUN_RESUMES,
  recoverOrphanRuns,
  TOO_OFTEN_INTERRUPTED_REASON,
} from './recover-interrupted-runs.ts';
import { startRun } from './start-run.ts';

/** Issue 14, item 3, scaled: a worker's sweep resumes or fails the runs whose jobs were lost. */

function redisUrl(): string {
  const url = process.env.QUIP_TEST_REDIS_URL;
  if (!url) throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`');
  return url;
}

const runner = (prefix = `quip-orphan-${randomBytes(4).toString('hex')}`) =>
  new BullmqJobRunner(redisUrl(), prefix);

describe('orphan runs in scaled mode (PostgreSQL + BullMQ)', () => {
  let database: QuipDatabase;
  const runners: BullmqJobRunner[] = [];
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await seedReferenceData(database.db);
    // P000001..P000008 serve '950' with 1..8 of 10 interns placed; P000009, P000010 are '096'.
    await storeSyntheticProgram(database.db, TEN_SYNTHETIC_PAYEES);
  });
  afterAll(() => database?.close());
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.close(1_000)));
  });

  /** A run whose queue lost its jobs: running, one of its four chunks done, nothing in Redis. */
  async function orphanRun(): Promise<number> {
    const run = await createRun(database.db, { ...SYNTHETIC_RUN, chunkSize: 3 });
    await runChunkJob(database.db).handle({ runId: run!.id, chunkNo: 1 }, TEST_JOB_CONTEXT);
    return run!.id;
  }

  const resumesOf = async (id: number) =>
    (await database.db.selectFrom('runs').select('resumes').where('id', '=', id).executeTakeFirstOrThrow())
      .resumes;

  it('resumes a run whose jobs were lost, once when two workers sweep at once, to the totals of a clean run', async () => {
    const orphan = await orphanRun();
    // Two workers of one deployment: one queue prefix.
    const prefix = `quip-orphan-${randomBytes(4).toString('hex')}`;
    const [a, b] = [runner(prefix), runner(prefix)];
    runners.push(a, b);
    await a.startWorker(jobDefinitions({ db: database.db }));
    const sweeps = await Promise.all([
      recoverOrphanRuns(database.db, a, { idleSeconds: 0 }),
      recoverOrphanRuns(database.db, b, { idleSeconds: 0 }),
    ]);
    expect(sweeps.flatMap((s) => s.resumed)).toEqual([orphan]);
    expect(sweeps.flatMap((s) => s.failed)).toEqual([]);
    expect(await resumesOf(orphan)).toBe(1);
    // A clean run's totals for these ten payees (as recover-interrupted-runs.int.test.ts finds them).
    expect(await waitForRunEnd(database.db, orphan)).toMatchObject({
      status: 'succeeded',
      reason: null,
      totals: { payees: 10, totalCents: 48000, byLineKind: { base: 45000, incentive: 3000 } },
    });
  });

  it('leaves alone a run whose jobs are still queued, and a run created less than idleSeconds ago', async () => {
    const producer = runner(); // no worker: the flow stays queued
    runners.push(producer);
    const queued = await startRun(database.db, producer, { ...SYNTHETIC_RUN, chunkSize: 5 });
    expect(await recoverOrphanRuns(database.db, producer, { idleSeconds: 0 })).toEqual({
      resumed: [],
      failed: [],
    });
    await database.db
      .updateTable('runs')
      .set({ status: 'cancelled' })
      .where('id', '=', queued!.run.id)
      .execute();

    const fresh = await orphanRun();
    expect(await recoverOrphanRuns(database.db, producer, { idleSeconds: 3600 })).toEqual({
      resumed: [],
      failed: [],
    });
    expect(await findRun(database.db, fresh)).toMatchObject({ status: 'running', finishedAt: null });
    await database.db.updateTable('runs').set({ status: 'cancelled' }).where('id', '=', fresh).execute();
  });

  it(`fails a run interrupted again after ${MAX_RUN_RESUMES} resumes, with the reason`, async () => {
    const orphan = await orphanRun();
    await database.db
      .updateTable('runs')
      .set({ resumes: MAX_RUN_RESUMES })
      .where('id', '=', orphan)
      .execute();
    const sweeper = runner();
    runners.push(sweeper);
    expect(await recoverOrphanRuns(database.db, sweeper, { idleSeconds: 0 })).toEqual({
      resumed: [],
      failed: [orphan],
    });
    const run = await findRun(database.db, orphan);
    expect(run).toMatchObject({ status: 'failed', reason: TOO_OFTEN_INTERRUPTED_REASON, totals: null });
    expect(run?.reason).toBe(
      'interrupted too many times: resumed 3 times and interrupted again; start it again',
    );
    expect(run?.finishedAt).not.toBeNull();
  });
});
