import { DATABASE_KINDS, publishRulebook } from '@quip/db/testing';
import { rulebookFixture } from '@quip/fixtures';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, useTestApp } from '../testing/test-app.ts';

const URL = '/api/v1/fiscal-years/2026-27/programs/dhcs-ept/preview';
const milestone = (entityId: string, n: number) => ({
  entityId,
  measure: 'ept-milestone',
  period: '2026-27',
  submittedOn: '2026-10-01',
  data: { milestone: n, completedOn: '2026-09-30' },
});
const entities = [
  { id: 'PR-1', name: 'Valley Family Clinic', assignedMembers: 920, milestoneCount: 25 },
  // 5,000 members is beyond the fixture's class table (1..1,200): an issue for PR-2 only.
  { id: 'PR-2', name: 'Big Clinic', assignedMembers: 5000, milestoneCount: 25 },
];

interface Preview {
  results: { entityId: string; measure: string; value: number; trace?: unknown }[];
  payments: {
    entityId: string;
    totalCents: number;
    lines: { kind: string; amountCents: number }[];
    details: Record<string, unknown>;
  }[];
  issues: { code: string; entityId?: string }[];
  rulebook: { version: number | null; contentHash: string };
}

describe.each(DATABASE_KINDS)('preview on %s', (kind) => {
  // The server's clock: 2026-11-23, 10:00 in Los Angeles.
  const t = useTestApp(kind, { clock: () => new Date('2026-11-23T18:00:00Z') });
  beforeAll(async () => {
    await publishRulebook(t.database.db, rulebookFixture('ept-920-members-class-d-pays-11224-per-milestone'));
  });

  const preview = (body: unknown, key = t.analyst) =>
    t.app.request(URL, {
      method: 'POST',
      headers: { ...bearer(key), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const counts = async () => {
    const { rows } = await sql<{ s: number; e: number; b: number }>`
      select (select count(*)::int from submissions) as s, (select count(*)::int from entities) as e,
             (select count(*)::int from submission_batches) as b`.execute(t.database.db);
    return rows[0];
  };

  it('pays with the published rulebook, names the payee it cannot price, and stores nothing', async () => {
    const before = await counts();
    const res = await preview({
      entities,
      submissions: [milestone('PR-1', 1), milestone('PR-1', 2), milestone('PR-2', 1)],
      asOf: '2027-06-30',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Preview;
    // PR-1: 920 members -> class D, $305.00 -> 920 x 30,500 = 28,060,000 cents potential;
    // / 25 milestones = 1,122,400 cents each; 2 completed -> 2,244,800 cents.
    const pr1 = body.payments.find((p) => p.entityId === 'PR-1');
    expect(pr1?.totalCents).toBe(2_244_800);
    expect(pr1?.lines.map((l) => l.amountCents)).toEqual([1_122_400, 1_122_400]);
    expect(pr1?.details).toMatchObject({ class: 'D', pmpyCents: 30_500, potentialCents: 28_060_000 });
    expect(body.issues).toContainEqual(
      expect.objectContaining({ code: 'members-outside-class-table', entityId: 'PR-2' }),
    );
    expect(body.payments.find((p) => p.entityId === 'PR-2')).toBeUndefined();
    // Both payees still have their measure results, with explanations.
    expect(body.results.map((r) => [r.entityId, r.value])).toEqual([
      ['PR-1', 2],
      ['PR-2', 1],
    ]);
    expect(body.results[0]?.trace).toBeDefined();
    expect(body.rulebook.version).toBe(1);
    // The rulebook is named as every other route names it: by the contentHash GET .../rulebook gives.
    const state = await t.app.request(URL.replace(/preview$/, 'rulebook'), { headers: bearer(t.analyst) });
    const published = ((await state.json()) as { published: { contentHash: string } }).published;
    expect(body.rulebook).toEqual({ version: 1, contentHash: published.contentHash });
    expect(await counts()).toEqual(before);
  });

  it('evaluates a rulebook given in the request instead of the published one', async () => {
    const rulebook = rulebookFixture('ept-920-members-class-d-pays-11224-per-milestone');
    rulebook.payment.classes.find((c) => c.class === 'D')!.pmpy = '310.00';
    const res = await preview({
      entities: [entities[0]],
      submissions: [milestone('PR-1', 1)],
      rulebook,
      asOf: '2027-06-30',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Preview;
    // 920 x 31,000 = 28,520,000 cents; / 25 = 1,140,800 cents for the one milestone.
    expect(body.payments[0]?.totalCents).toBe(1_140_800);
    expect(body.rulebook.version).toBeNull();
  });

  it('answers 422 with every problem of an invalid rulebook given', async () => {
    const rulebook = {
      ...rulebookFixture('ept-920-members-class-d-pays-11224-per-milestone'),
      payment: { method: 'no-such-method' },
      fiscalYear: '2030-31',
    };
    const res = await preview({ entities, submissions: [], rulebook });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['fiscalYear']));
    expect(body.errors.some((e) => e.path.startsWith('payment'))).toBe(true);
  });

  it('lets a submitter preview only its own payees', async () => {
    const submitter = await t.keyFor('submitter', ['PR-1']);
    const { submittedOn: _, ...undated } = milestone('PR-1', 1);
    const own = await preview({ entities: [entities[0]], submissions: [undated] }, submitter);
    expect(own.status).toBe(200);
    // As in an upload, the server decides when a submitter's record is received.
    const dated = await preview({ entities: [entities[0]], submissions: [milestone('PR-1', 1)] }, submitter);
    expect(dated.status).toBe(422);
    expect(((await dated.json()) as { errors: unknown[] }).errors).toEqual([
      {
        row: 1,
        path: 'submittedOn',
        message:
          'is set by the server (the day received); only an admin may declare it, for historic records',
      },
    ]);
    const foreign = await preview({ entities, submissions: [] }, submitter);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('PR-2');
  });

  it('refuses exactly the rows an upload refuses, with the same errors, and stores nothing', async () => {
    const admin = await t.keyFor('admin');
    await t.app.request('/api/v1/fiscal-years/2026-27/programs/dhcs-ept/entities', {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify(entities),
    });
    const before = await counts();
    const rows = [
      milestone('PR-1', 1), // fine
      { ...milestone('PR-1', 2), period: '2026-2027' }, // a malformed period
      { ...milestone('PR-1', 3), data: { milestone: -3, completedOn: '2026-09-30' } }, // below min 1
      { ...milestone('PR-1', 4), data: { completedOn: '2026-09-30' } }, // record key missing
      { ...milestone('PR-1', 5), measure: 'no-such-measure' },
      { ...milestone('PR-1', 6), submittedOn: '2026-11-24' }, // after the day received
    ];
    const previewed = await preview({ entities, submissions: rows, asOf: '2027-06-30' }, admin);
    const uploaded = await t.app.request('/api/v1/fiscal-years/2026-27/programs/dhcs-ept/submissions', {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify(rows),
    });
    expect([previewed.status, uploaded.status]).toEqual([422, 422]);
    const previewErrors = ((await previewed.json()) as { errors: unknown[] }).errors;
    expect(previewErrors).toEqual(((await uploaded.json()) as { errors: unknown[] }).errors);
    expect(previewErrors).toEqual([
      { row: 2, path: 'period', message: 'is not a period of ept-milestone (2026-27)' },
      { row: 3, path: 'data.milestone', message: "'milestone' must be at least 1" },
      {
        row: 4,
        path: 'data.milestone',
        message: "'milestone' is required: it tells this record from others",
      },
      { row: 5, path: 'measure', message: 'unknown measure' },
      { row: 6, path: 'submittedOn', message: 'must not be after the day received' },
    ]);
    const after = await counts();
    expect(after?.s).toBe(before?.s);
  });

  it('answers 409 without a published rulebook and 400 for a malformed body', async () => {
    const wpc = await t.app.request('/api/v1/fiscal-years/2026-27/programs/dhcs-wpc/preview', {
      method: 'POST',
      headers: { ...bearer(t.analyst), 'Content-Type': 'application/json' },
      body: JSON.stringify({ entities: [], submissions: [] }),
    });
    expect(wpc.status).toBe(409);
    expect((await preview({ entities: 'none' })).status).toBe(400);
  });
});
