import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional()
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/**
 * Every setting Quip reads, for the API and the worker alike, validated once at start-up. The
 * README's "Scaled mode" table documents each one.
 */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    QUIP_DATA_DIR: z.string().trim().min(1).default('./.quip'),
    DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
    REDIS_URL: optionalUrl(['redis', 'rediss']),
    QUIP_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
    QUIP_ADMIN_KEY: z
      .string()
      .trim()
      .min(24, 'must be at least 24 characters')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    QUIP_DEMO: z.enum(['0', '1']).default('1'),
    QUIP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    QUIP_BODY_LIMIT_MB: z.coerce.number().positive().max(4096).default(512),
    /** Rows one bulk request may carry (payees or submissions); more is 413. */
    QUIP_MAX_ROWS_PER_REQUEST: z.coerce.number().int().min(1).default(2_000_000),
    /** Requests per minute per API key (counted in Redis when REDIS_URL is set); more is 429. */
    QUIP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Phase-1 chunk jobs (about 1,000 payees each) one process computes at once. */
    QUIP_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    /** How long a stopping process lets its running jobs finish before handing them back. */
    QUIP_WORKER_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /** Key prefix of the queues in Redis: every API and worker process must agree on it. */
    QUIP_QUEUE_PREFIX: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1 to 100 letters, digits, ".", "_" or "-"')
      .default('quip'),
    /** How long a dead worker's job stays locked before another worker takes it over. */
    QUIP_WORKER_LOCK_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  })
  .superRefine((env, issues) => {
    // A worker-only process is useful only where the API can reach it: through Redis and PostgreSQL.
    if (env.QUIP_ROLE !== 'worker') return;
    if (!env.DATABASE_URL)
      issues.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required: a separate worker shares PostgreSQL with the API',
      });
    if (!env.REDIS_URL)
      issues.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'is required: a separate worker takes its jobs from Redis',
      });
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/** Parses the environment; a bad value stops start-up with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
