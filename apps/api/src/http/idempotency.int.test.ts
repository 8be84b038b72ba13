import { createHash } from 'node:crypto';
import { appendAudit, listAudit } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import type { AppEnv } from './app-env.ts';
import { IDEMPOTENCY_HEADER, idempotency, PROCESS_INSTANCE_ID, startIdempotent } from './idempotency.ts';
import { Problem, problemResponse, problems } from './problem.ts';

/** A promise and its resolve (Node 20 has no Promise.withResolvers). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * The middleware on a tiny route that appends one audit entry per call, so "stored once" is a
 * count of audit rows. The submissions tests cover the streamed path through the real API.
 */
describe.each(DATABASE_KINDS)('Idempotency-Key middleware on %s', (kind) => {
  let t: TestApp;
  let app: Hono<AppEnv>;
  let calls = 0;
  let claimed = signal();
  let go = signal();
  beforeAll(async () => {
    t = await openTestApp(kind);
    const db = t.database.db;
    app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      // An admin: every payee (the no-scope field under its old and its new name).
      const admin = {
        keyId: c.req.header('x-key') ?? 'k1',
        name: 'k',
        role: 'admin',
        entityIds: null,
        scope: null,
      };
      c.set('principal', admin as unknown as Principal);
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
    // Answers 409 quickly when a live request holds the key, instead of waiting 5 s.
    app.post('/impatient', idempotency(db, { waitMs: 300 }), async (c) => {
      const body = (await c.req.json()) as { name?: string };
      await db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, { actor: 'k1', action: 'thing.create', subject: body.name ?? '', details: {} }),
        );
      return c.json({ created: body.name }, 201);
    });
    // Stores its effect and its answer in one transaction, after the test says go (see 'took over').
    app.post('/held', async (c) => {
      const body = (await c.req.json()) as { name: string };
      const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const start = await startIdempotent(c, db, requestHash);
      if (start.kind !== 'claimed') throw new Error('the test expects a fresh claim');
      claimed.resolve();
      await go.promise;
      try {
        await db.transaction().execute(async (trx) => {
          await appendAudit(trx, { actor: 'k1', action: 'thing.create', subject: body.name, details: {} });
          await start.claim.complete(trx, requestHash, 201, { created: body.name });
        });
      } catch (error) {
        await start.claim.release();
        throw error;
      }
      return c.json({ created: body.name }, 201);
    });
    app.onError((error, c) => {
      if (error instanceof Problem) return problemResponse(c, error);
      throw error;
    });
  });
  afterAll(() => t?.close());

  const post = (key: string | null, body: unknown, keyId = 'k1', path = '/things') =>
    app.request(path, {
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

  /** Leaves an in-progress claim behind, as a request of `owner` that never finished would. */
  const abandonClaim = (key: string, owner: string | null, heartbeatAgo = '1 hour', requestHash = '') =>
    sql`
      insert into idempotency_records (key_id, idempotency_key, request_hash, owner, claim_id, heartbeat_at, created_at)
      values ('k1', ${key}, ${requestHash}, ${owner}, ${owner === null ? null : `claim-of-${owner}`},
              now() - ${heartbeatAgo}::interval, now() - ${heartbeatAgo}::interval)
    `.execute(t.database.db);
  const thingsHash = (body: unknown) =>
    createHash('sha256')
      .update(`POST /things\n${JSON.stringify(body)}`)
      .digest('hex');

  it('runs a retry at once when the process holding its key died (its claim expired)', async () => {
    // The claim of a process that crashed an hour ago: never renewed since.
    await abandonClaim('key-crashed', 'a-process-that-died');
    const started = Date.now();
    const retry = await post('key-crashed', { name: 'crashed' });
    // Before: 409 "still being processed" after the whole wait (5 s here, 60 s for uploads).
    expect(retry.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('key-crashed', { name: 'crashed' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await retry.json());
    expect(await count('crashed')).toBe(1);
  });

  it('lets a retry use the key with another body when the dead request stored nothing', async () => {
    await abandonClaim('key-crashed-2', 'a-process-that-died', '1 hour', thingsHash({ name: 'first' }));
    const retry = await post('key-crashed-2', { name: 'second' });
    expect(retry.status).toBe(201);
    expect(await count('second')).toBe(1);
  });

  it('replays the answer a request stored before its process died', async () => {
    const body = { name: 'answered' };
    await sql`
      insert into idempotency_records (key_id, idempotency_key, request_hash, status, response, owner, claim_id)
      values ('k1', 'key-answered', ${thingsHash(body)}, 201, ${JSON.stringify({ created: 'answered', call: 0 })}::jsonb,
              'a-process-that-died', 'claim-1')
    `.execute(t.database.db);
    const retry = await post('key-answered', body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual({ created: 'answered', call: 0 });
    expect(await count('answered')).toBe(0);
  });

  it('takes over a claim of this process that no running request holds', async () => {
    await abandonClaim('key-orphan', PROCESS_INSTANCE_ID, '0 seconds');
    const retry = await post('key-orphan', { name: 'orphan' }, 'k1', '/impatient');
    expect(retry.status).toBe(201);
    expect(await count('orphan')).toBe(1);
  });

  if (kind === 'pglite') {
    it('voids every claim of an earlier process at once: only one process opens the embedded database', async () => {
      // Renewed a moment ago, but by another process: on PGlite that process has ended.
      await abandonClaim('key-restarted', 'the-previous-process', '0 seconds');
      await abandonClaim('key-legacy', null, '0 seconds');
      const retry = await post('key-restarted', { name: 'restarted' }, 'k1', '/impatient');
      expect(retry.status).toBe(201);
      const legacy = await post('key-legacy', { name: 'legacy' }, 'k1', '/impatient');
      expect(legacy.status).toBe(201);
      expect([await count('restarted'), await count('legacy')]).toEqual([1, 1]);
    });
  } else {
    it('waits for a claim another process is still renewing (it may be alive on another host)', async () => {
      await abandonClaim('key-elsewhere', 'a-live-process-elsewhere', '0 seconds');
      const res = await post('key-elsewhere', { name: 'elsewhere' }, 'k1', '/impatient');
      expect(res.status).toBe(409);
      expect(await count('elsewhere')).toBe(0);
    });
  }

  it('rolls back a request whose claim a retry took over: the effects are stored once', async () => {
    claimed = signal();
    go = signal();
    const headers = { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: 'key-held' };
    const first = app.request('/held', { method: 'POST', headers, body: JSON.stringify({ name: 'held' }) });
    await claimed.promise;
    // What a retry does once it finds the holder gone (here: the holder only stalled).
    await sql`
      update idempotency_records set claim_id = 'the-retry', owner = 'the-retry-process'
      where key_id = 'k1' and idempotency_key = 'key-held'
    `.execute(t.database.db);
    go.resolve();
    const res = await first;
    expect(res.status).toBe(409);
    expect(await count('held')).toBe(0);
    // The retry's claim is untouched by the loser's release.
    const row = await sql<{ claimId: string }>`
      select claim_id as "claimId" from idempotency_records where key_id = 'k1' and idempotency_key = 'key-held'
    `.execute(t.database.db);
    expect(row.rows).toEqual([{ claimId: 'the-retry' }]);
  });
});
