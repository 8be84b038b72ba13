import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDatabase, type QuipDatabase } from '@quip/db';
import { createScratchPostgresDatabase } from '@quip/db/testing';
import { BullmqJobRunner, pingJob } from '@quip/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

function runWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', QUIP_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => {
    output += c;
  });
  child.stderr.on('data', (c) => {
    output += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

describe('the worker process (pnpm worker)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;
  let database: QuipDatabase;
  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase();
    database = await createDatabase({ databaseUrl: scratch.url });
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it('refuses to start without DATABASE_URL and REDIS_URL and names them', async () => {
    const worker = runWorker({});
    expect(await worker.exited).toBe(2);
    expect(worker.output()).toContain('DATABASE_URL');
    expect(worker.output()).toContain('REDIS_URL');
  });

  it('stops on a malformed QUIP_WORKER_LOCK_MS with the environment schema the API uses', async () => {
    const worker = runWorker({
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:1',
      QUIP_WORKER_LOCK_MS: 'soon',
      QUIP_WORKER_CONCURRENCY: '0',
    });
    expect(await worker.exited).toBe(2);
    expect(worker.output()).toContain('QUIP_WORKER_LOCK_MS');
    expect(worker.output()).toContain('QUIP_WORKER_CONCURRENCY');
  });

  it('takes a job enqueued elsewhere from Redis and stops cleanly on SIGTERM', async () => {
    const redisUrl = process.env.QUIP_TEST_REDIS_URL;
    if (!redisUrl) throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`');
    // Its own queue prefix: the worker takes the job only if it honours QUIP_QUEUE_PREFIX.
    const prefix = `quip-worker-${randomBytes(4).toString('hex')}`;
    const worker = runWorker({ DATABASE_URL: scratch.url, REDIS_URL: redisUrl, QUIP_QUEUE_PREFIX: prefix });
    const producer = new BullmqJobRunner(redisUrl, prefix);
    try {
      const job = await producer.enqueue(pingJob(database.db), { key: `worker-process-${process.pid}` });
      expect(await producer.waitForResult(job, 30_000)).toEqual({
        key: `worker-process-${process.pid}`,
        firstRun: true,
      });
      const rows = await database.db.selectFrom('job_ledger').select('job_key').execute();
      expect(rows.map((r) => r.job_key)).toContain(`ping:worker-process-${process.pid}`);
    } finally {
      await producer.close(1_000);
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('Quip worker stopped');
  });
});
