import { CATALOG } from '@quip/catalog';
import { listAudit, loadCatalog } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';

// Receipt and trust (the server's clock dates a batch), against the catalog's DDS rulebook for 2026-27:
// the provider directory is due 2026-09-30 in the program's time zone, America/Los_Angeles.
const PROGRAM = '/api/v1/fiscal-years/2026-27/programs/dds-qip';
const payee = (id: string, name: string) => ({
  id,
  name,
  vendorNumber: id.slice(0, 6),
  serviceCode: '950',
  regionalCenter: 'GGRC',
  rateCents: 5000,
  units: 1000,
});
const directory = (entityId: string, extra: Record<string, unknown> = {}) => ({
  entityId,
  measure: 'qip-provider-directory',
  period: '2026-27',
  data: {
    businessName: 'A Provider',
    phone: '4155550142',
    email: 'info@provider.example',
    zipCodesServed: ['94107'],
    languages: ['en'],
    providerType: 'agency',
    verifiedOn: '2026-09-10',
    ...extra,
  },
});

interface BatchAnswer {
  batchId: number | null;
  rows: number;
  receivedAt: string;
  receivedOn: string;
  replaced: number;
  warnings: { row: number; path: string; message: string }[];
  warningCount: number;
}
interface Stored {
  entityId: string;
  submittedOn: string;
  receivedAt: string;
  declaredOn: string | null;
  keyName: string | null;
  findings: { path: string; message: string }[];
  data: Record<string, unknown>;
}

