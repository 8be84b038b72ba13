import type { z } from 'zod';

/** What a handler sees of the job it runs. */
export interface JobContext {
  jobId: string;
  /** 1 on the first try, 2 on the first retry, ... */
  attempt: number;
  /** Aborted when the process shuts down and the job must be handed back. */
  signal: AbortSignal;
  progress(done: number, total: number): Promise<void>;
}

/**
 * A job type: its queue, the schema of its payload and the handler. Both backends run the same
 * definitions, so a job behaves the same embedded and scaled. Handlers must be idempotent: a
 * retried, stalled or duplicated job may run again and must write nothing twice.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  queue: string;
  payload: S;
  /** Parallel jobs of this kind per worker process. */
  concurrency?: number;
  handle(payload: z.output<S>, context: JobContext): Promise<R>;
}

export function defineJob<S extends z.ZodType, R>(definition: JobDefinition<S, R>): JobDefinition<S, R> {
  return definition;
}

export interface EnqueueOptions {
  /** Jobs with the same id are stored once: enqueueing it again returns the existing job. */
  jobId?: string;
  attempts?: number;
}

export interface EnqueuedJob {
  id: string;
  queue: string;
}

/** One job of a flow: its type, payload and id (ids make a replayed flow store nothing new). */
export interface FlowJob {
  definition: JobDefinition;
  payload: unknown;
  jobId: string;
}

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'unknown';

export interface JobRunner {
  readonly kind: 'inline' | 'bullmq';
  enqueue<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options?: EnqueueOptions,
  ): Promise<EnqueuedJob>;
  /**
   * Enqueues the children and a parent that runs once every child has ended, done or failed for
   * good (a failed child does not block the parent: the parent checks what its children left).
   * BullMQ: a FlowProducer flow; inline: the same order in this process.
   */
  enqueueFlow(parent: FlowJob, children: readonly FlowJob[]): Promise<EnqueuedJob>;
  /** Where a job is: waiting (for a worker or for its children), active, ended, or unknown (gone). */
  jobState(job: EnqueuedJob): Promise<JobState>;
  /** Resolves with the handler's result, or rejects with its last error, once the job has ended. */
  waitForResult(job: EnqueuedJob, timeoutMs?: number): Promise<unknown>;
  /** Starts consuming the given job types in this process. */
  startWorker(definitions: readonly JobDefinition[]): Promise<void>;
  /**
   * Stops taking new jobs and lets running ones finish for up to `graceMs`; after that running jobs
   * are handed back (BullMQ: their lock lapses and another worker takes them over) and connections close.
   */
  close(graceMs?: number): Promise<void>;
}

export class JobPayloadError extends Error {
  override readonly name = 'JobPayloadError';
}

/** Validates a payload against its schema with a message that names fields, never values. */
export function parsePayload<S extends z.ZodType>(
  definition: JobDefinition<S>,
  payload: unknown,
): z.output<S> {
  const result = definition.payload.safeParse(payload);
  if (!result.success) {
    const where = result.error.issues
      .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
      .join('; ');
    throw new JobPayloadError(`invalid payload for ${definition.queue}: ${where}`);
  }
  return result.data;
}
