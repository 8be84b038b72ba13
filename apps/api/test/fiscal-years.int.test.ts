import { contentHash } from '@quip/core';
import { listAudit, saveRulebookRevision } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ddsQipRulebook, json } from './rulebooks-fixture.ts';
import { bearer, openTestApp, type TestApp } from './test-app.ts';

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe.each(DATABASE_KINDS)('fiscal years on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let analyst: string;
  let submitter: string;
  const api = (path: string, init?: RequestInit) => t.app.request(`/api/v1${path}`, init);
  const years = async () =>
    (
      (await (await api('/fiscal-years', { headers: bearer(admin) })).json()) as {
        items: { fiscalYear: string }[];
      }
    ).items;
  const audit = async (action: string) => listAudit(t.database.db, { limit: 100, action });

  beforeAll(async () => {
    t = await openTestApp(kind);
    admin = await t.keyFor('admin');
    analyst = await t.keyFor('analyst');
    submitter = await t.keyFor('submitter', ['PV-1']);
  });
  afterAll(() => t?.close());

  it('creates a fiscal year as a draft with dates derived from its name, and audits it', async () => {
    const res = await api('/fiscal-years', json(admin, { fiscalYear: '2027-28' }));
    expect(res.status).toBe(201);
    // 2027-28 runs from July 1 2027 to June 30 2028.
    expect(await res.json()).toEqual({
      fiscalYear: '2027-28',
      startsOn: '2027-07-01',
      endsOn: '2028-06-30',
      status: 'draft',
    });
    expect((await years()).map((y) => y.fiscalYear)).toEqual(['2025-26', '2026-27', '2027-28']);
    const entries = await audit('fiscal-year.create');
    expect(entries.map((e) => [e.subject, e.details])).toEqual([['2027-28', { status: 'draft' }]]);
  });

  it('answers 409 problem+json for a fiscal year that exists', async () => {
    const res = await api('/fiscal-years', json(admin, { fiscalYear: '2027-28', status: 'open' }));
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as Problem).detail).toBe('Fiscal year 2027-28 already exists.');
  });

  it('refuses wrong types, bad names, unknown members and a closed status, storing nothing', async () => {
    const bodies: [unknown, string][] = [
      [{ fiscalYear: 2028 }, 'fiscalYear'],
      [{ fiscalYear: '2028-30' }, 'fiscalYear'],
      [{ fiscalYear: '2028-29', status: 'closed' }, 'status'],
      [{ fiscalYear: '2028-29', color: 'red' }, ''],
      [{}, 'fiscalYear'],
    ];
    for (const [body, path] of bodies) {
      const res = await api('/fiscal-years', json(admin, body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual([path]);
    }
    const noBody = await api('/fiscal-years', { method: 'POST', headers: bearer(admin) });
    expect(noBody.status).toBe(400);
    expect(await years()).toHaveLength(3);
  });

  it('lets only admins create fiscal years', async () => {
    for (const key of [analyst, submitter]) {
      expect((await api('/fiscal-years', json(key, { fiscalYear: '2028-29' }))).status).toBe(403);
    }
    expect((await api('/fiscal-years', json('quip_nope', { fiscalYear: '2028-29' }))).status).toBe(401);
  });

  it('answers a replayed Idempotency-Key with the first answer and a reused one with 422', async () => {
    const send = (body: unknown, key: string) =>
      api('/fiscal-years', {
        ...json(admin, body),
        headers: { ...bearer(admin), 'Content-Type': 'application/json', 'Idempotency-Key': key },
      });
    const first = await send({ fiscalYear: '2029-30' }, 'fy-2029');
    const replay = await send({ fiscalYear: '2029-30' }, 'fy-2029');
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(await replay.json()).toEqual(await first.json());
    expect((await audit('fiscal-year.create')).filter((e) => e.subject === '2029-30')).toHaveLength(1);
    expect((await send({ fiscalYear: '2030-31' }, 'fy-2029')).status).toBe(422);
    expect((await years()).map((y) => y.fiscalYear)).not.toContain('2030-31');
  });

  it('reports the published rulebook version of each program', async () => {
    await api('/fiscal-years/2026-27/programs/dds-qip/rulebook', json(admin, ddsQipRulebook(), 'PUT'));
    await api('/fiscal-years/2026-27/programs/dds-qip/rulebook/publish', {
      method: 'POST',
      headers: bearer(admin),
    });
    const res = await api('/fiscal-years/2026-27/programs', { headers: bearer(submitter) });
    const body = (await res.json()) as { items: { id: string; rulebookVersion: number | null }[] };
    expect(Object.fromEntries(body.items.map((p) => [p.id, p.rulebookVersion]))).toEqual({
      'dds-qip': 1,
      'dhcs-ept': null,
      'dhcs-mcas': null,
      'dhcs-qwi': null,
      'dhcs-wpc': null,
    });
  });

  it('clones the published rulebooks into the next year as validated drafts, once', async () => {
    const res = await api('/fiscal-years/2027-28/clone-from/2026-27', {
      method: 'POST',
      headers: bearer(admin),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      cloned: { program: string; revision: number; fromVersion: number }[];
      skipped: { program: string; reason: string }[];
    };
    expect(
      body.cloned.map(({ program, revision, fromVersion }) => ({ program, revision, fromVersion })),
    ).toEqual([{ program: 'dds-qip', revision: 1, fromVersion: 1 }]);
    expect(body.skipped.map((s) => s.reason)).toEqual(Array(4).fill('no-published-rulebook'));

    const state = (await (
      await api('/fiscal-years/2027-28/programs/dds-qip/rulebook', { headers: bearer(admin) })
    ).json()) as { published: unknown; draft: { revision: number; rulebook: { fiscalYear: string } } };
    expect(state.published).toBeNull();
    expect(state.draft.revision).toBe(1);
    expect(state.draft.rulebook.fiscalYear).toBe('2027-28');

    const again = await api('/fiscal-years/2027-28/clone-from/2026-27', {
      method: 'POST',
      headers: bearer(admin),
    });
    const second = (await again.json()) as typeof body;
    expect(second.cloned).toEqual([]);
    expect(second.skipped.find((s) => s.program === 'dds-qip')?.reason).toBe('already-has-rulebook');
    expect((await audit('fiscal-year.clone')).map((e) => e.subject)).toEqual(['2027-28', '2027-28']);
  });

  it('clones nothing when one published rulebook would be an invalid draft, and lists its problems', async () => {
    expect((await api('/fiscal-years', json(admin, { fiscalYear: '2028-29' }))).status).toBe(201);
    // Written straight to the database, past validation: a measure without a name or compute.
    const broken = { ...ddsQipRulebook(), program: 'dhcs-wpc', measures: [{ key: 'x', kind: 'reporting' }] };
    await saveRulebookRevision(t.database.db, {
      fiscalYear: '2026-27',
      programId: 'dhcs-wpc',
      content: broken,
      contentHash: contentHash(broken),
      source: 'admin',
      createdBy: null,
      publish: true,
    });
    const res = await api('/fiscal-years/2028-29/clone-from/2026-27', {
      method: 'POST',
      headers: bearer(admin),
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.detail).toMatch(/^The clone has \d+ problems?;/);
    expect(problem.errors?.map((e) => e.path)).toContain('measures[0].name');
    expect(problem.errors?.every((e) => e.message.startsWith('dhcs-wpc: '))).toBe(true);
    // dds-qip was valid, but the clone is all or nothing.
    const state = await api('/fiscal-years/2028-29/programs/dds-qip/rulebook', { headers: bearer(admin) });
    expect(await state.json()).toEqual({ published: null, draft: null });
  });

  it('refuses to clone from an unknown year, into an unknown year or into itself', async () => {
    const post = (path: string) => api(path, { method: 'POST', headers: bearer(admin) });
    expect((await post('/fiscal-years/2027-28/clone-from/2019-20')).status).toBe(404);
    expect((await post('/fiscal-years/2031-32/clone-from/2026-27')).status).toBe(404);
    expect((await post('/fiscal-years/2026-27/clone-from/2026-27')).status).toBe(400);
    expect((await post('/fiscal-years/2026-27/clone-from/FY26')).status).toBe(400);
    expect(
      (await api('/fiscal-years/2027-28/clone-from/2026-27', { method: 'POST', headers: bearer(analyst) }))
        .status,
    ).toBe(403);
  });

  it('opens and closes a fiscal year, forward only', async () => {
    const patch = (fy: string, status: unknown, key = admin) =>
      api(`/fiscal-years/${fy}`, json(key, { status }, 'PATCH'));
    expect((await patch('2027-28', 'open', analyst)).status).toBe(403);
    const opened = await patch('2027-28', 'open');
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { status: string }).status).toBe('open');
    expect((await patch('2027-28', 'open')).status).toBe(200);
    expect((await patch('2027-28', 'draft')).status).toBe(400);
    expect((await patch('2027-28', 42)).status).toBe(400);
    expect((await patch('2031-32', 'open')).status).toBe(404);
    expect((await patch('2025-26', 'closed')).status).toBe(200);
    const reopen = await patch('2025-26', 'open');
    expect(reopen.status).toBe(409);
    expect(((await reopen.json()) as Problem).detail).toBe('Fiscal year 2025-26 is closed: it is read-only.');
    // Opening 2027-28 once and closing 2025-26: the no-op second open is not audited.
    expect((await audit('fiscal-year.open')).map((e) => e.subject)).toEqual(['2027-28']);
    expect((await audit('fiscal-year.close')).map((e) => e.subject)).toEqual(['2025-26']);
  });

  it('refuses every write to a closed fiscal year with 409 and still serves its reads', async () => {
    const closed = 'Fiscal year 2025-26 is closed: it is read-only.';
    const writes = [
      api('/fiscal-years/2025-26/programs/dds-qip/rulebook', json(admin, ddsQipRulebook('2025-26'), 'PUT')),
      api('/fiscal-years/2025-26/programs/dds-qip/rulebook/publish', {
        method: 'POST',
        headers: bearer(admin),
      }),
      api('/fiscal-years/2025-26/clone-from/2026-27', { method: 'POST', headers: bearer(admin) }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as Problem).detail).toBe(closed);
    }
    const read = await api('/fiscal-years/2025-26/programs/dds-qip/rulebook', { headers: bearer(admin) });
    expect(await read.json()).toEqual({ published: null, draft: null });
  });
});
