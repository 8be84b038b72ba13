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

interface InlineJob {
  id: string;
  definition: JobDefinition;
  payload: unknown;
  attempts: number;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  result: Promise<unknown>;
  settle: { resolve(value: unknown): void; reject(error: unknown): void };
}

let sequence = 0;

/**
 * The embedded backend: jobs run in this process through the same definitions BullMQ runs.
 * Jobs enqueued before `startWorker` wait for it, as they would wait for a worker in Redis, and
 * run through the definition `startWorker` was given for their queue, as a BullMQ worker's: the
 * enqueuer's copy names the queue and checks the payload (a runtime may run handlers elsewhere,
 * threads/job-thread.ts).
 */
export class InlineJobRunner implements JobRunner {
  readonly kind = 'inline' as const;
  private readonly jobs = new Map<string, InlineJob>();
  private readonly waiting: InlineJob[] = [];
  private readonly active = new Map<string, number>();
  private readonly running = new Set<Promise<unknown>>();
  /** The definition whose handler runs each queue's jobs: the one startWorker was given, as in BullMQ. */
  private readonly workingOn = new Map<string, JobDefinition>();
  private readonly abort = new AbortController();
  private closed = false;

  constructor(private readonly retryDelayMs = 200) {}

  async enqueue<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<EnqueuedJob> {
    const job = this.register(definition as JobDefinition, payload, options);
    if (job) {
      this.waiting.push(job);
      this.pump();
    }
    return { id: options.jobId ?? job?.id ?? '', queue: definition.queue };
  }

  async enqueueFlow(parent: FlowJob, children: readonly FlowJob[]): Promise<EnqueuedJob> {
    const held = this.register(parent.definition, parent.payload, { jobId: parent.jobId });
    const ended = Promise.allSettled(
      children.map(async (child) => {
        const enqueued = await this.enqueue(child.definition, child.payload as never, { jobId: child.jobId });
        return this.jobs.get(`${enqueued.queue}:${enqueued.id}`)?.result;
      }),
    );
    if (held) {
      // The parent waits for every child to end, as a BullMQ parent waits in waiting-children.
      void ended.then(() => {
        if (this.closed) return;
        this.waiting.push(held);
        this.pump();
      });
    }
    return { id: parent.jobId, queue: parent.definition.queue };
  }

  /** Stores a new job (not yet waiting); null when a job with this id exists already. */
  private register(definition: JobDefinition, payload: unknown, options: EnqueueOptions): InlineJob | null {
    if (this.closed) throw new Error('the job runner is closed');
    parsePayload(definition, payload);
    const id = options.jobId ?? `inline-${++sequence}`;
    if (this.jobs.has(`${definition.queue}:${id}`)) return null;
    let settle!: InlineJob['settle'];
    const result = new Promise<unknown>((resolve, reject) => {
      settle = { resolve, reject };
    });
    result.catch(() => {}); // observed through waitForResult; an unobserved failure is not a crash
    const job: InlineJob = {
      id,
      definition,
      payload,
      attempts: options.attempts ?? 3,
      state: 'waiting',
      result,
      settle,
    };
    this.jobs.set(`${definition.queue}:${id}`, job);
    return job;
  }

  async jobState(job: EnqueuedJob): Promise<JobState> {
    return this.jobs.get(`${job.queue}:${job.id}`)?.state ?? 'unknown';
  }

  async waitForResult(job: EnqueuedJob, timeoutMs = 60_000): Promise<unknown> {
    const found = this.jobs.get(`${job.queue}:${job.id}`);
    if (!found) throw new Error(`unknown job ${job.queue}:${job.id}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`job ${job.id} did not finish in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([found.result, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async startWorker(definitions: readonly JobDefinition[]): Promise<void> {
    for (const definition of definitions) this.workingOn.set(definition.queue, definition);
    this.pump();
  }

  async close(graceMs = 30_000): Promise<void> {
    this.closed = true;
    this.workingOn.clear();
    const drained = Promise.allSettled([...this.running]);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([drained, deadline]);
    clearTimeout(timer);
    this.abort.abort();
    await drained;
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const job = this.waiting[i]!;
      const queue = job.definition.queue;
      const busy = this.active.get(queue) ?? 0;
      const handler = this.workingOn.get(queue);
      if (!handler || busy >= (handler.concurrency ?? 1)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.active.set(queue, busy + 1);
      const run = this.run(job, handler).finally(() => {
        this.running.delete(run);
        this.active.set(queue, (this.active.get(queue) ?? 1) - 1);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: InlineJob, handler: JobDefinition): Promise<void> {
    job.state = 'active';
    for (let attempt = 1; ; attempt++) {
      try {
        const payload = parsePayload(handler, job.payload);
        const value = await handler.handle(payload, {
          jobId: job.id,
          attempt,
          signal: this.abort.signal,
          progress: async () => {},
        });
        job.state = 'completed';
        job.settle.resolve(value);
        return;
      } catch (error) {
        if (attempt >= job.attempts || this.abort.signal.aborted) {
          job.state = 'failed';
          job.settle.reject(error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
      }
    }
  }
}
