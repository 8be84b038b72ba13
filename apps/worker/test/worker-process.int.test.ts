import { randomBytes } from 'node:crypto';
import { BullmqJobRunner, pingJob } from '@quip/jobs';
import { describe, expect, it } from 'vitest';
import { scratchPostgresOfSuite } from './scratch-postgres.ts';
import { spawnWorker, testRedisUrl } from './spawn-worker.ts';

describe('the worker process (pnpm worker)', () => {
  const scratch = scratchPostgresOfSuite();

  it('refuses to start without DATABASE_URL and REDIS_URL and names them', async () => {
    const worker = spawnWorker({}, 'info');
    expect(await worker.exited).toBe(2);
    expect(worker.output()).toContain('DATABASE_URL');
    expect(worker.output()).toContain('REDIS_URL');
  });

  it('stops on a malformed QUIP_WORKER_LOCK_MS with the environment schema the API uses', async () => {
    const worker = spawnWorker(
      {
        DATABASE_URL: scratch.url,
        REDIS_URL: 'redis://127.0.0.1:1',
        QUIP_WORKER_LOCK_MS: 'soon',
        QUIP_WORKER_CONCURRENCY: '0',
      },
      'info',
    );
    expect(await worker.exited).toBe(2);
    expect(worker.output()).toContain('QUIP_WORKER_LOCK_MS');
    expect(worker.output()).toContain('QUIP_WORKER_CONCURRENCY');
  });

  it('takes a job enqueued elsewhere from Redis and stops cleanly on SIGTERM', async () => {
    const redisUrl = testRedisUrl();
    // Its own queue prefix: the worker takes the job only if it honours QUIP_QUEUE_PREFIX.
    const prefix = `quip-worker-${randomBytes(4).toString('hex')}`;
    const worker = spawnWorker(
      { DATABASE_URL: scratch.url, REDIS_URL: redisUrl, QUIP_QUEUE_PREFIX: prefix },
      'info',
    );
    const producer = new BullmqJobRunner(redisUrl, prefix);
    try {
      const job = await producer.enqueue(pingJob(scratch.db), { key: `worker-process-${process.pid}` });
      expect(await producer.waitForResult(job, 30_000)).toEqual({
        key: `worker-process-${process.pid}`,
        firstRun: true,
      });
      const rows = await scratch.db.selectFrom('job_ledger').select('job_key').execute();
      expect(rows.map((r) => r.job_key)).toContain(`ping:worker-process-${process.pid}`);
    } finally {
      await producer.close(1_000);
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('Quip worker stopped');
  });
});
