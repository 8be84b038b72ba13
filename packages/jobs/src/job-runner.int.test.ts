import { randomBytes } from 'node:crypto';
import type { QuipDatabase } from '@quip/db';
import { openTestDatabase } from '@quip/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pingJob } from './handlers/ping-job.ts';
import { defineJob, JobPayloadError, type JobRunner } from './job-runner.ts';
import { BullmqJobRunner } from './runners/bullmq-runner.ts';
import { InlineJobRunner } from './runners/inline-runner.ts';

function redisUrl(): string {
  const url = process.env.QUIP_TEST_REDIS_URL;
  if (!url)
    throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`, which starts Redis');
  return url;
}

const backends: Record<'inline' | 'bullmq', () => JobRunner> = {
  inline: () => new InlineJobRunner(10),
  // A fresh key prefix per runner keeps test runs apart on the shared Redis.
  bullmq: () => new BullmqJobRunner(redisUrl(), `quip-test-${randomBytes(4).toString('hex')}`),
};

describe.each(['inline', 'bullmq'] as const)('job runner: %s', (kind) => {
  let database: QuipDatabase;
  let runner: JobRunner;
  beforeAll(async () => {
    database = await openTestDatabase(kind === 'bullmq' ? 'postgres' : 'pglite');
  });
  afterAll(() => database?.close());
  afterEach(() => runner?.close(1_000));

  it('runs a job round trip through the handler into the database', async () => {
    runner = backends[kind]();
    const ping = pingJob(database.db);
    await runner.startWorker([ping]);
    const job = await runner.enqueue(ping, { key: `round-trip-${kind}` }, { jobId: `a-${kind}` });
    expect(await runner.waitForResult(job, 20_000)).toEqual({ key: `round-trip-${kind}`, firstRun: true });
    const rows = await database.db
      .selectFrom('job_ledger')
      .select('job_key')
      .where('job_key', '=', `ping:round-trip-${kind}`)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('stores a job id once and writes nothing twice when the same work runs again', async () => {
    runner = backends[kind]();
    const ping = pingJob(database.db);
    await runner.startWorker([ping]);
    const first = await runner.enqueue(ping, { key: `twice-${kind}` }, { jobId: `same-${kind}` });
    const replay = await runner.enqueue(ping, { key: `twice-${kind}` }, { jobId: `same-${kind}` });
    expect(replay.id).toBe(first.id);
    await runner.waitForResult(first, 20_000);
    // A different job doing the same work (a retry after a crash) finds the work already done.
    const again = await runner.enqueue(ping, { key: `twice-${kind}` }, { jobId: `other-${kind}` });
    expect(await runner.waitForResult(again, 20_000)).toEqual({ key: `twice-${kind}`, firstRun: false });
    const rows = await database.db
      .selectFrom('job_ledger')
      .select('job_key')
      .where('job_key', '=', `ping:twice-${kind}`)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses an invalid payload before it reaches a queue', async () => {
    runner = backends[kind]();
    await expect(runner.enqueue(pingJob(database.db), { key: '' })).rejects.toBeInstanceOf(JobPayloadError);
  });

  it('retries a failing handler and reports its last error when attempts run out', async () => {
    runner = backends[kind]();
    let calls = 0;
    const flaky = defineJob({
      queue: 'quip-test-flaky',
      payload: z.object({ failTimes: z.number() }),
      async handle(payload, context) {
        calls++;
        if (context.attempt <= payload.failTimes) throw new Error(`failure ${context.attempt}`);
        return { attempt: context.attempt };
      },
    });
    await runner.startWorker([flaky]);
    const recovers = await runner.enqueue(flaky, { failTimes: 2 }, { attempts: 3 });
    expect(await runner.waitForResult(recovers, 20_000)).toEqual({ attempt: 3 });
    const fails = await runner.enqueue(flaky, { failTimes: 5 }, { attempts: 2 });
    await expect(runner.waitForResult(fails, 20_000)).rejects.toThrow('failure 2');
    expect(calls).toBe(3 + 2);
  });

  it('lets a running job finish when the runner shuts down', async () => {
    runner = backends[kind]();
    let finished = false;
    const slow = defineJob({
      queue: 'quip-test-slow',
      payload: z.object({}),
      async handle() {
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
        return 'done';
      },
    });
    await runner.startWorker([slow]);
    const job = await runner.enqueue(slow, {});
    const result = runner.waitForResult(job, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the job is running now
    await runner.close(10_000);
    expect(finished).toBe(true);
    if (kind === 'inline') expect(await result).toBe('done');
    else await result.catch(() => {}); // the events connection closed with the runner
  });
});
