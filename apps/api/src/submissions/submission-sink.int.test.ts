import { DATABASE_KINDS } from '@quip/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishScreeningProgram } from '../testing/rulebooks-fixture.ts';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';

const URL = '/api/v1/fiscal-years/2026-27/programs/dds-qip/submissions';
const HEADER = 'entityId,measure,period,submittedOn,data.personId,data.age,data.dueDate,data.screenedOn\n';
const ROWS = 12_000;
/** Row i (1-based): person P<i> of V1 or V2; more rows than one write (5,000), so the bad rows come after writes. */
const line = (i: number, age = String(40 + (i % 40))) =>
  `V${1 + (i % 2)}-096,colorectal-screening,2026-27,2026-09-01,P${i},${age},2026-12-31,${i % 3 === 0 ? '' : '2026-10-01'}`;

describe.each(DATABASE_KINDS)('large CSV batches on %s (COPY on PostgreSQL)', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await openTestApp(kind);
    admin = await t.keyFor('admin');
    await publishScreeningProgram(t.database.db);
  });
  afterAll(() => t?.close());

  const post = (csv: string) =>
    t.app.request(URL, {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'text/csv' },
      body: csv,
    });
  const counts = async () =>
    (
      await sql<{ s: number; b: number; a: number }>`
        select (select count(*)::int from submissions) as s,
               (select count(*)::int from submission_batches) as b,
               (select count(*)::int from audit_log where action = 'submissions.create') as a
      `.execute(t.database.db)
    ).rows[0];

  it('rolls back everything when bad rows come after rows were written, and lists them', async () => {
    const lines = Array.from({ length: ROWS }, (_, k) => line(k + 1));
    lines[10_999] = line(11_000, '-1'); // row 11,000: age below the minimum 0
    lines[11_499] = line(3); // row 11,500 repeats row 3 (same payee V2, person P3)
    const res = await post(`${HEADER}${lines.join('\n')}\n`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { row: number; path: string; message: string }[] };
    expect(body.errors.map((e) => [e.row, e.path])).toEqual([
      [11_000, 'data.age'],
      [11_500, ''],
    ]);
    expect(body.errors[1]?.message).toBe('repeats row 3: same payee, measure, period and record');
    expect(await counts()).toEqual({ s: 0, b: 0, a: 0 });
  });

  it('then stores a whole large batch, every row as sent', async () => {
    const res = await post(`${HEADER}${Array.from({ length: ROWS }, (_, k) => line(k + 1)).join('\n')}\n`);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { rows: number }).rows).toBe(ROWS);
    expect(await counts()).toEqual({ s: ROWS, b: 1, a: 1 });
    // Row 9,999: V2 (9,999 is odd), P9999, age 40 + 9,999 mod 40 = 40 + 39 = 79, 9,999 = 3 x 3,333: no screenedOn.
    const { rows } = await sql<{
      entity_id: string;
      record_key: string;
      submitted_on: string;
      data: unknown;
    }>`
      select entity_id, record_key, submitted_on, data from submissions where data->>'personId' = 'P9999'
    `.execute(t.database.db);
    expect(rows).toEqual([
      {
        entity_id: 'V2-096',
        record_key: '["P9999"]',
        submitted_on: '2026-09-01',
        data: { personId: 'P9999', age: 79, dueDate: '2026-12-31' },
      },
    ]);
  });
});
