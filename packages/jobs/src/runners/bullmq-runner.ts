import { FlowProducer, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import {
  type EnqueuedJob,
  type EnqueueOptions,
  type FlowJob,
  type JobDefinition,
  type JobRunner,
  type JobState,
  parsePayload,
} from '../job-runner.ts';

/** BullMQ requires `maxRetriesPerRequest: null` on the connections its workers block on. */
export function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

/** How fast a dead worker's job is taken over; tests shorten these. */
export interface BullmqLockOptions {
  /** A worker that dies loses its lock after this long (ms). */
  lockDuration?: number;
  /** How often workers look for stalled jobs (ms). */
  stalledInterval?: number;
}

const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * The scaled backend: jobs go through Redis, and any number of worker processes on any machine take
 * them. Completed jobs are kept for a day so replays by jobId find them instead of running again.
 */
export class BullmqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly events = new Map<string, QueueEvents>();
  private readonly workers: Worker[] = [];
  private readonly abort = new AbortController();
  private flows: FlowProducer | null = null;

  constructor(
    private readonly redisUrl: string,
    /** Key prefix of the queues in Redis: every producer and worker of a deployment shares it. */
    readonly prefix = 'quip',
    readonly locks: BullmqLockOptions = {},
  ) {
    this.connection = connectRedis(redisUrl);
  }

  /** The BullMQ queue behind a job type (for the queue dashboard). */
  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<EnqueuedJob> {
    parsePayload(definition, payload);
    const job = await this.queue(definition.queue).add(definition.queue, payload, {
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.attempts ? { attempts: options.attempts } : {}),
    });
    if (!job.id) throw new Error(`BullMQ gave no id for a ${definition.queue} job`);
    return { id: job.id, queue: definition.queue };
  }

  async enqueueFlow(parent: FlowJob, children: readonly FlowJob[]): Promise<EnqueuedJob> {
    parsePayload(parent.definition, parent.payload);
    for (const child of children) parsePayload(child.definition, child.payload);
    this.flows ??= new FlowProducer({ connection: this.connection, prefix: this.prefix });
    const node = await this.flows.add({
      name: parent.definition.queue,
      queueName: parent.definition.queue,
      data: parent.payload,
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: parent.jobId },
      children: children.map((child) => ({
        name: child.definition.queue,
        queueName: child.definition.queue,
        data: child.payload,
        // A child that fails for good still lets the parent run: it finds the gap and fails the run.
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: child.jobId, ignoreDependencyOnFailure: true },
      })),
    });
    return { id: node.job.id ?? parent.jobId, queue: parent.definition.queue };
  }

  async jobState(job: EnqueuedJob): Promise<JobState> {
    const state = await this.queue(job.queue).getJobState(job.id);
    if (state === 'active' || state === 'completed' || state === 'failed' || state === 'unknown')
      return state;
    return 'waiting'; // waiting, delayed, prioritized, or waiting for its children
  }

  async waitForResult(enqueued: EnqueuedJob, timeoutMs = 60_000): Promise<unknown> {
    let events = this.events.get(enqueued.queue);
    if (!events) {
      events = new QueueEvents(enqueued.queue, {
        connection: connectRedis(this.redisUrl),
        prefix: this.prefix,
      });
      this.events.set(enqueued.queue, events);
      await events.waitUntilReady();
    }
    const job = await this.queue(enqueued.queue).getJob(enqueued.id);
    if (!job) throw new Error(`unknown job ${enqueued.queue}:${enqueued.id}`);
    return job.waitUntilFinished(events, timeoutMs);
  }

  async startWorker(definitions: readonly JobDefinition[]): Promise<void> {
    for (const definition of definitions) {
      const worker = new Worker(
        definition.queue,
        async (job) => {
          const payload = parsePayload(definition, job.data);
          return definition.handle(payload, {
            jobId: job.id ?? '',
            attempt: job.attemptsMade + 1,
            signal: this.abort.signal,
            progress: (done, total) => job.updateProgress({ done, total }),
          });
        },
        {
          connection: connectRedis(this.redisUrl),
          prefix: this.prefix,
          concurrency: definition.concurrency ?? 1,
          // A worker that dies loses its lock after this long; another worker then takes the job over.
          lockDuration: this.locks.lockDuration ?? 30_000,
          stalledInterval: this.locks.stalledInterval ?? 15_000,
          maxStalledCount: 2,
        },
      );
      worker.on('error', () => {}); // connection errors are retried by ioredis; keep the process alive
      this.workers.push(worker);
      await worker.waitUntilReady();
    }
  }

  async close(graceMs = 30_000): Promise<void> {
    const closing = Promise.all(this.workers.map((w) => w.close()));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    if ((await Promise.race([closing, deadline])) === 'late') {
      // Hand the running jobs back: handlers see the abort, and their locks lapse for another worker.
      this.abort.abort();
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    clearTimeout(timer);
    await Promise.all([...this.events.values()].map((e) => e.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.flows?.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
