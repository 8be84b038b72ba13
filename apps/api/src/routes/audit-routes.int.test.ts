import { DATABASE_KINDS } from '@quip/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ddsQipRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, openTestApp, type TestApp } from '../testing/test-app.ts';

interface Entry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}
interface Page {
  items: Entry[];
  nextAfter: number | null;
  intact?: boolean;
  firstBrokenId?: number | null;
}

describe.each(DATABASE_KINDS)('audit log on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  const api = (path: string, init?: RequestInit) => t.app.request(`/api/v1${path}`, init);
  const page = async (query = '') => {
    const res = await api(`/audit${query}`, { headers: bearer(admin) });
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  beforeAll(async () => {
    t = await openTestApp(kind);
    admin = await t.keyFor('admin');
    adminId = (await t.database.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow()).id;
    // Four changes, in this order: a fiscal year, a rulebook draft, its publication, a key.
    await api('/fiscal-years', json(admin, { fiscalYear: '2027-28' }));
    await api('/fiscal-years/2026-27/programs/dds-qip/rulebook', json(admin, ddsQipRulebook(), 'PUT'));
    await api(
      '/fiscal-years/2026-27/programs/dds-qip/rulebook/publish',
      json(admin, { note: 'first version' }),
    );
    await api(
      '/api-keys',
      json(admin, { name: 'Jane Roe at Sunrise Services', role: 'submitter', entityIds: ['dds-qip:PV-9'] }),
    );
  });
  afterAll(() => t?.close());

  it('is for admins only', async () => {
    for (const key of [await t.keyFor('analyst'), await t.keyFor('submitter', ['PV-1'])]) {
      expect((await api('/audit', { headers: bearer(key) })).status).toBe(403);
    }
    expect((await api('/audit')).status).toBe(401);
  });

  it('lists who changed what, oldest first, with ids and counts only', async () => {
    const { items, nextAfter } = await page();
    expect(items.map((e) => [e.action, e.subject.replace(/[0-9a-f-]{36}/, '<id>')])).toEqual([
      ['fiscal-year.create', '2027-28'],
      ['rulebook.save', 'dds-qip/2026-27'],
      ['rulebook.publish', 'dds-qip/2026-27'],
      ['api-key.create', 'api-key/<id>'],
    ]);
    expect(nextAfter).toBeNull();
    expect(new Set(items.map((e) => e.actor))).toEqual(new Set([adminId]));
    // The key's name could name a person: it is not in the log, nor are the payee ids it may see.
    const text = JSON.stringify(items);
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('PV-9');
    expect(items[3]?.details).toEqual({ role: 'submitter', entityCount: 1 });
  });

  it('filters by action and subject, and pages with after and limit', async () => {
    expect((await page('?action=rulebook.publish')).items.map((e) => e.details.version)).toEqual([1]);
    expect((await page('?subject=dds-qip/2026-27')).items.map((e) => e.action)).toEqual([
      'rulebook.save',
      'rulebook.publish',
    ]);
    const first = await page('?limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.nextAfter).toBe(first.items[2]?.id);
    const second = await page(`?limit=3&after=${first.nextAfter}`);
    expect(second.items.map((e) => e.action)).toEqual(['api-key.create']);
    expect(second.nextAfter).toBeNull();
    for (const bad of ['?limit=0', '?limit=1001', '?limit=many', '?after=-1', '?verify=yes']) {
      expect((await api(`/audit${bad}`, { headers: bearer(admin) })).status, bad).toBe(400);
    }
  });

  it('verifies the hash chain on request, and finds a forged entry', async () => {
    expect(await page('?verify=1')).toMatchObject({ intact: true, firstBrokenId: null });
    expect(await page()).not.toHaveProperty('intact');
    const publish = (await page('?action=rulebook.publish')).items[0]!;
    // Someone with the database owner's rights bypasses the append-only trigger and edits history.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.database.db);
    await sql`update audit_log set details = '{"version": 7}' where id = ${publish.id}`.execute(
      t.database.db,
    );
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(t.database.db);
    expect(await page('?verify=1')).toMatchObject({ intact: false, firstBrokenId: publish.id });
  });

  it('is append-only in the database itself', async () => {
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });
});
