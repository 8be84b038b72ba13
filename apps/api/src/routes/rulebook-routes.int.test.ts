import { listAudit } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { describe, expect, it } from 'vitest';
import { ddsQipRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, useTestApp } from '../testing/test-app.ts';

interface Problem {
  status: number;
  detail: string;
  errors?: { row: number; path: string; message: string }[];
}
interface Draft {
  revision: number;
  contentHash: string;
  savedAt: string;
  rulebook: { fiscalYear: string; payment: { incentiveShare: string } };
}
interface Published extends Omit<Draft, 'savedAt'> {
  version: number;
  publishedAt: string;
}

const URL = '/fiscal-years/2026-27/programs/dds-qip/rulebook';

describe.each(DATABASE_KINDS)('rulebooks on %s', (kind) => {
  const t = useTestApp(kind);
  const { api } = t;
  const get = async <T>(path: string, key = t.admin) =>
    (await api(path, { headers: bearer(key) })).json() as Promise<T>;
  const put = (body: unknown, path = URL, key = t.admin) => api(path, json(key, body, 'PUT'));
  const publish = (path = URL, key = t.admin) =>
    api(`${path}/publish`, { method: 'POST', headers: bearer(key) });
  const revisions = async () => (await get<{ items: unknown[] }>(`${URL}/versions`)).items.length;

  it('starts with neither a published rulebook nor a draft', async () => {
    expect(await get(URL)).toEqual({ published: null, draft: null });
  });

  it('saves a valid rulebook as draft revision 1, and the same content again as no new revision', async () => {
    const res = await put(ddsQipRulebook());
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Draft;
    expect(saved.revision).toBe(1);
    expect(saved.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.rulebook.payment.incentiveShare).toBe('0.1');
    const again = (await (await put(ddsQipRulebook())).json()) as Draft;
    expect([again.revision, again.contentHash]).toEqual([1, saved.contentHash]);
    const state = await get<{ published: null; draft: Draft }>(URL);
    expect(state.published).toBeNull();
    expect(state.draft.contentHash).toBe(saved.contentHash);
    expect((await listAudit(t.database.db, { limit: 10, action: 'rulebook.save' })).length).toBe(1);
  });

  it('reports every problem of an invalid rulebook with its JSON path, and stores nothing', async () => {
    const bad = ddsQipRulebook('2026-27') as Record<string, unknown> & ReturnType<typeof ddsQipRulebook>;
    const measures = bad.measures as Record<string, unknown>[];
    measures[0]!.kind = 'sometimes';
    (measures[1]!.compute as Record<string, unknown>).numeratorField = 'notAField';
    (bad.payment as Record<string, unknown>).incentiveShare = 0.1;
    bad.colour = 'blue';
    bad.program = 'dhcs-ept';
    const res = await put(bad);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem.detail).toBe('The rulebook has 5 problems; each is listed in errors with its path.');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      '', // the unknown member `colour` is reported on the document itself
      'measures[0].kind',
      'measures[1].compute.numeratorField',
      'payment.incentiveShare',
      'program',
    ]);
    expect(problem.errors?.find((e) => e.path === 'program')?.message).toBe(
      "must be 'dds-qip', the program in the URL",
    );
    expect(await revisions()).toBe(1);
  });

  it('refuses a rulebook for another fiscal year, wrong body types, unknown programs and years', async () => {
    const otherYear = await put(ddsQipRulebook('2025-26'));
    expect(otherYear.status).toBe(422);
    expect(((await otherYear.json()) as Problem).errors?.map((e) => e.path)).toEqual(['fiscalYear']);
    for (const body of [[ddsQipRulebook()], 'rulebook', 42]) {
      expect((await put(body)).status, JSON.stringify(body).slice(0, 20)).toBe(400);
    }
    const unknownProgram = await put(ddsQipRulebook(), '/fiscal-years/2026-27/programs/dds-nope/rulebook');
    expect(unknownProgram.status).toBe(404);
    expect(((await unknownProgram.json()) as Problem).detail).toBe('Program dds-nope does not exist.');
    expect(
      (await put(ddsQipRulebook('2031-32'), '/fiscal-years/2031-32/programs/dds-qip/rulebook')).status,
    ).toBe(404);
    expect((await put(ddsQipRulebook(), '/fiscal-years/2026-27/programs/DDS_QIP/rulebook')).status).toBe(400);
    expect(
      (await api('/fiscal-years/2026-27/programs/nope/rulebook', { headers: bearer(t.admin) })).status,
    ).toBe(404);
    expect(await revisions()).toBe(1);
  });

  it('publishes the draft as version 1, then answers 409 when there is no draft left', async () => {
    const res = await publish();
    expect(res.status).toBe(200);
    const v1 = (await res.json()) as Published;
    expect([v1.version, v1.revision]).toEqual([1, 1]);
    expect(await get(URL)).toMatchObject({
      published: { version: 1, contentHash: v1.contentHash },
      draft: null,
    });
    const none = await publish();
    expect(none.status).toBe(409);
    expect(((await none.json()) as Problem).detail).toBe(
      'There is no draft of dds-qip in 2026-27 to publish.',
    );
    expect((await publish('/fiscal-years/2026-27/programs/dhcs-wpc/rulebook')).status).toBe(409);
  });

  it('keeps version 1 frozen while a new draft becomes version 2, and lists the history', async () => {
    expect((await put(ddsQipRulebook('2026-27', '0.12'))).status).toBe(200);
    const diff = await get<{ from: unknown; to: unknown; changes: unknown[] }>(`${URL}/diff?from=1&to=draft`);
    expect(diff.to).toMatchObject({ version: 'draft' });
    expect(diff.changes).toEqual([
      { path: 'payment.incentiveShare', op: 'replace', from: '0.1', to: '0.12' },
    ]);
    const v2 = (await (await publish()).json()) as Published;
    // Revision 1 was version 1; revision 2 (the 0.12 draft) becomes version 2.
    expect([v2.version, v2.revision, v2.rulebook.payment.incentiveShare]).toEqual([2, 2, '0.12']);
    const v1 = await get<Published>(`${URL}/versions/1`);
    expect([v1.version, v1.rulebook.payment.incentiveShare]).toEqual([1, '0.1']);
    const history = await get<{ items: { revision: number; version: number | null; source: string }[] }>(
      `${URL}/versions`,
    );
    expect(history.items.map((r) => [r.revision, r.version, r.source])).toEqual([
      [2, 2, 'admin'],
      [1, 1, 'admin'],
    ]);
    const back = await get<{ changes: unknown[] }>(`${URL}/diff?from=2&to=1`);
    expect(back.changes).toEqual([
      { path: 'payment.incentiveShare', op: 'replace', from: '0.12', to: '0.1' },
    ]);
    expect((await get<{ changes: unknown[] }>(`${URL}/diff?from=2&to=2`)).changes).toEqual([]);
  });

  it('publishes once for a replayed Idempotency-Key', async () => {
    const url = '/fiscal-years/2026-27/programs/dhcs-wpc/rulebook';
    const rulebook = { ...ddsQipRulebook(), program: 'dhcs-wpc' };
    expect((await put(rulebook, url)).status).toBe(200);
    const send = () =>
      api(`${url}/publish`, {
        method: 'POST',
        headers: { ...bearer(t.admin), 'Idempotency-Key': 'publish-wpc-1' },
      });
    const first = await send();
    const replay = await send();
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(await replay.json()).toEqual(await first.json());
    const history = await get<{ items: { version: number | null }[] }>(`${url}/versions`);
    expect(history.items.map((r) => r.version)).toEqual([1]);
  });

  it('answers 404 for versions and drafts that do not exist and 400 for malformed ones', async () => {
    expect((await api(`${URL}/versions/9`, { headers: bearer(t.admin) })).status).toBe(404);
    expect((await api(`${URL}/versions/0`, { headers: bearer(t.admin) })).status).toBe(400);
    expect((await api(`${URL}/versions/one`, { headers: bearer(t.admin) })).status).toBe(400);
    const noDraft = await api(`${URL}/diff?from=1&to=draft`, { headers: bearer(t.admin) });
    expect(noDraft.status).toBe(404);
    expect(((await noDraft.json()) as Problem).detail).toBe('dds-qip in 2026-27 has no draft.');
    expect((await api(`${URL}/diff?from=1&to=latest`, { headers: bearer(t.admin) })).status).toBe(400);
    expect((await api(`${URL}/diff?from=1`, { headers: bearer(t.admin) })).status).toBe(400);
  });

  it('lets analysts read drafts and history but not write; submitters read published versions only', async () => {
    await put(ddsQipRulebook('2026-27', '0.15'));
    const analystView = await get<{ draft: Draft | null }>(URL, t.analyst);
    expect(analystView.draft?.rulebook.payment.incentiveShare).toBe('0.15');
    expect((await put(ddsQipRulebook(), URL, t.analyst)).status).toBe(403);
    expect((await publish(URL, t.analyst)).status).toBe(403);
    expect((await api(`${URL}/versions`, { headers: bearer(t.analyst) })).status).toBe(200);

    const submitterView = await get<{ published: Published; draft: Draft | null }>(URL, t.submitter);
    expect([submitterView.published.version, submitterView.draft]).toEqual([2, null]);
    expect((await api(`${URL}/versions/1`, { headers: bearer(t.submitter) })).status).toBe(200);
    for (const path of [`${URL}/versions`, `${URL}/diff?from=1&to=draft`]) {
      expect((await api(path, { headers: bearer(t.submitter) })).status, path).toBe(403);
    }
    expect((await put(ddsQipRulebook(), URL, t.submitter)).status).toBe(403);
    expect((await publish(URL, t.submitter)).status).toBe(403);
  });

  it('audits every save and publish with the key that made it, ids and hashes only', async () => {
    const entries = await listAudit(t.database.db, { limit: 100 });
    const rulebook = entries.filter((e) => e.subject === 'dds-qip/2026-27');
    // Saves of revisions 1, 2 and 3 (the 0.15 draft), publishes of versions 1 and 2.
    expect(rulebook.map((e) => [e.action, e.details.revision])).toEqual([
      ['rulebook.save', 1],
      ['rulebook.publish', 1],
      ['rulebook.save', 2],
      ['rulebook.publish', 2],
      ['rulebook.save', 3],
    ]);
    expect(new Set(rulebook.map((e) => e.actor)).size).toBe(1);
    expect(Object.keys(rulebook[1]!.details).sort()).toEqual(['contentHash', 'revision', 'version']);
  });
});
