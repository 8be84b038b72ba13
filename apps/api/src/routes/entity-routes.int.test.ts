import { DATABASE_KINDS, publishRulebook } from '@quip/db/testing';
import { rulebookFixture } from '@quip/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeFiscalYear } from '../testing/close-fiscal-year.ts';
import { bearer, json, useTestApp } from '../testing/test-app.ts';

const URL = '/api/v1/fiscal-years/2026-27/programs/dhcs-ept/entities';

describe.each(DATABASE_KINDS)('payees on %s', (kind) => {
  const t = useTestApp(kind);
  beforeAll(async () => {
    await publishRulebook(t.database.db, rulebookFixture('ept-920-members-class-d-pays-11224-per-milestone'));
  });

  const post = (body: string, contentType: string, key = t.admin, headers: Record<string, string> = {}) =>
    t.app.request(URL, {
      method: 'POST',
      headers: { ...bearer(key), 'Content-Type': contentType, ...headers },
      body,
    });
  const get = async (path: string, key = t.admin) => {
    const res = await t.app.request(`${URL}${path}`, { headers: bearer(key) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('upserts a JSON array and answers one payee with its fields', async () => {
    const res = await post(
      JSON.stringify([
        { id: 'PR-1', name: 'Valley Family Clinic', assignedMembers: 920, milestoneCount: 25 },
        { id: 'PR-2', name: 'Harbor Health', assignedMembers: 300, milestoneCount: 23, counties: ['Kern'] },
      ]),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rows: 2, inserted: 2, updated: 0 });
    expect(await get('/PR-1')).toEqual({
      status: 200,
      body: { id: 'PR-1', name: 'Valley Family Clinic', assignedMembers: 920, milestoneCount: 25 },
    });
  });

  it('reads CSV with a BOM, CRLF and quoted cells, typing fields by the payee schema', async () => {
    const csv =
      '\uFEFFid,name,assignedMembers,milestoneCount,counties,federallyQualified\r\n' +
      'PR-3,"Clinic ""North"", Fresno",1000,25,Fresno; Kern,true\r\n' +
      'PR-1,Valley Family Clinic (renamed),920,25,,no\r\n';
    const res = await post(csv, 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    // PR-3 is new, PR-1 existed: 1 inserted, 1 updated.
    expect(await res.json()).toEqual({ rows: 2, inserted: 1, updated: 1 });
    expect((await get('/PR-3')).body).toEqual({
      id: 'PR-3',
      name: 'Clinic "North", Fresno',
      assignedMembers: 1000,
      milestoneCount: 25,
      counties: ['Fresno', 'Kern'],
      federallyQualified: true,
    });
    expect((await get('/PR-1')).body).toMatchObject({
      name: 'Valley Family Clinic (renamed)',
      federallyQualified: false,
    });
  });

  it('rejects the whole batch listing every bad row, and stores nothing', async () => {
    const csv = [
      'id,name,assignedMembers,milestoneCount',
      'PR-10,Good Clinic,100,25',
      'PR-11,,100,25',
      'PR-12,Jane Roe Clinic,many,25',
      'PR-13,Other,100,24',
      'PR-10,Good Clinic again,100,25',
    ].join('\n');
    const res = await post(csv, 'text/csv');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { errors: { row: number; path: string; message: string }[] };
    expect(body.errors).toEqual([
      { row: 2, path: 'name', message: 'is required' },
      { row: 3, path: 'assignedMembers', message: "'assignedMembers' must be a number" },
      { row: 4, path: 'milestoneCount', message: "'milestoneCount' must be one of 23, 25" },
      { row: 5, path: 'id', message: 'repeats the payee of row 1' },
    ]);
    expect(JSON.stringify(body)).not.toContain('many');
    expect((await get('/PR-10')).status).toBe(404);
  });

  it('lists payees with search, field filters and paging', async () => {
    const all = await get('');
    expect((all.body.items as { id: string }[]).map((e) => e.id)).toEqual(['PR-1', 'PR-2', 'PR-3']);
    const searched = await get('?q=harbor');
    expect((searched.body.items as { id: string }[]).map((e) => e.id)).toEqual(['PR-2']);
    const filtered = await get('?milestoneCount=25');
    expect((filtered.body.items as { id: string }[]).map((e) => e.id)).toEqual(['PR-1', 'PR-3']);
    const inList = await get('?counties=Kern');
    expect((inList.body.items as { id: string }[]).map((e) => e.id)).toEqual(['PR-2', 'PR-3']);
    const first = await get('?limit=2');
    expect((first.body.items as { id: string }[]).map((e) => e.id)).toEqual(['PR-1', 'PR-2']);
    const second = await get(`?limit=2&cursor=${first.body.nextCursor}`);
    expect((second.body.items as { id: string }[]).map((e) => e.id)).toEqual(['PR-3']);
    expect(second.body.nextCursor).toBeNull();
  });

  it("keeps a submitter to reading its own payees: others' are 404, writes are 403", async () => {
    const submitter = await t.keyFor('submitter', ['PR-1']);
    const list = await get('', submitter);
    expect((list.body.items as { id: string }[]).map((e) => e.id)).toEqual(['PR-1']);
    expect((await get('/PR-2', submitter)).status).toBe(404);
    expect((await get('/PR-404', submitter)).status).toBe(404);
    // Member counts are the inputs of the practice's own payment: a submitter never writes them,
    // not even for its own payee.
    for (const id of ['PR-1', 'PR-2']) {
      const res = await post(
        JSON.stringify([{ id, name: 'Taken over', assignedMembers: 99999, milestoneCount: 25 }]),
        'application/json',
        submitter,
      );
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain(id);
    }
    expect((await get('/PR-1')).body).toMatchObject({ assignedMembers: 920 });
    expect((await get('/PR-2')).body.name).toBe('Harbor Health');
  });

  it('refuses analysts writing payees (403)', async () => {
    const analyst = await t.keyFor('analyst');
    const res = await post('[]', 'application/json', analyst);
    expect(res.status).toBe(403);
  });

  it('answers an empty body 422, an unknown format 415 and a missing column 422', async () => {
    expect((await post('', 'text/csv')).status).toBe(422);
    expect((await post('[]', 'application/json')).status).toBe(422);
    expect((await post('id,name', 'application/xml')).status).toBe(415);
    const noName = await post('id,assignedMembers\nPR-9,3\n', 'text/csv');
    expect(noName.status).toBe(422);
    expect(((await noName.json()) as { errors: unknown[] }).errors).toEqual([
      { row: 0, path: 'name', message: 'column is missing from the header' },
    ]);
  });

  it('replays an upload with the same Idempotency-Key and refuses another body under it', async () => {
    const body = JSON.stringify([{ id: 'PR-20', name: 'New', assignedMembers: 10, milestoneCount: 23 }]);
    const first = await post(body, 'application/json', t.admin, { 'Idempotency-Key': 'payees-1' });
    const again = await post(body, 'application/json', t.admin, { 'Idempotency-Key': 'payees-1' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ rows: 1, inserted: 1, updated: 0 });
    // The replay gets the first answer (inserted: 1), not the answer a second upsert would give.
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ rows: 1, inserted: 1, updated: 0 });
    const other = await post(body.replace('New', 'Newer'), 'application/json', t.admin, {
      'Idempotency-Key': 'payees-1',
    });
    expect(other.status).toBe(422);
    expect((await get('/PR-20')).body.name).toBe('New');
  });

  it('refuses writes to a closed fiscal year with 409', async () => {
    await closeFiscalYear(t.database.db, '2025-26');
    const res = await t.api(
      '/fiscal-years/2025-26/programs/dhcs-ept/entities',
      json(t.admin, [{ id: 'PR-1', name: 'X' }]),
    );
    expect(res.status).toBe(409);
  });
});
