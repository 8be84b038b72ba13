import { resolve } from 'node:path';
import { createDatabase, type QuipDatabase } from '@quip/db';
import {
  createJobRunner,
  type JobDefinition,
  type JobRunner,
  JobThread,
  jobDefinitions,
  recoverInterruptedRuns,
} from '@quip/jobs';
import type pino from 'pino';
import type { Env } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import { startOrphanRunSweep } from './orphan-run-sweep.ts';

export interface RuntimeOptions {
  /** The `service` field of every log line: `quip` for the API, `quip-worker` for a worker process. */
  service: string;
  /** Where log lines go (tests); standard output by default. */
  logDestination?: pino.DestinationStream;
}

/** What the API and the worker share: the database, the job runner and the logger. */
export interface Runtime {
  readonly env: Env;
  readonly logger: Logger;
  readonly database: QuipDatabase;
  readonly jobs: JobRunner;
  /** The job types this process takes when it takes jobs. */
  readonly jobDefinitions: readonly JobDefinition[];
  /**
   * Whether this process takes jobs: every role but `api`, and every role in embedded mode, where
   * no other process can reach in-process queues.
   */
  readonly takesJobs: boolean;
  /**
   * Starts taking jobs (when this process does) and ends or resumes the runs a dead process left:
   * embedded, once now; scaled, by a sweep for orphan runs every QUIP_WORKER_LOCK_MS.
   */
  startJobs(): Promise<void>;
  /** Lets running jobs finish for QUIP_WORKER_GRACE_SECONDS, hands back the rest, closes everything. */
  stop(): Promise<void>;
}

/** The one start-up of a Quip process: the API (`start-server.ts`) and the worker both begin here. */
export async function openRuntime(env: Env, options: RuntimeOptions): Promise<Runtime> {
  const logger = createLogger(env.QUIP_LOG_LEVEL, options.logDestination, options.service);
  const database = await createDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: resolve(env.QUIP_DATA_DIR),
  });
  const jobs = createJobRunner({
    redisUrl: env.REDIS_URL,
    prefix: env.QUIP_QUEUE_PREFIX,
    lockMs: env.QUIP_WORKER_LOCK_MS,
  });
  const local = jobDefinitions({ db: database.db, chunkConcurrency: env.QUIP_WORKER_CONCURRENCY });
  // Embedded, the jobs share the API's process: their computation runs on a thread of its own, so
  // that a run never holds the HTTP thread (its statements still run on this thread's database).
  // On PostgreSQL without Redis they stay here: a run's output goes by COPY on the pool's own
  // connection, which only this thread's database offers.
  const thread =
    jobs.kind === 'inline' && database.kind === 'pglite'
      ? new JobThread(database.db, { chunkConcurrency: env.QUIP_WORKER_CONCURRENCY })
      : null;
  const definitions = thread ? thread.definitions(local) : local;
  const takesJobs = env.QUIP_ROLE !== 'api' || jobs.kind === 'inline';
  if (env.QUIP_ROLE === 'api' && jobs.kind === 'inline') {
    logger.warn('QUIP_ROLE=api without REDIS_URL: jobs run in this process, as nothing else can take them');
  }

  let sweep: { stop(): Promise<void> } | null = null;
  let stopping: Promise<void> | null = null;
  return {
    env,
    logger,
    database,
    jobs,
    jobDefinitions: definitions,
    takesJobs,
    async startJobs() {
      if (!takesJobs) return;
      await jobs.startWorker(definitions);
      if (jobs.kind === 'inline') {
        // In-process queues died with the process that held them: every run still queued or running
        // was left by a dead process. Each is resumed from its stored chunks (or failed with a reason).
        const recovered = await recoverInterruptedRuns(database.db, jobs);
        if (recovered.resumed.length + recovered.failed.length > 0)
          logger.warn(recovered, 'runs interrupted when Quip last stopped: resumed or failed');
      } else {
        sweep = startOrphanRunSweep(database.db, jobs, logger, env.QUIP_WORKER_LOCK_MS);
      }
    },
    stop() {
      stopping ??= (async () => {
        await sweep?.stop();
        await jobs.close(env.QUIP_WORKER_GRACE_SECONDS * 1000);
        await thread?.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
