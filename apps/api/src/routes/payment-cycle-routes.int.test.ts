import { DATABASE_KINDS, insertCyclesProgram, insertSyntheticRun } from '@quip/db/testing';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON answers, inspected loosely
type Json = any;
const asJson = (value: unknown): Json => value;

const FY = '2026-27';
const PROGRAM = 'cycles-demo';
const OTHER = 'cycles-other';
const base = `/api/v1/fiscal-years/${FY}/programs/${PROGRAM}`;

describe.each(DATABASE_KINDS)('payment cycles over HTTP on %s', (kind) => {
  let t: TestApp;
  let creator: string;
  let approver: string;
  let analyst: string;
  let revision: number;
  let otherRevision: number;

  const post = (path: string, key: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      method: 'POST',
      headers: { ...bearer(key), 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body ?? {}),
    });
  const get = (path: string, key = analyst) => t.app.request(path, { headers: bearer(key) });
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db))
        .rows[0]?.n,
    );
  const run = (lines: Record<string, { kind: string; amountCents: number }[]>, extra = {}) =>
    insertSyntheticRun(t.database.db, {
      fiscalYear: FY,
      programId: PROGRAM,
      rulebookRevisionId: revision,
      official: true,
      payments: Object.entries(lines).map(([entityId, l]) => ({
        entityId,
        name: entityId === 'P-2' ? '=HYPERLINK("http://x")' : `Clinic ${entityId}`,
        lines: l,
      })),
      ...extra,
    });
  /** A run paying P-1 a base of 4,500 and an incentive of `incentiveCents`, and the `others` their lines. */
  const runPayingP1 = (incentiveCents: number, others: Parameters<typeof run>[0]) =>
    run({
      'P-1': [
        { kind: 'base', amountCents: 4500 },
        { kind: 'incentive', amountCents: incentiveCents },
      ],
      ...others,
    });
  /** A later run's correction: P-2 gone, P-3 new (base 1,000), P-1 paid an incentive of `incentiveCents`. */
  const correctionRun = (incentiveCents: number) =>
    runPayingP1(incentiveCents, { 'P-3': [{ kind: 'base', amountCents: 1000 }] });

  beforeAll(async () => {
    t = await openTestApp(kind);
    creator = await t.keyFor('admin');
    approver = await t.keyFor('admin');
    analyst = await t.keyFor('analyst');
    // Budget: $100.00 a fiscal year.
    revision = (
      await insertCyclesProgram(t.database.db, PROGRAM, { budgetCents: { fiscalYear: 10_000 } }, [FY])
    )[FY]!;
    otherRevision = (await insertCyclesProgram(t.database.db, OTHER, undefined, [FY]))[FY]!;
  }, 60_000);
  afterAll(() => t?.close());

  it('creates a draft, has a second admin approve it, pays the difference next, and files add up to the ledger', async () => {
    const r1 = await runPayingP1(500, { 'P-2': [{ kind: 'base', amountCents: 2000 }] });
    const headers = { 'Idempotency-Key': `first-${kind}` };
    const created = await post(`${base}/payment-cycles`, creator, { runId: r1, label: 'October' }, headers);
    expect(created.status).toBe(201);
    const draft = await created.json().then(asJson);
    // 4,500 + 500 + 2,000 = 7,000 due on 3 lines.
    expect(draft).toMatchObject({
      status: 'draft',
      runId: r1,
      label: 'October',
      totals: { dueCents: 7000, recoveredCents: 0, netCents: 7000, lines: 3 },
    });
    // A replay answers the same and stores nothing new.
    const replay = await post(`${base}/payment-cycles`, creator, { runId: r1, label: 'October' }, headers);
    expect([replay.status, (await replay.json().then(asJson)).id]).toEqual([201, draft.id]);
    expect(await count('payment_cycles')).toBe(1);

    // The creator cannot approve it: 403, nothing written.
    const own = await post(`/api/v1/payment-cycles/${draft.id}/approve`, creator);
    expect(own.status).toBe(403);
    expect(own.headers.get('content-type')).toBe('application/problem+json');
    expect((await own.json().then(asJson)).detail).toMatch(/another key/);
    expect(await count('payment_ledger')).toBe(0);

    const approved = await post(`/api/v1/payment-cycles/${draft.id}/approve`, approver);
    expect(approved.status).toBe(200);
    const body = await approved.json().then(asJson);
    expect(body).toMatchObject({ id: draft.id, status: 'approved' });
    const again = await post(`/api/v1/payment-cycles/${draft.id}/approve`, approver);
    expect([again.status, await again.json().then(asJson)]).toEqual([200, body]);
    expect(await count('payment_ledger')).toBe(3);
    expect(await count('payment_cycle_approvals')).toBe(1);

    // A correction: P-1's incentive 500 -> 800 (+300), P-2 left (-2,000 recovered), P-3 new (+1,000).
    const r2 = await correctionRun(800);
    const second = await (await post(`${base}/payment-cycles`, creator, { runId: r2 })).json().then(asJson);
    // P-1's base is unchanged (4,500 paid, 4,500 entitled): nothing due, no line.
    expect(second.totals).toEqual({ dueCents: 1300, recoveredCents: 2000, netCents: -700, lines: 3 });
    const lines = await (await get(`/api/v1/payment-cycles/${second.id}/lines`)).json().then(asJson);
    expect(lines.items).toEqual([
      expect.objectContaining({
        entityId: 'P-1',
        key: 'incentive',
        entitledCents: 800,
        paidBeforeCents: 500,
        dueCents: 300,
      }),
      expect.objectContaining({
        entityId: 'P-2',
        key: 'base',
        entitledCents: 0,
        paidBeforeCents: 2000,
        dueCents: -2000,
      }),
      expect.objectContaining({
        entityId: 'P-3',
        key: 'base',
        entitledCents: 1000,
        paidBeforeCents: 0,
        dueCents: 1000,
      }),
    ]);
    expect((await post(`/api/v1/payment-cycles/${second.id}/approve`, approver)).status).toBe(200);

    // The file: lines that move money, the recovery marked, the payee name a formula no more.
    const csv = await (await get(`/api/v1/payment-cycles/${second.id}/lines?format=csv`)).text();
    expect(csv.split('\r\n')).toEqual([
      'cycle_id,payee_id,payee_name,program,fiscal_year,line_key,line_kind,amount_dollars,note',
      `${second.id},P-1,Clinic P-1,${PROGRAM},${FY},incentive,incentive,3.00,`,
      // P-2 is not in run 2: its name would come from the payees table, which never held it: ''.
      `${second.id},P-2,,${PROGRAM},${FY},base,base,-20.00,recovery`,
      `${second.id},P-3,Clinic P-3,${PROGRAM},${FY},base,base,10.00,`,
      // 3.00 - 20.00 + 10.00 = -7.00 over 3 lines.
      `TRAILER,,,${PROGRAM},${FY},,,-7.00,3 lines`,
      '',
    ]);
    const first = await (await get(`/api/v1/payment-cycles/${draft.id}/lines?format=csv`)).text();
    expect(first).toContain(`,P-2,"'=HYPERLINK(""http://x"")",`);
    const xlsx = await get(`/api/v1/payment-cycles/${draft.id}/lines?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cell = workbook.worksheets[0]!.getRow(4).getCell(3);
    expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, '=HYPERLINK("http://x")']);
    expect(workbook.worksheets[0]!.getRow(5).values).toEqual([
      undefined,
      'TRAILER',
      '',
      '',
      PROGRAM,
      FY,
      '',
      '',
      70,
      '3 lines',
    ]);

    // The ledger: 3 + 3 entries, running balances; files (70.00 - 7.00) = ledger (6,300 cents).
    const ledger = await (await get(`${base}/ledger`)).json().then(asJson);
    expect(ledger.items.reduce((s: number, i: { amountCents: number }) => s + i.amountCents, 0)).toBe(6300);
    const p1 = await (await get(`${base}/ledger?entityId=P-1&key=incentive`)).json().then(asJson);
    expect(
      p1.items.map((i: { amountCents: number; balanceCents: number }) => [i.amountCents, i.balanceCents]),
    ).toEqual([
      [500, 500],
      [300, 800],
    ]);
    expect(p1.balances).toEqual([{ entityId: 'P-1', key: 'incentive', paidCents: 800 }]);
    const cycles = await (await get(`${base}/payment-cycles`)).json().then(asJson);
    expect(cycles.items.map((c: { id: number; status: string }) => [c.id, c.status])).toEqual([
      [second.id, 'approved'],
      [draft.id, 'approved'],
    ]);

    // Every action audited with the key's name.
    const audit = await sql<{ action: string; details: { keyName: string } }>`
      select action, details from audit_log where action like 'payment-cycle.%' order by id
    `.execute(t.database.db);
    expect(audit.rows.map((r) => [r.action, r.details.keyName])).toEqual([
      ['payment-cycle.create', 'test admin'],
      ['payment-cycle.approve', 'test admin'],
      ['payment-cycle.create', 'test admin'],
      ['payment-cycle.approve', 'test admin'],
      // The files were downloaded with the analyst's key.
      ['payment-cycle.export', 'test analyst'],
      ['payment-cycle.export', 'test analyst'],
      ['payment-cycle.export', 'test analyst'],
    ]);
  });

  it('refuses failed, foreign and missing runs, stale drafts and budget overruns, writing nothing', async () => {
    const before = { cycles: await count('payment_cycles'), ledger: await count('payment_ledger') };
    const expectProblem = async (res: Response, status: number, detail: RegExp) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await res.json().then(asJson)).detail).toMatch(detail);
    };
    const failed = await run({ 'P-1': [{ kind: 'base', amountCents: 1 }] }, { status: 'failed' });
    await expectProblem(
      await post(`${base}/payment-cycles`, creator, { runId: failed }),
      409,
      /is failed: only a succeeded run/,
    );
    const foreign = await insertSyntheticRun(t.database.db, {
      fiscalYear: FY,
      programId: OTHER,
      rulebookRevisionId: otherRevision,
      payments: [{ entityId: 'X', lines: [{ kind: 'base', amountCents: 1 }] }],
    });
    await expectProblem(
      await post(`${base}/payment-cycles`, creator, { runId: foreign }),
      422,
      /is a run of cycles-other/,
    );
    await expectProblem(
      await post(`${base}/payment-cycles`, creator, { runId: 99_999 }),
      422,
      /does not exist/,
    );
    expect((await post(`${base}/payment-cycles`, creator, { runId: 'x' })).status).toBe(400);
    expect(
      (await post(`/api/v1/fiscal-years/${FY}/programs/no-such/payment-cycles`, creator, { runId: failed }))
        .status,
    ).toBe(404);

    // Budget $100.00 a year; 63.00 paid so far; a run making 38.00 more due is 1.00 over.
    const paid = 6300;
    const over = await correctionRun(800 + 3800);
    const refused = await post(`${base}/payment-cycles`, creator, { runId: over });
    expect(refused.status).toBe(409);
    const problem = await refused.json().then(asJson);
    expect(problem).toMatchObject({
      budget: 'fiscalYear',
      limitCents: 10_000,
      paidCents: paid,
      cycleCents: 3800,
      overCents: 100,
    });
    expect(problem.detail).toMatch(
      /\$1\.00 over the fiscal-year budget of \$100\.00.*raise cycles\.budgetCents/,
    );
    expect({ cycles: await count('payment_cycles'), ledger: await count('payment_ledger') }).toEqual(before);

    // Two drafts of the same run: approving one makes the other stale.
    const fits = await correctionRun(900);
    const a = await (await post(`${base}/payment-cycles`, creator, { runId: fits })).json().then(asJson);
    const b = await (await post(`${base}/payment-cycles`, creator, { runId: fits })).json().then(asJson);
    expect((await post(`/api/v1/payment-cycles/${a.id}/approve`, approver)).status).toBe(200);
    const ledger = await count('payment_ledger');
    await expectProblem(
      await post(`/api/v1/payment-cycles/${b.id}/approve`, approver),
      409,
      /is stale: cycle \d+ was approved.*Create it again/,
    );
    expect(await count('payment_ledger')).toBe(ledger);
    expect((await (await get(`/api/v1/payment-cycles/${b.id}`)).json().then(asJson)).status).toBe('draft');
    // An older run than the one now paid.
    await expectProblem(
      await post(`${base}/payment-cycles`, creator, { runId: over }),
      409,
      /is older than run/,
    );
    expect((await post('/api/v1/payment-cycles/999999/approve', approver)).status).toBe(404);
  });
});
