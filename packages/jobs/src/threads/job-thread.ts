import { Worker } from 'node:worker_threads';
import type { Database } from '@quip/db';
import type { Kysely } from 'kysely';
import type { JobContext, JobDefinition } from '../job-runner.ts';
import { ThreadQueryServer } from './serve-thread-queries.ts';
import { type FromJobThread, type JobThreadData, rebuildError, type ToJobThread } from './thread-messages.ts';

const ENTRY = new URL('./job-thread-entry.mjs', import.meta.url);

interface Running {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The in-process jobs' own thread. Embedded, jobs run in the API's process; their computation (a
 * chunk's snapshot decoding and evaluation, a run's scoring, paying and result encoding) took
 * seconds at a time on the HTTP thread, and every request waited for it (`/healthz` p99 of 23 s
 * during a 20,000-payee run). Here the handlers of jobDefinitions() run on a worker thread
 * (job-thread-worker.ts) and only their statements come back to this thread, which runs them on
 * its database (serve-thread-queries.ts): the same connection lock, the same transactions, the
 * same rows, so a run stores byte for byte what it stored in-process.
 *
 * The thread starts with the first job and starts again after it fails (its jobs fail then, and
 * the runner retries them); it keeps the process alive only while a job runs on it.
 */
export class JobThread {
  private worker: Promise<Worker> | null = null;
  private readonly running = new Map<number, Running>();
  private readonly abortHeard = new WeakSet<AbortSignal>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly data: JobThreadData = {},
  ) {}

  /** The given definitions (jobDefinitions()'s, same queues) with their handlers run on the thread. */
  definitions(local: readonly JobDefinition[]): JobDefinition[] {
    return local.map((definition) => ({
      ...definition,
      handle: (payload: unknown, context: JobContext) => this.run(definition.queue, payload, context),
    }));
  }

  /** Runs a job of jobDefinitions()' type `queue` on the thread; its handler's result or error. */
  async run(queue: string, payload: unknown, context: JobContext): Promise<unknown> {
    if (this.closed) throw new Error('the job thread is closed');
    const worker = await this.start();
    if (!this.abortHeard.has(context.signal)) {
      this.abortHeard.add(context.signal);
      context.signal.addEventListener('abort', () => this.abortJobs(), { once: true });
    }
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.running.set(id, { resolve, reject });
      worker.ref();
      const job: ToJobThread = {
        kind: 'job',
        id,
        queue,
        payload,
        jobId: context.jobId,
        attempt: context.attempt,
      };
      worker.postMessage(job);
    });
  }

  /** Ends the thread (after the runner has let its jobs finish). */
  async close(): Promise<void> {
    this.closed = true;
    const worker = await this.worker?.catch(() => null);
    await worker?.terminate();
  }

  /** The runner gives up waiting (shutdown): the thread's jobs see their signal aborted. */
  private abortJobs(): void {
    const abort: ToJobThread = { kind: 'abort' };
    void this.worker?.then((worker) => worker.postMessage(abort)).catch(() => {});
  }

  private start(): Promise<Worker> {
    this.worker ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(ENTRY, { workerData: this.data, execArgv: [] });
      const server = new ThreadQueryServer(this.db, (message) => worker.postMessage(message));
      let ended = false;
      const end = (error: Error) => {
        if (ended) return;
        ended = true;
        this.worker = null;
        reject(error);
        for (const job of this.running.values()) job.reject(error);
        this.running.clear();
        void server.releaseAll();
      };
      worker.on('message', (message: FromJobThread) => {
        switch (message.kind) {
          case 'ready':
            resolve(worker);
            return;
          case 'query':
            server.query(message);
            return;
          case 'release':
            server.release(message.lease);
            return;
          case 'ended': {
            const job = this.running.get(message.id);
            this.running.delete(message.id);
            if (this.running.size === 0) worker.unref();
            if (message.ok) job?.resolve(message.value);
            else job?.reject(rebuildError(message.error));
          }
        }
      });
      worker.on('error', (error) => end(new Error('the job thread failed', { cause: error })));
      worker.on('exit', (code) => end(new Error(`the job thread ended (exit code ${code})`)));
    });
    return this.worker;
  }
}
