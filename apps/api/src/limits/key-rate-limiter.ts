import { connectRedis } from '@quip/jobs';
import type { MiddlewareHandler } from 'hono';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { AppEnv } from '../http/app-env.ts';
import { Problem, problemResponse } from '../http/problem.ts';

/** Requests per minute per API key, counted in memory, or in Redis so every API process shares one count. */
export interface KeyRateLimiter {
  readonly perMinute: number;
  readonly store: 'memory' | 'redis';
  readonly limiter: RateLimiterAbstract;
  /** Resolves once the shared store answers (until then each process counts on its own). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createKeyRateLimiter(options: {
  perMinute: number;
  redisUrl?: string;
  /** What is counted, so two limiters never share counts: 'rate' (requests per key) by default. */
  name?: string;
}): KeyRateLimiter {
  const name = options.name ?? 'rate';
  const memory = new RateLimiterMemory({
    points: options.perMinute,
    duration: 60,
    keyPrefix: `quip-${name}`,
  });
  if (!options.redisUrl) {
    return {
      perMinute: options.perMinute,
      store: 'memory',
      limiter: memory,
      ready: async () => {},
      close: async () => {},
    };
  }
  const redis = connectRedis(options.redisUrl);
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    points: options.perMinute,
    duration: 60,
    keyPrefix: `quip:${name}`,
    // While Redis is unreachable each process counts on its own instead of holding requests.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return {
    perMinute: options.perMinute,
    store: 'redis',
    limiter,
    ready: () =>
      redis.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => redis.once('ready', resolve)),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** After `authenticate`: counts the request against its key; over the limit is 429 with Retry-After. */
export function rateLimitPerKey(rate: KeyRateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      const state = await rate.limiter.consume(c.get('principal').keyId);
      c.header('RateLimit-Limit', String(rate.perMinute));
      c.header('RateLimit-Remaining', String(state.remainingPoints));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      c.header('Retry-After', String(seconds));
      c.header('RateLimit-Limit', String(rate.perMinute));
      c.header('RateLimit-Remaining', '0');
      return problemResponse(
        c,
        new Problem(
          429,
          'too-many-requests',
          'Too many requests',
          `This API key may send ${rate.perMinute} requests a minute; retry in ${seconds} s.`,
        ),
      );
    }
    await next();
  };
}
