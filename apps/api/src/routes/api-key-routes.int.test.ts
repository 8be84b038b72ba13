import { createHash } from 'node:crypto';
import { listAudit } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { bearer, json, useTestApp } from '../testing/test-app.ts';

interface CreatedKey {
  id: string;
  key: string | null;
  name: string;
  role: string;
  entityIds: string[] | null;
  keyPrefix: string;
  revokedAt: string | null;
}
interface Problem {
  detail: string;
  errors?: { path: string }[];
}

describe.each(DATABASE_KINDS)('API keys on %s', (kind) => {
  const t = useTestApp(kind);
  const { api } = t;
  const create = async (body: unknown, key = t.admin, headers: Record<string, string> = {}) => {
    const init = json(key, body);
    return api('/api-keys', { ...init, headers: { ...init.headers, ...headers } });
  };
  const revoke = (id: string, key = t.admin) =>
    api(`/api-keys/${id}`, { method: 'DELETE', headers: bearer(key) });
  const keyCount = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from api_keys`.execute(t.database.db)).rows[0]!.n);

  it('lets only admins list, create and revoke keys', async () => {
    for (const key of [t.analyst, t.submitter]) {
      expect((await api('/api-keys', { headers: bearer(key) })).status).toBe(403);
      expect((await create({ name: 'x', role: 'analyst' }, key)).status).toBe(403);
      expect((await revoke('whatever', key)).status).toBe(403);
    }
    expect((await api('/api-keys')).status).toBe(401);
  });

  it('creates a submitter key, shows its secret once and stores only its hash', async () => {
    const res = await create({
      name: 'upload key',
      role: 'submitter',
      entityIds: ['dds-qip:PV-7', { program: 'dds-qip', entityId: 'PV-8' }, 'dds-qip:PV-7'],
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedKey;
    expect(created.key).toMatch(/^quip_[A-Za-z0-9_-]{43}$/);
    // Duplicated payees are kept once, each named with its program.
    expect(created).toMatchObject({
      name: 'upload key',
      role: 'submitter',
      entityIds: ['dds-qip:PV-7', 'dds-qip:PV-8'],
      revokedAt: null,
    });
    expect(created.key?.startsWith(created.keyPrefix)).toBe(true);

    const me = await api('/me', { headers: bearer(created.key!) });
    expect(await me.json()).toEqual({
      name: 'upload key',
      role: 'submitter',
      entityIds: ['dds-qip:PV-7', 'dds-qip:PV-8'],
    });

    const row = await t.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(createHash('sha256').update(created.key!).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.key);

    const list = await api('/api-keys', { headers: bearer(t.admin) });
    const text = await list.text();
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(row.key_hash);
    const items = (JSON.parse(text) as { items: CreatedKey[] }).items;
    // Keys made in one transaction share created_at (the setup's admin and analyst keys): their
    // order among themselves is the random id's, so compare the roles as a set.
    expect(items.map((k) => k.role).sort()).toEqual(['admin', 'analyst', 'submitter', 'submitter']);
    expect(items.every((k) => !('key' in k))).toBe(true);

    const entry = (await listAudit(t.database.db, { limit: 10, action: 'api-key.create' }))[0];
    expect([entry?.subject, entry?.details]).toEqual([
      `api-key/${created.id}`,
      { role: 'submitter', entityCount: 2 },
    ]);
  });

  it('refuses a submitter key without payees, a scoped admin key and wrong types, storing nothing', async () => {
    const before = await keyCount();
    for (const body of [
      { name: 'a', role: 'submitter' },
      { name: 'a', role: 'submitter', entityIds: [] },
      { name: 'a', role: 'admin', entityIds: ['PV-1'] },
    ]) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['entityIds']);
    }
    for (const body of [
      { name: 'a', role: 'root' },
      { name: 7, role: 'analyst' },
      { role: 'analyst' },
      { name: '   ', role: 'analyst' },
      { name: 'a', role: 'submitter', entityIds: 'PV-1' },
      { name: 'a', role: 'analyst', extra: true },
    ]) {
      expect((await create(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await keyCount()).toBe(before);
  });

  it('replays an Idempotency-Key with the first answer minus the secret, and refuses its reuse', async () => {
    const before = await keyCount();
    const body = { name: 'nightly job', role: 'analyst' };
    const first = (await (await create(body, t.admin, { 'Idempotency-Key': 'k-1' })).json()) as CreatedKey;
    const replay = await create(body, t.admin, { 'Idempotency-Key': 'k-1' });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual({ ...first, key: null });
    expect(await keyCount()).toBe(before + 1);
    expect(
      (await create({ name: 'other', role: 'analyst' }, t.admin, { 'Idempotency-Key': 'k-1' })).status,
    ).toBe(422);
    expect(await keyCount()).toBe(before + 1);
  });

  it('revokes a key (401 from then on), idempotently, and 404s an unknown one', async () => {
    const created = (await (await create({ name: 'short-lived', role: 'analyst' })).json()) as CreatedKey;
    expect((await api('/me', { headers: bearer(created.key!) })).status).toBe(200);
    const res = await revoke(created.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const after = await api('/fiscal-years', { headers: bearer(created.key!) });
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toBe('application/problem+json');
    expect((await revoke(created.id)).status).toBe(204);
    const revocations = await listAudit(t.database.db, { limit: 10, action: 'api-key.revoke' });
    expect(revocations.map((e) => e.subject)).toEqual([`api-key/${created.id}`]);
    const listed = (await (await api('/api-keys', { headers: bearer(t.admin) })).json()) as {
      items: CreatedKey[];
    };
    expect(listed.items.find((k) => k.id === created.id)?.revokedAt).not.toBeNull();
    expect((await revoke('no-such-key')).status).toBe(404);
  });

  it('never revokes the last active admin key', async () => {
    const second = (await (await create({ name: 'second admin', role: 'admin' })).json()) as CreatedKey;
    // Two admins: the second may revoke the first, then it is the last and cannot revoke itself.
    const firstId = (
      await t.database.db
        .selectFrom('api_keys')
        .select('id')
        .where('role', '=', 'admin')
        .where('id', '!=', second.id)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await revoke(firstId, second.key!)).status).toBe(204);
    const last = await revoke(second.id, second.key!);
    expect(last.status).toBe(409);
    expect(((await last.json()) as Problem).detail).toBe(
      'This is the last active admin key; create another admin key before revoking it.',
    );
    expect((await api('/me', { headers: bearer(second.key!) })).status).toBe(200);
  });
});
