import { DATABASE_KINDS } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ddsQipRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, openTestApp, type TestApp } from '../testing/test-app.ts';

interface Entry {
  actor: string | null;
  actorName: string | null;
  action: string;
  subject: string;
}

describe.each(DATABASE_KINDS)('audit log by key name and partial filters on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const api = (path: string, init?: RequestInit) => t.app.request(`/api/v1${path}`, init);
  const list = async (query: string) => {
    const res = await api(`/audit${query}`, { headers: bearer(admin) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Entry[] }).items.map(
      (e) => `${e.action} ${e.subject} ${e.actorName}`,
    );
  };

  beforeAll(async () => {
    t = await openTestApp(kind);
    admin = await t.keyFor('admin'); // named 'test admin'
    await api('/fiscal-years', json(admin, { fiscalYear: '2027-28' }));
    await api('/fiscal-years/2026-27/programs/dds-qip/rulebook', json(admin, ddsQipRulebook(), 'PUT'));
  });
  afterAll(() => t?.close());

  it("shows the acting key's name and finds entries by parts of key, program, year and action", async () => {
    // The fiscal year (subject 2027-28) and the draft (subject dds-qip/2026-27), both by 'test admin'.
    expect(await list('?key=ADMIN')).toEqual([
      'fiscal-year.create 2027-28 test admin',
      'rulebook.save dds-qip/2026-27 test admin',
    ]);
    expect(await list('?program=qip&fiscalYear=2026')).toEqual(['rulebook.save dds-qip/2026-27 test admin']);
    expect(await list('?actionContains=fiscal')).toEqual(['fiscal-year.create 2027-28 test admin']);
    expect(await list('?key=nobody')).toEqual([]);
  });
});
