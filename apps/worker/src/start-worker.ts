import { createDatabase } from '@quip/db';
import { BullmqJobRunner, jobDefinitions } from '@quip/jobs';
import pino from 'pino';
import type { WorkerEnv } from './env.ts';

/** A worker process: takes every Quip job type from Redis until told to stop. */
export async function startWorker(env: WorkerEnv) {
  const logger = pino({
    level: env.QUIP_LOG_LEVEL,
    base: { service: 'quip-worker' },
    redact: ['*.data', '*.key'],
  });
  const database = await createDatabase({ databaseUrl: env.DATABASE_URL });
  const jobs = new BullmqJobRunner(env.REDIS_URL, env.QUIP_QUEUE_PREFIX, {
    lockDuration: env.QUIP_WORKER_LOCK_MS,
    stalledInterval: Math.max(250, Math.floor(env.QUIP_WORKER_LOCK_MS / 2)),
  });
  await jobs.startWorker(jobDefinitions({ db: database.db }));
  logger.info({ pid: process.pid }, 'Quip worker is taking jobs');
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        await jobs.close(env.QUIP_WORKER_GRACE_SECONDS * 1000);
        await database.close();
        logger.info('Quip worker stopped');
      })();
      return stopping;
    },
  };
}
