import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgresDatabase } from '@quip/db/testing';
import { BullmqJobRunner, connectRedis, defineJob, pingJob } from '@quip/jobs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from './env.ts';
import { openRuntime, type Runtime } from './open-runtime.ts';

/** Issue 13, item 3: the API's runtime and the worker's are one, and both honour the runner settings. */

function redisUrl(): string {
  const url = process.env.QUIP_TEST_REDIS_URL;
  if (!url) throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`');
  return url;
}

const chunkConcurrency = (runtime: Runtime) =>
  runtime.jobDefinitions.find((d) => d.queue === 'quip-run-chunk')?.concurrency;

describe('the runtime the API and the worker share', () => {
  let runtime: Runtime | null = null;
  let dataDir: string;
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'quip-runtime-'));
    scratch = await createScratchPostgresDatabase();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  });
  afterEach(async () => {
    await runtime?.stop();
    runtime = null;
  });

  it('embedded: runs jobs in this process, QUIP_WORKER_CONCURRENCY chunk jobs at once', async () => {
    const env = parseEnv({ QUIP_DATA_DIR: dataDir, QUIP_WORKER_CONCURRENCY: '3', QUIP_LOG_LEVEL: 'silent' });
    runtime = await openRuntime(env, { service: 'quip' });
    expect(runtime.jobs.kind).toBe('inline');
    expect(runtime.database.kind).toBe('pglite');
    expect(runtime.takesJobs).toBe(true);
    expect(chunkConcurrency(runtime)).toBe(3);
    await runtime.startJobs();
    const job = await runtime.jobs.enqueue(pingJob(runtime.database.db), { key: 'embedded' });
    expect(await runtime.jobs.waitForResult(job, 10_000)).toEqual({ key: 'embedded', firstRun: true });
  }, 120_000); // an embedded database on disk migrates from nothing: slow on a busy machine

  it('scaled (QUIP_ROLE=all, as the API runs it): takes jobs under QUIP_QUEUE_PREFIX with the QUIP_WORKER_LOCK_MS lock', async () => {
    const prefix = `quip-runtime-${randomBytes(4).toString('hex')}`;
    const env = parseEnv({
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl(),
      QUIP_QUEUE_PREFIX: prefix,
      QUIP_WORKER_LOCK_MS: '1500',
      QUIP_WORKER_CONCURRENCY: '5',
      QUIP_LOG_LEVEL: 'silent',
    });
    runtime = await openRuntime(env, { service: 'quip' });
    expect(runtime.jobs.kind).toBe('bullmq');
    expect(runtime.takesJobs).toBe(true);
    expect(chunkConcurrency(runtime)).toBe(5);
    await runtime.startJobs();

    // A producer elsewhere on the same prefix: the runtime takes its job.
    const producer = new BullmqJobRunner(redisUrl(), prefix);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const ping = pingJob(runtime.database.db);
      const job = await producer.enqueue(ping, { key: 'scaled' });
      expect(await producer.waitForResult(job, 20_000)).toEqual({ key: 'scaled', firstRun: true });

      // While the runtime's runner works on a job, the job's lock in Redis lasts QUIP_WORKER_LOCK_MS.
      let started = () => {};
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      const hold = defineJob({
        queue: 'quip-test-hold',
        payload: z.object({}),
        async handle() {
          started();
          await held;
          return 'released';
        },
      });
      await runtime.jobs.startWorker([hold]);
      const holding = await producer.enqueue(hold, {}, { jobId: 'hold-1' });
      await running;
      const redis = connectRedis(redisUrl());
      const lockMs = await redis
        .pttl(`${prefix}:quip-test-hold:hold-1:lock`)
        .finally(() => redis.disconnect());
      expect(lockMs).toBeGreaterThan(0);
      expect(lockMs).toBeLessThanOrEqual(1500);
      release();
      expect(await producer.waitForResult(holding, 10_000)).toBe('released');
    } finally {
      release();
      await producer.close(1_000);
    }
  });

  it('scaled QUIP_ROLE=api: queues jobs for the workers and takes none itself', async () => {
    const env = parseEnv({
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl(),
      QUIP_ROLE: 'api',
      QUIP_QUEUE_PREFIX: `quip-runtime-${randomBytes(4).toString('hex')}`,
      QUIP_LOG_LEVEL: 'silent',
    });
    runtime = await openRuntime(env, { service: 'quip' });
    expect(runtime.takesJobs).toBe(false);
    await runtime.startJobs();
    const job = await runtime.jobs.enqueue(pingJob(runtime.database.db), { key: 'api-only' });
    await expect(runtime.jobs.waitForResult(job, 1_000)).rejects.toThrow();
  });
});
