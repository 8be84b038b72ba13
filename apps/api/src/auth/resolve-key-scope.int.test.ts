import { upsertEntities } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, openTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * A submitter's scope names the program (and optionally the fiscal year) of each payee. Payee
 * PV-SAME is a payee of both dds-qip and dhcs-ept (two different payees that share an id);
 * PV-QIP is a payee of dds-qip only.
 */
describe.each(DATABASE_KINDS)('API key scopes on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const payee = (id: string) => ({ id, name: 'Payee', attributes: {} });
  const get = (key: string, path: string) => t.app.request(`/api/v1${path}`, { headers: bearer(key) });
  const createKey = (entityIds: unknown) =>
    t.app.request('/api/v1/api-keys', json(admin, { name: 'scoped', role: 'submitter', entityIds }));

  beforeAll(async () => {
    t = await openTestApp(kind);
    admin = await t.keyFor('admin');
    for (const fiscalYear of ['2025-26', '2026-27']) {
      await upsertEntities(t.database.db, { fiscalYear, programId: 'dds-qip' }, [
        payee('PV-SAME'),
        payee('PV-QIP'),
      ]);
      await upsertEntities(t.database.db, { fiscalYear, programId: 'dhcs-ept' }, [payee('PV-SAME')]);
    }
  });
  afterAll(() => t?.close());

  it('keeps a payee id to the program it was given for: the same id in another program is not in scope', async () => {
    const key = await t.keyFor('submitter', ['dds-qip:PV-SAME']);
    expect((await get(key, '/fiscal-years/2026-27/programs/dds-qip/entities/PV-SAME')).status).toBe(200);
    expect((await get(key, '/fiscal-years/2025-26/programs/dds-qip/entities/PV-SAME')).status).toBe(200);
    expect((await get(key, '/fiscal-years/2026-27/programs/dhcs-ept/entities/PV-SAME')).status).toBe(404);
    const list = await get(key, '/fiscal-years/2026-27/programs/dhcs-ept/entities');
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('keeps a year-scoped entry to its fiscal year', async () => {
    const key = await t.keyFor('submitter', ['dds-qip/2026-27:PV-QIP']);
    expect((await get(key, '/fiscal-years/2026-27/programs/dds-qip/entities/PV-QIP')).status).toBe(200);
    expect((await get(key, '/fiscal-years/2025-26/programs/dds-qip/entities/PV-QIP')).status).toBe(404);
  });

  it('creates keys from program:id strings, objects with an optional year, and unambiguous bare ids', async () => {
    const res = await createKey([
      'dhcs-ept:PV-SAME',
      { program: 'dds-qip', fiscalYear: '2026-27', entityId: 'PV-SAME' },
      // A bare id names the one program that has a payee of that id.
      'PV-QIP',
    ]);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { key: string; entityIds: string[] };
    expect(created.entityIds).toEqual(['dds-qip/2026-27:PV-SAME', 'dds-qip:PV-QIP', 'dhcs-ept:PV-SAME']);
    expect(await (await get(created.key, '/me')).json()).toMatchObject({ entityIds: created.entityIds });
  });

  it('refuses a bare id held by several programs or none, and an unknown program or year, by index', async () => {
    const res = await createKey([
      'PV-SAME',
      'PV-NOBODY',
      { program: 'no-such-program', entityId: 'PV-QIP' },
      { program: 'dds-qip', fiscalYear: '2031-32', entityId: 'PV-QIP' },
    ]);
    expect(res.status).toBe(422);
    const text = await res.text();
    const problem = JSON.parse(text) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([
      {
        row: 0,
        path: 'entityIds.0',
        message: 'is a payee id in 2 programs (dds-qip, dhcs-ept): write it as program:entityId',
      },
      { row: 0, path: 'entityIds.1', message: 'names no payee of any program: write it as program:entityId' },
      { row: 0, path: 'entityIds.2', message: 'names no known program' },
      { row: 0, path: 'entityIds.3', message: 'names no known fiscal year' },
    ]);
    // The ids sent are never repeated.
    expect(text).not.toContain('PV-NOBODY');
    expect(text).not.toContain('PV-SAME');
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from api_keys where name = 'scoped'`.execute(t.database.db);
    expect(stored.rows[0]?.n).toBe(1);
  });
});