describe.each(DATABASE_KINDS)('receipt and trust on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2026-09-15T17:00:00Z');
  let admin: string;
  let submitter: string;

  beforeAll(async () => {
    t = await openTestApp(kind, { clock: () => now, worker: true });
    await loadCatalog(t.database.db, CATALOG);
    admin = await t.keyFor('admin');
    submitter = await t.keyFor('submitter', ['PV0001-950', 'PV0002-950', 'PV0003-950']);
    const res = await t.app.request(`${PROGRAM}/entities`, {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify([
        payee('PV0001-950', 'On Time'),
        payee('PV0002-950', 'One Second Late'),
        payee('PV0003-950', 'Historic'),
      ]),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.close());

  const submit = async (rows: unknown[], key: string, at: string, query = '') => {
    now = new Date(at);
    const res = await t.app.request(`${PROGRAM}/submissions${query}`, {
      method: 'POST',
      headers: { ...bearer(key), 'Content-Type': 'application/json' },
      body: JSON.stringify(rows),
    });
    return { status: res.status, body: (await res.json()) as BatchAnswer & { errors?: unknown[] } };
  };
  const history = async (entityId: string) => {
    const res = await t.app.request(
      `${PROGRAM}/submissions?entityId=${entityId}&measure=qip-provider-directory&history=1`,
      { headers: bearer(admin) },
    );
    return ((await res.json()) as { items: Stored[] }).items;
  };
  const stored = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from submissions`.execute(t.database.db)).rows[0]!.n;

  it('judges timeliness on the day received in Los Angeles: the due day ends at midnight there', async () => {
    // 2026-10-01T06:59:59Z is 2026-09-30 23:59:59 PDT (UTC-7): still the due day.
    const onTime = await submit([directory('PV0001-950')], submitter, '2026-10-01T06:59:59Z');
    expect(onTime.status).toBe(201);
    expect(onTime.body).toEqual({
      batchId: expect.any(Number),
      rows: 1,
      receivedAt: '2026-10-01T06:59:59.000Z',
      receivedOn: '2026-09-30',
      replaced: 0,
      warnings: [],
      warningCount: 0,
    });
    // One second later it is 2026-10-01 00:00:00 PDT: a day late.
    const late = await submit([directory('PV0002-950')], submitter, '2026-10-01T07:00:00Z');
    expect(late.body.receivedOn).toBe('2026-10-01');

    const [first] = await history('PV0001-950');
    expect(first).toMatchObject({
      submittedOn: '2026-09-30',
      receivedAt: '2026-10-01T06:59:59.000Z',
      declaredOn: null,
      keyName: 'test submitter',
      findings: [],
    });

    // The run reads the stored day: PV0001 timely, PV0002 not.
    now = new Date('2027-01-05T18:00:00Z');
    const started = await t.app.request(`${PROGRAM}/runs`, {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify({ asOf: '2027-06-30' }),
    });
    const { id } = (await started.json()) as { id: number };
    let status = 'queued';
    for (let i = 0; i < 400 && (status === 'queued' || status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (
        (await (await t.app.request(`/api/v1/runs/${id}`, { headers: bearer(admin) })).json()) as {
          status: string;
        }
      ).status;
    }
    expect(status).toBe('succeeded');
    const results = (await (
      await t.app.request(`/api/v1/runs/${id}/results?measure=qip-provider-directory`, {
        headers: bearer(admin),
      })
    ).json()) as { items: { entityId: string; reporting?: { timely: boolean } }[] };
    const timely = Object.fromEntries(results.items.map((r) => [r.entityId, r.reporting?.timely]));
    expect(timely).toMatchObject({ 'PV0001-950': true, 'PV0002-950': false });
  });

  it("refuses a submitter's submittedOn and keeps an admin's declaration beside receivedAt, audited", async () => {
    const before = await stored();
    const claimed = await submit(
      [{ ...directory('PV0003-950'), submittedOn: '2026-09-15' }],
      submitter,
      '2026-12-06T20:00:00Z',
    );
    expect(claimed.status).toBe(422);
    expect(claimed.body.errors).toEqual([
      {
        row: 1,
        path: 'submittedOn',
        message:
          'is set by the server (the day received); only an admin may declare it, for historic records',
      },
    ]);
    // An admin may not declare a day after the one it sends the record on.
    const future = await submit(
      [{ ...directory('PV0003-950'), submittedOn: '2026-12-07' }],
      admin,
      '2026-12-06T20:00:00Z',
    );
    expect(future.body.errors).toEqual([
      { row: 1, path: 'submittedOn', message: 'must not be after the day received' },
    ]);
    expect(await stored()).toBe(before);

    const historic = await submit(
      [{ ...directory('PV0003-950'), submittedOn: '2026-09-15' }],
      admin,
      '2026-12-06T20:00:00Z',
    );
    expect(historic.status).toBe(201);
    const [record] = await history('PV0003-950');
    expect(record).toMatchObject({
      submittedOn: '2026-09-15',
      declaredOn: '2026-09-15',
      receivedAt: '2026-12-06T20:00:00.000Z',
      keyName: 'test admin',
    });
    const audit = await listAudit(t.database.db, { limit: 1000, action: 'submissions.create' });
    expect(audit.find((e) => e.details.batchId === historic.body.batchId)?.details).toMatchObject({
      declaredSubmittedOn: 1,
      receivedAt: '2026-12-06T20:00:00.000Z',
    });
  });

  it('stores a record with findings, warns about it, and says what a resubmission replaced', async () => {
    // A 9-digit phone and a ZIP of 4 digits break two accuracy rules; languages is missing.
    const { languages: _, ...withoutLanguages } = directory('PV0001-950').data;
    const flagged = await submit(
      [
        {
          ...directory('PV0001-950'),
          data: { ...withoutLanguages, phone: '415555014', zipCodesServed: ['9410'] },
        },
      ],
      submitter,
      '2026-11-02T18:00:00Z',
    );
    expect(flagged.status).toBe(201);
    expect(flagged.body).toMatchObject({ rows: 1, replaced: 1, warningCount: 4 });
    // The record's findings, then what its resubmission did to the clean version before it.
    expect(flagged.body.warnings).toEqual([
      {
        row: 1,
        path: 'data.phone',
        message: 'phone is 10 digits with no spaces or punctuation, e.g. 9165550100',
      },
      { row: 1, path: 'data.languages', message: "'languages' is missing: the record is incomplete" },
      { row: 1, path: 'data.zipCodesServed', message: 'every ZIP code in zipCodesServed is 5 digits' },
      { row: 1, path: '', message: 'replaces a complete and accurate version of this record' },
    ]);
    // The findings never quote the values sent.
    expect(JSON.stringify(flagged.body)).not.toContain('415555014');
    const versions = await history('PV0001-950');
    expect(versions).toHaveLength(2);
    expect(versions[1]?.findings).toHaveLength(3);
  });

  it('answers a dry run as the upload would, with 200, and stores nothing', async () => {
    const before = await stored();
    const auditBefore = (await listAudit(t.database.db, { limit: 1000, action: 'submissions.create' }))
      .length;
    const rows = [directory('PV0002-950', { email: 'no-at-sign' })];
    const dry = await submit(rows, submitter, '2026-11-03T18:00:00Z', '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      batchId: null,
      rows: 1,
      receivedAt: '2026-11-03T18:00:00.000Z',
      receivedOn: '2026-11-03',
      replaced: 1,
      warnings: [
        {
          row: 1,
          path: 'data.email',
          message: 'email is one address like name@example.org: no spaces, one @, a dot in the part after it',
        },
        { row: 1, path: '', message: 'replaces a complete and accurate version of this record' },
      ],
      warningCount: 2,
    });
    expect(await stored()).toBe(before);
    expect((await listAudit(t.database.db, { limit: 1000, action: 'submissions.create' })).length).toBe(
      auditBefore,
    );
    // The real upload answers the same, with its batch id and 201.
    const real = await submit(rows, submitter, '2026-11-03T18:00:00Z');
    expect(real.status).toBe(201);
    expect({ ...real.body, batchId: null }).toEqual(dry.body);
    expect(await stored()).toBe(before + 1);
  });

  it('refuses what the rulebook cannot read: a measure that does not apply, a foreign period, a value out of its list', async () => {
    const before = await stored();
    const res = await submit(
      [
        // Residential screenings do not apply to an employment provider (service code 950).
        { entityId: 'PV0001-950', measure: 'qip-preventive-screenings', period: '2026-27', data: {} },
        { ...directory('PV0001-950'), period: '2026-2027' },
        directory('PV0001-950', { providerType: 'corporation' }),
      ],
      submitter,
      '2026-11-04T18:00:00Z',
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { row: 1, path: 'measure', message: 'qip-preventive-screenings does not apply to this payee' },
      { row: 2, path: 'period', message: 'is not a period of qip-provider-directory (2026-27)' },
      { row: 3, path: 'data.providerType', message: "'providerType' must be one of agency, independent" },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('corporation');
    expect(await stored()).toBe(before);
  });
});
