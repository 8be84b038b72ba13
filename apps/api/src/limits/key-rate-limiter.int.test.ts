import { DATABASE_KINDS } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuipApp } from '../app.ts';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';
import { createKeyRateLimiter, type KeyRateLimiter } from './key-rate-limiter.ts';

describe.each(DATABASE_KINDS)('rate limit per API key on %s', (kind) => {
  let t: TestApp;
  const limiters: KeyRateLimiter[] = [];
  const appWith = (limiter: KeyRateLimiter): QuipApp => {
    limiters.push(limiter);
    return t.appWith({ rateLimiter: limiter });
  };
  const newKey = () => t.keyFor('analyst');
  const call = (app: QuipApp, key: string) => app.request('/api/v1/fiscal-years', { headers: bearer(key) });

  beforeAll(async () => {
    t = await openTestApp(kind);
  });
  afterAll(async () => {
    for (const limiter of limiters) await limiter.close();
    await t?.close();
  });

  it('answers the request over the limit with 429 problem+json and Retry-After, per key', async () => {
    const app = appWith(createKeyRateLimiter({ perMinute: 3 }));
    const [a, b] = [await newKey(), await newKey()];
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(app, a)).status);
    // Three a minute: the fourth is refused.
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await call(app, a);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    // Another key has its own count; a request without a key is 401, never counted.
    expect((await call(app, b)).status).toBe(200);
    expect((await app.request('/api/v1/fiscal-years')).status).toBe(401);
  });

  it('tells the caller its limit and what is left', async () => {
    const app = appWith(createKeyRateLimiter({ perMinute: 10 }));
    const res = await call(app, await newKey());
    expect([res.headers.get('ratelimit-limit'), res.headers.get('ratelimit-remaining')]).toEqual(['10', '9']);
  });

  it('shares one count between API processes through Redis', async () => {
    const redisUrl = process.env.QUIP_TEST_REDIS_URL;
    if (!redisUrl)
      throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`, which starts Redis');
    const first = appWith(createKeyRateLimiter({ perMinute: 3, redisUrl }));
    const second = appWith(createKeyRateLimiter({ perMinute: 3, redisUrl }));
    expect(limiters.at(-1)?.store).toBe('redis');
    await Promise.all(limiters.slice(-2).map((l) => l.ready()));
    const key = await newKey();
    // Two on the first process and one on the second use up the three; the fourth is refused anywhere.
    const statuses = [
      await call(first, key),
      await call(first, key),
      await call(second, key),
      await call(second, key),
    ];
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect((await call(first, key)).status).toBe(429);
  });
});
