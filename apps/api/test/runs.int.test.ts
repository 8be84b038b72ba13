import { randomUUID } from 'node:crypto';
import { type DatabaseKind, insertApiKey, type QuipDatabase, seedReferenceData } from '@quip/db';
import { DATABASE_KINDS, openTestDatabase } from '@quip/db/testing';
import {
  BullmqJobRunner,
  InlineJobRunner,
  type JobRunner,
  jobDefinitions,
  publishSyntheticRulebook,
  storeSyntheticData,
} from '@quip/jobs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type QuipApp } from '../src/app.ts';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../src/auth/api-key-secret.ts';
import { createLogger } from '../src/logger.ts';

/** The app with a job runner that takes jobs (the shared test app starts none). */
async function openRunsApp(kind: DatabaseKind, jobs: JobRunner) {
  const database = await openTestDatabase(kind);
  await seedReferenceData(database.db);
  await jobs.startWorker(jobDefinitions({ db: database.db }));
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    jobs,
    logger: createLogger('silent'),
    webDist: null,
    bodyLimitBytes: 1024 * 1024,
  });
  const keyFor = async (role: 'admin' | 'analyst' | 'submitter', entityIds?: string[]) => {
    const key = generateApiKey();
    await insertApiKey(database.db, {
      id: randomUUID(),
      name: `test ${role}`,
      role,
      entityIds: entityIds ?? null,
      keyHash: hashApiKey(key),
      keyPrefix: apiKeyPrefix(key),
      createdBy: null,
    });
    return key;
  };
  return { app, database, keyFor };
}

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
  let app: QuipApp;
  let database: QuipDatabase;
  let jobs: InlineJobRunner;
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
    jobs = new InlineJobRunner(10);
    const opened = await openRunsApp(kind, jobs);
    ({ app, database } = opened);
    await publishSyntheticRulebook(database.db);
    await storeSyntheticData(database.db, PAYEES);
    admin = await opened.keyFor('admin');
    analyst = await opened.keyFor('analyst');
    submitter = await opened.keyFor('submitter', ['P000001']);
    runId = await start({ 'Idempotency-Key': `first-run-${kind}` });
  });
  afterAll(async () => {
    await jobs?.close(1_000);
    await database?.close();
  });

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
    expect((await app.request(`/api/v1/runs/${runId}`, { headers: auth(submitter) })).status).toBe(403);
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
      payees: {
        entityId: string;
        totalCents: { from: number; to: number };
        measures: { changed: string[] }[];
      }[];
    };
    expect([diff.rulebookChanged, diff.snapshotChanged]).toEqual([false, true]);
    // Every '950' payee's cie target moved (0.45 -> 0.55); the two '096' payees did not change.
    expect(diff.payees.map((p) => p.entityId)).toEqual(PAYEES.slice(0, 8).map((p) => p.id));
    const totals = Object.fromEntries(diff.payees.map((p) => [p.entityId, p.totalCents]));
    expect(totals.P000001).toEqual({ from: 4500, to: 5000 });
    expect(totals.P000005).toEqual({ from: 5000, to: 4500 });
    expect(totals.P000002).toEqual({ from: 4500, to: 4500 });
    expect(diff.payees[0]?.measures[0]?.changed).toEqual(['value', 'target', 'met']);
  });

  it('marks a succeeded run official only once its fiscal year is closed, and cancels only running runs', async () => {
    const post = (path: string) => app.request(path, { method: 'POST', headers: auth(admin) });
    expect((await post(`/api/v1/runs/${runId}/cancel`)).status).toBe(409);
    expect((await post(`/api/v1/runs/${runId}/official`)).status).toBe(409);
    await database.db
      .updateTable('fiscal_years')
      .set({ status: 'closed' })
      .where('fiscal_year', '=', '2026-27')
      .execute();
    try {
      const res = await post(`/api/v1/runs/${runId}/official`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { official: boolean }).official).toBe(true);
      expect(
        (await app.request(`/api/v1/runs/${runId}/official`, { method: 'POST', headers: auth(analyst) }))
          .status,
      ).toBe(403);
    } finally {
      await database.db
        .updateTable('fiscal_years')
        .set({ status: 'open' })
        .where('fiscal_year', '=', '2026-27')
        .execute();
    }
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
    const { app, database, keyFor } = await openRunsApp('postgres', jobs);
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
      await jobs.close(1_000);
      await database.close();
    }
  });
});
