import { z } from 'zod';

/** A separate worker process serves the scaled mode only: it needs PostgreSQL and Redis. */
export const WorkerEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'is required: a separate worker shares PostgreSQL with the API' })
    .trim()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a URL starting with postgres://'),
  REDIS_URL: z
    .string({ error: 'is required: a separate worker takes its jobs from Redis' })
    .trim()
    .refine((v) => /^rediss?:\/\//.test(v), 'must be a URL starting with redis://'),
  QUIP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUIP_WORKER_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Key prefix of the queues in Redis: workers and the API must agree on it. */
  QUIP_QUEUE_PREFIX: z.string().trim().min(1).max(100).default('quip'),
  /** How long a dead worker's job stays locked before another worker takes it over. */
  QUIP_WORKER_LOCK_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
});

export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  const result = WorkerEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
