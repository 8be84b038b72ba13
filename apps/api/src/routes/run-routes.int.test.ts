import { randomUUID } from 'node:crypto';
import {
  createSubmissionBatch,
  insertSubmissionRows,
  listAudit,
  type QuipDatabase,
  submissionRowJson,
  upsertEntities,
} from '@quip/db';
import { DATABASE_KINDS, publishRulebook } from '@quip/db/testing';
import { rulebookFixture } from '@quip/fixtures';
import { BullmqJobRunner, InlineJobRunner } from '@quip/jobs';
import { storeSyntheticData, storeSyntheticProgram } from '@quip/jobs/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuipApp } from '../app.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';

const auth = (key: string, extra: Record<string, string> = {}) => ({
  Authorization: `Bearer ${key}`,
  ...extra,
});
const PROGRAM = '/api/v1/fiscal-years/2026-27/programs/dds-qip';

// P000001..P000008 serve '950' with 1..8 of 10 interns placed; P000009, P000010 are '096'.
const PAYEES = Array.from({ length: 10 }, (_, i) => ({
  id: `P${String(i + 1).padStart(6, '0')}`,
  serviceCode: i < 8 ? '950' : '096',
  placed: i < 8 ? i + 1 : 0,
}));

describe.each(DATABASE_KINDS)('recompute runs through the API on %s', (kind) => {
  let t: TestApp;
  let app: QuipApp;
  let database: QuipDatabase;
  let admin: string;
  let analyst: string;
  let submitter: string;
  let runId: number;

  const start = async (headers: Record<string, string> = {}) => {
    const res = await app.request(`${PROGRAM}/runs`, {
      method: 'POST',
      headers: auth(admin, { 'Content-Type': 'application/json', ...headers }),
      body: JSON.stringify({ asOf: '2026-11-23' }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: number }).id;
  };
  const finished = async (id: number) => {
    for (let i = 0; i < 400; i++) {
      const run = (await (await app.request(`/api/v1/runs/${id}`, { headers: auth(analyst) })).json()) as {
        status: string;
      } & Record<string, unknown>;
      if (run.status !== 'queued' && run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`run ${id} did not end`);
  };

  beforeAll(async () => {
    // In-process jobs retried after 10 ms (200 ms by default).
    t = await openTestApp(kind, { jobs: new InlineJobRunner(10), worker: true });
    ({ app, database } = t);
    await storeSyntheticProgram(database.db, PAYEES);
    admin = await t.keyFor('admin');
    analyst = await t.keyFor('analyst');
    submitter = await t.keyFor('submitter', ['dds-qip:P000001']);
    runId = await start({ 'Idempotency-Key': `first-run-${kind}` });
  });
  afterAll(() => t?.close());

  it('starts once per Idempotency-Key and succeeds with every payee paid', async () => {
    expect(await start({ 'Idempotency-Key': `first-run-${kind}` })).toBe(runId);
    const run = await finished(runId);
    // Median of the cie rates 0.1..0.8 = 0.45: P000005..P000008 and the two '096' payees earn
    // 4500 + 500; P000001..P000004 earn 4500. 6 x 5000 + 4 x 4500 = 48000.
    expect(run).toMatchObject({
      status: 'succeeded',
      progress: { done: 10, total: 10 },
      totals: { payees: 10, totalCents: 48000, byLineKind: { base: 45000, incentive: 3000 } },
      rulebook: { version: 1 },
      rulebookVersion: 1,
      asOf: '2026-11-23',
      official: false,
    });
    const list = (await (await app.request(`${PROGRAM}/runs`, { headers: auth(analyst) })).json()) as {
      items: { id: number }[];
    };
    expect(list.items.map((r) => r.id)).toEqual([runId]);
  });

  it('lists results with filters, pages and the explanation of one payee', async () => {
    const res = await app.request(`/api/v1/runs/${runId}/results?entityId=P000004`, {
      headers: auth(analyst),
    });
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    // P000004: 4/10 = 0.4 < 0.45, not met; the survey was on time and accurate.
    expect(body.items).toMatchObject([
      { entityId: 'P000004', measure: 'cie', status: 'scored', value: 0.4, met: false },
      { entityId: 'P000004', measure: 'workforce-survey', met: true },
    ]);
    expect(body.items[0]?.target).toBeCloseTo(0.45, 12);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await app.request(
          `/api/v1/runs/${runId}/results?measure=cie&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          {
            headers: auth(analyst),
          },
        )
      ).json()) as { items: { entityId: string }[]; nextCursor: string | null };
      pages.push(page.items.map((r) => r.entityId).join(' '));
      cursor = page.nextCursor;
    } while (cursor);
    // 10 cie results, 3 a page: 3 + 3 + 3 + 1.
    expect(pages).toHaveLength(4);
    expect(pages.join(' ').split(' ')).toEqual(PAYEES.map((p) => p.id));

    const explained = (await (
      await app.request(`/api/v1/runs/${runId}/results?entityId=P000004&measure=cie&explain=1`, {
        headers: auth(analyst),
      })
    ).json()) as { items: { met: boolean; trace: { rule: string }[] }[] };
    expect(explained.items).toHaveLength(1);
    expect(explained.items[0]?.met).toBe(false);
    expect(explained.items[0]?.trace.map((s) => s.rule)).toContain('target');
  });

  it('names the payee of each result as the run copied it, explained or not', async () => {
    // Renamed after the run started: the run's results keep the name the run copied.
    const rename = (name: string) =>
      database.db.updateTable('entities').set({ name }).where('id', '=', 'P000004').execute();
    await rename('Renamed Provider');
    try {
      for (const explain of ['', '&explain=1']) {
        const body = (await (
          await app.request(`/api/v1/runs/${runId}/results?entityId=P000004${explain}`, {
            headers: auth(analyst),
          })
        ).json()) as { items: { entityId: string; name: string; measure: string }[] };
        // Stored results come by measure key; explained ones in the rulebook's order.
        expect(body.items.map((r) => [r.entityId, r.name, r.measure]).sort()).toEqual([
          ['P000004', 'Provider P000004', 'cie'],
          ['P000004', 'Provider P000004', 'workforce-survey'],
        ]);
      }
      const page = (await (
        await app.request(`/api/v1/runs/${runId}/results?measure=cie&limit=3`, { headers: auth(analyst) })
      ).json()) as { items: { entityId: string; name: string }[] };
      expect(page.items.map((r) => r.name)).toEqual([
        'Provider P000001',
        'Provider P000002',
        'Provider P000003',
      ]);
    } finally {
      await rename('Provider P000004');
    }
  });

  it('writes the payment file as CSV and XLSX with a totals row', async () => {
    const csv = await (
      await app.request(`/api/v1/runs/${runId}/payments?format=csv`, { headers: auth(analyst) })
    ).text();
    const lines = csv.trimEnd().split('\r\n');
    // Header + 10 payees x 2 lines + TOTAL = 22 lines; 48000 cents = 480.00 dollars.
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe('payee_id,payee_name,program,fiscal_year,line_kind,amount_dollars');
    expect(lines[1]).toBe('P000001,Provider P000001,dds-qip,2026-27,base,45.00');
    expect(lines[21]).toBe('TOTAL,,dds-qip,2026-27,,480.00');

    const xlsx = await app.request(`/api/v1/runs/${runId}/payments?format=xlsx`, { headers: auth(analyst) });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(22);
    expect(sheet.getRow(22).getCell(6).value).toBe(480);

    const page = (await (
      await app.request(`/api/v1/runs/${runId}/payments?limit=4`, { headers: auth(analyst) })
    ).json()) as { items: { entityId: string; totalCents: number }[]; nextCursor: string };
    expect(page.items.map((p) => p.totalCents)).toEqual([4500, 4500, 4500, 4500]);
    expect(page.nextCursor).not.toBeNull();
  });

  it("keeps a submitter to its own payee's results and payments", async () => {
    // Unpublished, the run does not exist for a submitter; published as preliminary, it does.
    expect((await app.request(`/api/v1/runs/${runId}`, { headers: auth(submitter) })).status).toBe(404);
    expect((await app.request(`/api/v1/runs/${runId}/results`, { headers: auth(submitter) })).status).toBe(
      404,
    );
    const published = await app.request(`/api/v1/runs/${runId}/preliminary`, {
      method: 'POST',
      headers: auth(admin, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ reviewUntil: '2099-12-31' }),
    });
    expect(published.status).toBe(200);
    expect((await app.request(`/api/v1/runs/${runId}`, { headers: auth(submitter) })).status).toBe(200);
    const own = (await (
      await app.request(`/api/v1/runs/${runId}/results`, { headers: auth(submitter) })
    ).json()) as { items: { entityId: string }[] };
    expect(own.items.map((r) => r.entityId)).toEqual(['P000001', 'P000001']);
    const other = await app.request(`/api/v1/runs/${runId}/results?entityId=P000002`, {
      headers: auth(submitter),
    });
    const none = await app.request(`/api/v1/runs/${runId}/results?entityId=P999999`, {
      headers: auth(submitter),
    });
    expect([other.status, await other.text()]).toEqual([none.status, await none.text()]);
    expect(other.status).toBe(404);
    const csv = await (
      await app.request(`/api/v1/runs/${runId}/payments?format=csv`, { headers: auth(submitter) })
    ).text();
    // P000001 only: 4500 base + 0 incentive = 45.00.
    expect(csv.trimEnd().split('\r\n').slice(1)).toEqual([
      'P000001,Provider P000001,dds-qip,2026-27,base,45.00',
      'P000001,Provider P000001,dds-qip,2026-27,incentive,0.00',
      'TOTAL,,dds-qip,2026-27,,45.00',
    ]);
  });

  it('compares two runs payee by payee and names the data as the cause', async () => {
    // P000001 now places 9 of 10: rates 0.2..0.9, median 0.5 + 0.5 x (0.6 - 0.5) = 0.55.
    // P000001 (0.9) now meets it (4500 -> 5000); P000005 (0.5) no longer does (5000 -> 4500).
    await storeSyntheticData(database.db, [{ id: 'P000001', serviceCode: '950', placed: 9 }]);
    const second = await start();
    expect((await finished(second)).totals).toMatchObject({ totalCents: 48000 });
    const diff = (await (
      await app.request(`/api/v1/runs/${second}/diff?against=${runId}`, { headers: auth(analyst) })
    ).json()) as {
      rulebookChanged: boolean;
      snapshotChanged: boolean;
      changedInputs: string[];
      inputs: Record<string, { from: unknown; to: unknown }>;
      payees: {
        entityId: string;
        name: string | null;
        totalCents: { from: number; to: number };
        measures: { changed: string[] }[];
      }[];
    };
    expect([diff.rulebookChanged, diff.snapshotChanged]).toEqual([false, true]);
    // Same day and rulebook, newer data: only the snapshot differs, and the diff says so.
    expect(diff.changedInputs).toEqual(['snapshot']);
    expect(diff.inputs.asOf).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(diff.inputs.rulebookVersion).toEqual({ from: 1, to: 1 });
    // Every '950' payee's cie target moved (0.45 -> 0.55); the two '096' payees did not change.
    expect(diff.payees.map((p) => p.entityId)).toEqual(PAYEES.slice(0, 8).map((p) => p.id));
    const totals = Object.fromEntries(diff.payees.map((p) => [p.entityId, p.totalCents]));
    expect(totals.P000001).toEqual({ from: 4500, to: 5000 });
    expect(totals.P000005).toEqual({ from: 5000, to: 4500 });
    expect(totals.P000002).toEqual({ from: 4500, to: 4500 });
    expect(diff.payees[0]?.measures[0]?.changed).toEqual(['value', 'target', 'met']);
    // Each payee beside its name, as the run copied it.
    expect(diff.payees[0]?.name).toBe('Provider P000001');
    expect(diff.payees.every((p) => p.name === `Provider ${p.entityId}`)).toBe(true);
  });

  it('pages the comparison by payee and keeps every changed measure of each payee', async () => {
    const [newest] = (
      (await (await app.request(`${PROGRAM}/runs`, { headers: auth(analyst) })).json()) as {
        items: { id: number }[];
      }
    ).items;
    type Page = {
      changedInputs: string[];
      payees: { entityId: string; measures: { measure: string }[] }[];
      nextCursor: string | null;
      truncated: boolean;
    };
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const res = await app.request(
        `/api/v1/runs/${newest!.id}/diff?against=${runId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: auth(analyst) },
      );
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    // 8 payees differ (P000001..P000008), 3 a page: 3 + 3 + 2; every one keeps its changed cie result.
    expect(pages.map((p) => p.payees.map((x) => x.entityId))).toEqual([
      ['P000001', 'P000002', 'P000003'],
      ['P000004', 'P000005', 'P000006'],
      ['P000007', 'P000008'],
    ]);
    expect(pages.map((p) => p.truncated)).toEqual([true, true, false]);
    for (const page of pages) {
      expect(page.changedInputs).toEqual(['snapshot']);
      for (const payee of page.payees) expect(payee.measures.map((m) => m.measure)).toEqual(['cie']);
    }
    const bad = await app.request(`/api/v1/runs/${newest!.id}/diff?against=${runId}&cursor=nope`, {
      headers: auth(analyst),
    });
    expect(bad.status).toBe(400);
  });

  it('marks a succeeded run official while the year is open, moves the mark, and cancels only running runs', async () => {
    const post = (path: string, key = admin) => app.request(path, { method: 'POST', headers: auth(key) });
    expect((await post(`/api/v1/runs/${runId}/cancel`)).status).toBe(409);
    expect((await post(`/api/v1/runs/${runId}/official`, analyst)).status).toBe(403);
    const res = await post(`/api/v1/runs/${runId}/official`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: runId, official: true });
    // Marking it again changes nothing and is not audited twice.
    expect((await post(`/api/v1/runs/${runId}/official`)).status).toBe(200);
    const officialOf = async () =>
      (
        (await (await app.request(`${PROGRAM}/runs`, { headers: auth(analyst) })).json()) as {
          items: { id: number; official: boolean }[];
        }
      ).items
        .filter((r) => r.official)
        .map((r) => r.id);
    expect(await officialOf()).toEqual([runId]);
    // The newest run (from the comparison above) becomes the final one; the mark moves.
    const [newest] = (
      (await (await app.request(`${PROGRAM}/runs`, { headers: auth(analyst) })).json()) as {
        items: { id: number }[];
      }
    ).items;
    expect((await post(`/api/v1/runs/${newest!.id}/official`)).status).toBe(200);
    expect(await officialOf()).toEqual([newest!.id]);
    const audit = await listAudit(database.db, { limit: 10, action: 'run.official' });
    // Oldest first: the second mark names the run it took the mark from.
    expect(audit.map((e) => e.details)).toEqual([
      expect.objectContaining({ run: runId, previous: null, asOf: '2026-11-23', rulebookVersion: 1 }),
      expect.objectContaining({ run: newest!.id, previous: runId }),
    ]);
  });

  it('pushes progress as server-sent events and ends the stream with the run', async () => {
    const res = await app.request(`/api/v1/runs/${runId}/events`, { headers: auth(analyst) });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    expect(text).toContain('event: progress');
    expect(text).toContain('"status":"succeeded"');
  });

  it('has no queue dashboard in embedded mode', async () => {
    expect((await app.request('/admin/queues', { headers: auth(admin) })).status).toBe(404);
  });
});

describe('the queue dashboard in scaled mode', () => {
  it('serves bull-board to administrators only', async () => {
    const url = process.env.QUIP_TEST_REDIS_URL;
    if (!url) throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`');
    const jobs = new BullmqJobRunner(url, `quip-test-${randomUUID().slice(0, 8)}`);
    const { app, keyFor, close } = await openTestApp('postgres', { jobs, worker: true });
    try {
      expect((await app.request('/admin/queues')).status).toBe(401);
      expect((await app.request('/admin/queues', { headers: auth(await keyFor('analyst')) })).status).toBe(
        403,
      );
      const res = await app.request('/admin/queues', { headers: auth(await keyFor('admin')) });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html');
      const queues = await app.request('/admin/queues/api/queues', { headers: auth(await keyFor('admin')) });
      expect(JSON.stringify(await queues.json())).toContain('quip-run-chunk');
    } finally {
      await close();
    }
  });
});

describe.each(DATABASE_KINDS)('the dates of a run on %s', (kind) => {
  let t: TestApp;
  let app: QuipApp;
  let database: QuipDatabase;
  let admin: string;
  let analyst: string;
  type Done = { id: number; asOf: string; rulebookVersion: number; totalCents: number };
  let v1: Done;
  let v2: Done;
  let june: Done;

  const start = async (body: { asOf?: string } = {}) => {
    const res = await app.request(`${PROGRAM}/runs`, {
      method: 'POST',
      headers: auth(admin, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: number };
    for (let i = 0; i < 400; i++) {
      const run = (await (await app.request(`/api/v1/runs/${id}`, { headers: auth(analyst) })).json()) as {
        status: string;
        asOf: string;
        rulebookVersion: number;
        totals: { totalCents: number } | null;
      };
      if (run.status === 'succeeded')
        return {
          id,
          asOf: run.asOf,
          rulebookVersion: run.rulebookVersion,
          totalCents: run.totals!.totalCents,
        };
      if (run.status !== 'queued' && run.status !== 'running') throw new Error(`run ${id} ${run.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`run ${id} did not end`);
  };
  const diff = async (run: number, against: number) =>
    (await (
      await app.request(`/api/v1/runs/${run}/diff?against=${against}`, { headers: auth(analyst) })
    ).json()) as {
      changedInputs: string[];
      inputs: Record<'asOf' | 'rulebookVersion' | 'snapshot', { from: unknown; to: unknown }>;
      payees: { entityId: string; totalCents: unknown; measures: { measure: string; changed: string[] }[] }[];
    };

  beforeAll(async () => {
    // In-process jobs retried after 10 ms (200 ms by default).
    t = await openTestApp(kind, { jobs: new InlineJobRunner(10), worker: true });
    ({ app, database } = t);
    admin = await t.keyFor('admin');
    analyst = await t.keyFor('analyst');
    // Version 1: the DSP survey is due 2026-10-31, inside the year.
    await publishRulebook(
      database.db,
      rulebookFixture('survey-and-cie-at-least-peer-median-earn-10-percent'),
    );
    // Two residential homes ('096': cie does not apply, so the survey alone earns the 10 %).
    // Q1's survey arrived 2026-10-01; Q2's on 2027-07-15, after the fiscal year ended.
    const scope = { fiscalYear: '2026-27', programId: 'dds-qip' };
    await database.db.transaction().execute(async (trx) => {
      await upsertEntities(
        trx,
        scope,
        ['Q1', 'Q2'].map((id) => ({
          id,
          name: `Home ${id}`,
          attributes: { serviceCode: '096', rateCents: 5000, units: 1 },
        })),
      );
      for (const [entityId, on] of [
        ['Q1', '2026-10-01'],
        ['Q2', '2027-07-15'],
      ] as const) {
        const batch = await createSubmissionBatch(trx, {
          ...scope,
          keyId: null,
          format: 'json',
          receivedOn: on,
        });
        await insertSubmissionRows(trx, { id: batch, ...scope }, [
          submissionRowJson(entityId, 'workforce-survey', '2026-27', '', on, { participated: true }),
        ]);
      }
    });
  });
  afterAll(() => t?.close());

  it("defaults to the fiscal year's last day when nothing is due after it", async () => {
    v1 = await start();
    // Due 2026-10-31 < 2027-06-30: as of 2027-06-30. Q2's survey (2027-07-15) is not in yet:
    // Q1 4500 + 500, Q2 4500 + 0 = 9500.
    expect(v1).toMatchObject({ asOf: '2027-06-30', rulebookVersion: 1, totalCents: 9500 });
  });

  it('defaults to the last due date when it falls after the year, so on-time filings count', async () => {
    const rulebook = rulebookFixture('survey-and-cie-at-least-peer-median-earn-10-percent');
    await publishRulebook(database.db, {
      ...rulebook,
      measures: rulebook.measures.map((m) =>
        m.key === 'workforce-survey'
          ? { ...m, compute: { ...m.compute, timely: { dueDate: '2027-07-31' } } }
          : m,
      ),
    });
    v2 = await start();
    // Version 2: due 2027-07-31 > 2027-06-30, so as of 2027-07-31. Q2's survey of 2027-07-15 is
    // on time: both homes earn 4500 + 500 = 5000; 10000 in all.
    expect(v2).toMatchObject({ asOf: '2027-07-31', rulebookVersion: 2, totalCents: 10000 });
    // Given a day, the run takes it: as of 2027-06-30 Q2's survey is not in (9500).
    june = await start({ asOf: '2027-06-30' });
    expect(june).toMatchObject({ asOf: '2027-06-30', rulebookVersion: 2, totalCents: 9500 });
    const listed = (await (await app.request(`${PROGRAM}/runs`, { headers: auth(analyst) })).json()) as {
      items: { id: number; asOf: string; rulebookVersion: number }[];
    };
    expect(listed.items.map((r) => [r.id, r.asOf, r.rulebookVersion])).toEqual([
      [june.id, '2027-06-30', 2],
      [v2.id, '2027-07-31', 2],
      [v1.id, '2027-06-30', 1],
    ]);
    // The audit records each run's day, oldest first.
    const started = await listAudit(database.db, { limit: 10, action: 'run.start' });
    expect(started.map((e) => (e.details as { asOf: string }).asOf)).toEqual([
      '2027-06-30',
      '2027-07-31',
      '2027-06-30',
    ]);
  });

  it('names the as-of date as the only input that differs between two runs of the same data and rulebook', async () => {
    const byDate = await diff(june.id, v2.id);
    expect(byDate.changedInputs).toEqual(['asOf']);
    expect(byDate.inputs.asOf).toEqual({ from: '2027-07-31', to: '2027-06-30' });
    // Only Q2 changed: its survey is missing as of 2027-06-30 (5000 -> 4500).
    expect(byDate.payees).toEqual([
      {
        entityId: 'Q2',
        name: 'Home Q2',
        totalCents: { from: 5000, to: 4500 },
        measures: [expect.objectContaining({ measure: 'workforce-survey', changed: ['value', 'met'] })],
      },
    ]);
    const byRulebook = await diff(v2.id, v1.id);
    expect(byRulebook.changedInputs).toEqual(['asOf', 'rulebookVersion', 'rulebookContent']);
    expect(byRulebook.inputs.rulebookVersion).toEqual({ from: 1, to: 2 });
    expect(byRulebook.inputs.snapshot.from).toBe(byRulebook.inputs.snapshot.to);
  });
});
