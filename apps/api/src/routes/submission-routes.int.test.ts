import { listAudit } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { InlineJobRunner } from '@quip/jobs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import { publishScreeningProgram } from '../testing/rulebooks-fixture.ts';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';

const URL = '/api/v1/fiscal-years/2026-27/programs/dds-qip/submissions';
const HEADER = 'entityId,measure,period,submittedOn,data.personId,data.age,data.dueDate,data.screenedOn';
const screening = (
  entityId: string,
  personId: string,
  age: unknown,
  extra: Record<string, unknown> = {},
) => ({
  entityId,
  measure: 'colorectal-screening',
  period: '2026-27',
  data: { personId, age, dueDate: '2026-12-31', ...extra },
});
/** The server's clock in these tests: 10:00 in Los Angeles (PST, UTC-8) on 2026-11-23. */
const NOW = new Date('2026-11-23T18:00:00Z');

interface Problem {
  status: number;
  detail: string;
  errors: { row: number; path: string; message: string }[];
}

describe.each(DATABASE_KINDS)('submissions on %s', (kind) => {
  let t: TestApp;
  let limited: ReturnType<typeof createApp>;
  let admin: string;
  let submitter: string;
  beforeAll(async () => {
    t = await openTestApp(kind, { clock: () => NOW });
    admin = await t.keyFor('admin');
    submitter = await t.keyFor('submitter', ['V1-096']);
    await publishScreeningProgram(t.database.db);
    // The same database behind tight limits: 2 KB bodies, 3 rows per request.
    limited = createApp({
      db: t.database.db,
      databaseKind: t.database.kind,
      jobs: new InlineJobRunner(),
      logger: createLogger('silent'),
      webDist: null,
      bodyLimitBytes: 2048,
      maxRowsPerRequest: 3,
      clock: () => NOW,
    });
  });
  afterAll(() => t?.close());

  const post = (body: string, contentType: string, key = admin, headers: Record<string, string> = {}) =>
    t.app.request(URL, {
      method: 'POST',
      headers: { ...bearer(key), 'Content-Type': contentType, ...headers },
      body,
    });
  const postJson = (rows: unknown[], key = admin, headers: Record<string, string> = {}) =>
    post(JSON.stringify(rows), 'application/json', key, headers);
  const stored = async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from submissions`.execute(
      t.database.db,
    );
    return rows[0]!.n;
  };
  const list = async (query: string, key = admin) => {
    const res = await t.app.request(`${URL}${query}`, { headers: bearer(key) });
    return {
      status: res.status,
      body: (await res.json()) as { items: Record<string, unknown>[]; nextCursor: string | null },
    };
  };

  it('stores a JSON array and answers 201 with the batch', async () => {
    const res = await postJson([screening('V1-096', 'P1', 50), screening('V2-096', 'P2', 60)]);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      batchId: expect.any(Number),
      rows: 2,
      receivedAt: '2026-11-23T18:00:00.000Z',
      receivedOn: '2026-11-23',
      replaced: 0,
      warnings: [],
      warningCount: 0,
    });
    expect(await stored()).toBe(2);
  });

  it("stores CSV with a BOM, CRLF and quoted cells, typed by the measure; a record counts as received on the server's day", async () => {
    const csv =
      '\uFEFFentityId,measure,period,submittedOn,data.personId,data.age,data.dueDate,data.zipCodes,data.agencyType,data.acceptsReferrals\r\n' +
      'V1-096,colorectal-screening,2026-27,,"P,3",47,2026-12-31,,,\r\n' +
      'V1-096,provider-directory,2026-27,2026-10-01,,,,"95814; 95815",agency,yes\r\n';
    const res = await post(csv, 'text/csv');
    expect(res.status).toBe(201);
    const { body } = await list('?entityId=V1-096&measure=provider-directory');
    expect(body.items.map((s) => [s.submittedOn, s.data])).toEqual([
      ['2026-10-01', { zipCodes: ['95814', '95815'], agencyType: 'agency', acceptsReferrals: true }],
    ]);
    const p3 = (await list('?entityId=V1-096&measure=colorectal-screening')).body.items.find(
      (s) => (s.data as { personId: string }).personId === 'P,3',
    );
    expect(p3).toMatchObject({
      submittedOn: '2026-11-23',
      receivedAt: '2026-11-23T18:00:00.000Z',
      declaredOn: null,
      data: { personId: 'P,3', age: 47 },
    });
  });

  it('stores NDJSON', async () => {
    const ndjson = `${JSON.stringify(screening('V2-096', 'P4', 70))}\r\n\n${JSON.stringify(screening('V2-096', 'P5', 71))}\n`;
    const res = await post(ndjson, 'application/x-ndjson');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { rows: number }).rows).toBe(2);
  });

  it('rejects a batch with bad rows, listing each, and stores nothing', async () => {
    const before = await stored();
    const res = await postJson(
      [
        screening('V1-096', 'P10', 50), // row 1 fine
        screening('V1-096', 'P11', 'fifty'), // wrong type
        {
          entityId: 'V1-096',
          measure: 'colorectal-screening',
          period: '2026-27',
          data: { personId: 'P12', age: 50 },
        },
        { ...screening('V1-096', 'P13', 50), measure: 'no-such-measure' },
        screening('V9-999', 'P14', 50), // unknown payee
        screening('V1-096', 'P10', 51), // same record as row 1
        { ...screening('V1-096', 'P15', 50), submittedOn: '2026-02-30' },
      ],
      admin,
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Problem;
    expect(body.errors).toEqual([
      { row: 2, path: 'data.age', message: "'age' must be a number" },
      { row: 3, path: 'data.dueDate', message: "'dueDate' is required" },
      { row: 4, path: 'measure', message: 'unknown measure' },
      { row: 5, path: 'entityId', message: 'unknown payee' },
      { row: 6, path: '', message: 'repeats row 1: same payee, measure, period and record' },
      { row: 7, path: 'submittedOn', message: 'must be a real day written YYYY-MM-DD' },
    ]);
    expect(body.detail).toContain('6 error(s) in 6 row(s)');
    expect(await stored()).toBe(before);
  });

  it("reports another payee's row to a submitter exactly as an unknown payee", async () => {
    const res = await postJson(
      [screening('V1-096', 'P20', 50), screening('V2-096', 'P21', 50), screening('V3-000', 'P22', 50)],
      submitter,
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as Problem;
    expect(body.errors).toEqual([
      { row: 2, path: 'entityId', message: 'unknown payee' },
      { row: 3, path: 'entityId', message: 'unknown payee' },
    ]);
  });

  it('never echoes submitted personal data in an error', async () => {
    const csv = `${HEADER}\nV1-096,colorectal-screening,2026-27,2026-09-01,Jane Q. Public,Jane Q. Public 1961-04-12,1961-04-12x,\n`;
    const res = await post(csv, 'text/csv');
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain('data.age');
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('1961-04-12');
  });

  it('answers 422 for an empty body, a header without rows, bad JSON and an unclosed CSV quote', async () => {
    for (const [body, type] of [
      ['', 'text/csv'],
      [`${HEADER}\r\n`, 'text/csv'],
      ['[]', 'application/json'],
      ['', 'application/x-ndjson'],
    ] as const) {
      const res = await post(body, type);
      expect(res.status).toBe(422);
      expect(((await res.json()) as Problem).detail).toBe('The request has no rows.');
    }
    const broken = await post('[{"entityId": "V1-096"', 'application/json');
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as Problem).errors).toEqual([
      { row: 1, path: '', message: 'row is not valid JSON (the JSON array is not closed)' },
    ]);
    const quote = await post(
      `${HEADER}\nV1-096,colorectal-screening,2026-27,,"P30,50,2026-12-31,\n`,
      'text/csv',
    );
    expect(quote.status).toBe(422);
    expect(((await quote.json()) as Problem).errors).toEqual([
      { row: 1, path: '', message: 'row is not valid CSV (a quoted cell is not closed)' },
    ]);
    const header = await post('entityId,measure,name\n', 'text/csv');
    expect(((await header.json()) as Problem).errors).toEqual([
      { row: 0, path: 'column 3', message: 'is not a submission column' },
    ]);
  });

  it('answers 413 for a body over the size limit and for more rows than a request may carry', async () => {
    const before = await stored();
    const big = await limited.request(URL, {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 40 }, (_, i) => screening('V1-096', `P${100 + i}`, 50))),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toBe('application/problem+json');
    const rows = [1, 2, 3, 4].map((i) => `V1-096,colorectal-screening,2026-27,,P${200 + i},50,2026-12-31,`);
    const many = await limited.request(URL, {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'text/csv' },
      body: `${HEADER}\n${rows.join('\n')}\n`,
    });
    expect(many.status).toBe(413);
    expect(((await many.json()) as Problem).detail).toBe('A request may carry at most 3 rows.');
    expect(await stored()).toBe(before);
  });

  it('lists at most 1,000 errors and counts the rest', async () => {
    // 1,005 rows with a wrong-typed age: 1,000 listed, 5 counted.
    const rows = Array.from(
      { length: 1005 },
      (_, i) => `V1-096,colorectal-screening,2026-27,,Q${i},old,2026-12-31,`,
    );
    const res = await post(`${HEADER}\n${rows.join('\n')}`, 'text/csv');
    expect(res.status).toBe(422);
    const body = (await res.json()) as Problem;
    expect(body.errors).toHaveLength(1000);
    expect(body.errors[999]).toEqual({ row: 1000, path: 'data.age', message: "'age' must be a number" });
    expect(body.detail).toContain('1005 error(s)');
    expect(body.detail).toContain('5 more');
  });

  it('keeps history: a resubmission is the current version, the first stays', async () => {
    await postJson([screening('V2-096', 'P40', 50, { screenedOn: '2026-11-01' })]);
    await postJson([
      { ...screening('V2-096', 'P40', 50, { screenedOn: '2026-11-15' }), submittedOn: '2026-11-20' },
    ]);
    const current = await list('?entityId=V2-096&measure=colorectal-screening');
    const p40 = current.body.items.filter((s) => (s.data as { personId: string }).personId === 'P40');
    expect(p40.map((s) => (s.data as { screenedOn: string }).screenedOn)).toEqual(['2026-11-15']);
    const history = await list('?entityId=V2-096&measure=colorectal-screening&history=1');
    const all = history.body.items.filter((s) => (s.data as { personId: string }).personId === 'P40');
    expect(all.map((s) => (s.data as { screenedOn: string }).screenedOn)).toEqual([
      '2026-11-01',
      '2026-11-15',
    ]);
  });

  it('pages through submissions and keeps a submitter to its own payees', async () => {
    const first = await list('?limit=2&history=1');
    expect(first.body.items).toHaveLength(2);
    const second = await list(`?limit=2&history=1&cursor=${first.body.nextCursor}`);
    expect((second.body.items[0]!.id as number) > (first.body.items[1]!.id as number)).toBe(true);
    const own = await list('', submitter);
    expect(own.status).toBe(200);
    expect(new Set(own.body.items.map((s) => s.entityId))).toEqual(new Set(['V1-096']));
    expect((await list('?entityId=V2-096', submitter)).status).toBe(404);
  });

  it('writes one audit entry per batch, with counts and no data', async () => {
    const res = await postJson([screening('V1-096', 'P50', 50), screening('V1-096', 'P51', 50)], submitter);
    const { batchId } = (await res.json()) as { batchId: number };
    const entries = await listAudit(t.database.db, { limit: 1000, action: 'submissions.create' });
    const entry = entries.find((e) => e.details.batchId === batchId);
    expect(entry?.details).toEqual({
      batchId,
      rows: 2,
      format: 'json',
      measures: { 'colorectal-screening': 2 },
      receivedAt: '2026-11-23T18:00:00.000Z',
      replaced: 0,
      warnings: 0,
      declaredSubmittedOn: 0,
    });
    expect(JSON.stringify(entry)).not.toContain('P50');
  });

  it('replays with the same Idempotency-Key, refuses another body under it, and stores once when sent 5 times at once', async () => {
    const body = [screening('V1-096', 'P60', 50)];
    const first = await postJson(body, admin, { 'Idempotency-Key': 'sub-1' });
    const before = await stored();
    const again = await postJson(body, admin, { 'Idempotency-Key': 'sub-1' });
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(await stored()).toBe(before);
    const other = await postJson([screening('V1-096', 'P61', 50)], admin, { 'Idempotency-Key': 'sub-1' });
    expect(other.status).toBe(422);
    expect(await stored()).toBe(before);

    const csv = `${HEADER}\nV1-096,colorectal-screening,2026-27,,P62,50,2026-12-31,\n`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(csv, 'text/csv', admin, { 'Idempotency-Key': 'sub-2' })),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    // One row stored, not five.
    expect(await stored()).toBe(before + 1);
  });

  it('refuses a closed fiscal year (409), a program without a published rulebook (409), and analysts (403)', async () => {
    await t.database.db
      .updateTable('fiscal_years')
      .set({ status: 'closed' })
      .where('fiscal_year', '=', '2025-26')
      .execute();
    const closed = await t.app.request('/api/v1/fiscal-years/2025-26/programs/dds-qip/submissions', {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify([screening('V1-096', 'P70', 50)]),
    });
    expect(closed.status).toBe(409);
    const noRulebook = await t.app.request('/api/v1/fiscal-years/2026-27/programs/dhcs-wpc/submissions', {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(noRulebook.status).toBe(409);
    const analyst = await t.keyFor('analyst');
    expect((await postJson([screening('V1-096', 'P71', 50)], analyst)).status).toBe(403);
  });
});
