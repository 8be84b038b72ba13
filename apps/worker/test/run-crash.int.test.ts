import { randomBytes } from 'node:crypto';
import {
  findRun,
  listRunPayments,
  type QuipDatabase,
  type RunRecord,
  runProgress,
  seedReferenceData,
} from '@quip/db';
import { BullmqJobRunner, connectRedis, jobDefinitions, startRun } from '@quip/jobs';
import { storeSyntheticProgram, syntheticPayees } from '@quip/jobs/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchPostgresOfSuite } from './scratch-postgres.ts';
import { spawnWorker, testRedisUrl } from './spawn-worker.ts';

const PAYEES = 30_000;
const RUN = {
  fiscalYear: '2026-27',
  programId: 'dds-qip',
  asOf: '2026-11-23',
  createdBy: null,
  chunkSize: 500,
};

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ended = (db: QuipDatabase['db'], id: number) => async (): Promise<RunRecord | null> => {
  const run = await findRun(db, id);
  return run && run.status !== 'queued' && run.status !== 'running' ? run : null;
};

describe('a worker killed in the middle of a run (PostgreSQL + Redis, kill -9; issue 14, item 3)', () => {
  const scratch = scratchPostgresOfSuite();
  beforeAll(async () => {
    await seedReferenceData(scratch.db);
    await storeSyntheticProgram(scratch.db, syntheticPayees(PAYEES));
  }, 120_000);

  // The clean run: an in-process worker on its own queues.
  let cleanRun: RunRecord;
  beforeAll(async () => {
    const clean = new BullmqJobRunner(testRedisUrl(), `quip-clean-${randomBytes(4).toString('hex')}`);
    try {
      await clean.startWorker(jobDefinitions({ db: scratch.db }));
      const started = await startRun(scratch.db, clean, RUN);
      cleanRun = await waitFor('the clean run', 120_000, ended(scratch.db, started!.run.id));
    } finally {
      await clean.close(1_000);
    }
    expect(cleanRun.status).toBe('succeeded');
    expect(cleanRun.totals?.payees).toBe(PAYEES);
  }, 180_000);

  /**
   * Starts a run on a worker process, kills it (kill -9) once some chunks are done and others are
   * not, lets `afterKill` do its damage, starts another worker and checks that the run ends with
   * the clean run's totals and payments. Answers how often the run was resumed.
   */
  async function killWorkerMidRun(afterKill: (prefix: string) => Promise<void>): Promise<number> {
    const prefix = `quip-crash-${randomBytes(4).toString('hex')}`;
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: testRedisUrl(),
      QUIP_QUEUE_PREFIX: prefix,
      QUIP_WORKER_LOCK_MS: '2000',
    };
    const producer = new BullmqJobRunner(testRedisUrl(), prefix);
    const first = spawnWorker(env, 'warn');
    let second: ReturnType<typeof spawnWorker> | undefined;
    try {
      const started = await startRun(scratch.db, producer, RUN);
      const runId = started!.run.id;
      const progress = await waitFor('some chunks done', 120_000, async () => {
        const p = await runProgress(scratch.db, runId);
        return p.done > 0 && p.done < p.total ? p : null;
      });
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe(null);
      expect(progress.done).toBeLessThan(PAYEES);
      expect((await findRun(scratch.db, runId))?.status).toBe('running');
      await afterKill(prefix);

      second = spawnWorker(env, 'warn');
      const run = await waitFor('the run taken over', 120_000, ended(scratch.db, runId));
      expect(run).toMatchObject({ status: 'succeeded', reason: null });
      expect(run.totals).toEqual(cleanRun.totals);
      expect(await runProgress(scratch.db, runId)).toEqual({ done: PAYEES, total: PAYEES });
      const page = (id: number) => listRunPayments(scratch.db, { runId: id, entityIds: null, limit: 500 });
      expect(await page(runId)).toEqual(await page(cleanRun.id));
      const { resumes } = await scratch.db
        .selectFrom('runs')
        .select('resumes')
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      return resumes;
    } finally {
      first.child.kill('SIGKILL');
      second?.child.kill('SIGTERM');
      await second?.exited;
      await producer.close(1_000);
    }
  }

  it('is taken over by another worker (its jobs still queued) and ends with the totals of a clean run', async () => {
    // BullMQ hands the dead worker's job to the next one once its lock lapses: no resume needed.
    expect(await killWorkerMidRun(async () => {})).toBe(0);
  }, 240_000);

  it('is found as an orphan when the queue lost its jobs too, resumed once and ends with the totals of a clean run', async () => {
    const resumes = await killWorkerMidRun(async (prefix) => {
      // Redis loses the deployment's data, as a restart without persistence would: every key of its prefix.
      const redis = connectRedis(testRedisUrl());
      try {
        const keys = await redis.keys(`${prefix}:*`);
        expect(keys.length).toBeGreaterThan(0);
        await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    });
    expect(resumes).toBe(1);
  }, 240_000);
});
