import { appendAudit, listAudit } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../src/http/app-env.ts';
import { idempotency } from '../src/http/idempotency.ts';
import { Problem, problemResponse, problems } from '../src/http/problem.ts';
import { openTestApp, type TestApp } from './test-app.ts';

/**
 * The middleware on a tiny route that appends one audit entry per call, so "stored once" is a
 * count of audit rows. The submissions tests cover the streamed path through the real API.
 */
describe.each(DATABASE_KINDS)('Idempotency-Key middleware on %s', (kind) => {
  let t: TestApp;
  let app: Hono<AppEnv>;
  let calls = 0;
  beforeAll(async () => {
    t = await openTestApp(kind);
    const db = t.database.db;
    app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('principal', { keyId: c.req.header('x-key') ?? 'k1', name: 'k', role: 'admin', entityIds: null });
      await next();
    });
    app.post('/things', idempotency(db, { waitMs: 5_000 }), async (c) => {
      const body = (await c.req.json()) as { name?: string; fail?: boolean };
      if (body.fail) throw problems.badRequest('told to fail');
      calls += 1;
      // Slow enough that concurrent replays find the first request in progress.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, { actor: 'k1', action: 'thing.create', subject: body.name ?? '', details: {} }),
        );
      return c.json({ created: body.name, call: calls }, 201);
    });
    app.onError((error, c) => {
      if (error instanceof Problem) return problemResponse(c, error);
      throw error;
    });
  });
  afterAll(() => t?.close());

  const post = (key: string | null, body: unknown, keyId = 'k1') =>
    app.request('/things', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-key': keyId,
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify(body),
    });
  const count = async (subject: string) => (await listAudit(t.database.db, { limit: 1000, subject })).length;

  it('replays the first answer and stores nothing new', async () => {
    const first = await post('key-a', { name: 'a' });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const again = await post('key-a', { name: 'a' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect(await count('a')).toBe(1);
  });

  it('answers 422 for the same key with another body, and stores nothing', async () => {
    await post('key-b', { name: 'b' });
    const other = await post('key-b', { name: 'b2' });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(await count('b2')).toBe(0);
  });

  it('keeps keys apart per API key', async () => {
    await post('key-c', { name: 'c' }, 'k1');
    const res = await post('key-c', { name: 'c' }, 'k2');
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('c')).toBe(2);
  });

  it('stores once when the same request arrives 5 times at once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('key-d', { name: 'd' })));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect(await count('d')).toBe(1);
  });

  it('releases the key when the first request fails, so it can be sent again', async () => {
    const failed = await post('key-e', { name: 'e', fail: true });
    expect(failed.status).toBe(400);
    const retried = await post('key-e', { name: 'e' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('e')).toBe(1);
  });

  it('refuses a malformed key with 400', async () => {
    const res = await post('x'.repeat(256), { name: 'f' });
    expect(res.status).toBe(400);
    expect(await count('f')).toBe(0);
  });

  it('works as before without a key', async () => {
    await post(null, { name: 'g' });
    await post(null, { name: 'g' });
    expect(await count('g')).toBe(2);
  });
});
