import { type Env, openRuntime } from '@quip/runtime';

/** A worker process: takes every Quip job type from Redis until told to stop. */
export async function startWorker(env: Env) {
  const runtime = await openRuntime(env, { service: 'quip-worker' });
  await runtime.startJobs();
  runtime.logger.info(
    { pid: process.pid, queuePrefix: env.QUIP_QUEUE_PREFIX, concurrency: env.QUIP_WORKER_CONCURRENCY },
    'Quip worker is taking jobs',
  );
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        await runtime.stop();
        runtime.logger.info('Quip worker stopped');
      })();
      return stopping;
    },
  };
}
