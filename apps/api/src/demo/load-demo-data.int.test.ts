import { CATALOG } from '@quip/catalog';
import { loadCatalog } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, useTestApp } from '../testing/test-app.ts';
import { loadDemoData } from './load-demo-data.ts';

describe.each(DATABASE_KINDS)('demo data on %s', (kind) => {
  const t = useTestApp(kind);
  beforeAll(async () => {
    await loadCatalog(t.database.db, CATALOG);
  });

  it('loads payees and submissions of every program into an empty database, through the upload checks', async () => {
    const outcome = await loadDemoData(t.database.db);
    expect(outcome.loaded).toBe(true);
    expect(outcome.programs.map((p) => p.programId).sort()).toEqual([
      'dds-qip',
      'dhcs-ept',
      'dhcs-mcas',
      'dhcs-qwi',
      'dhcs-wpc',
    ]);
    for (const program of outcome.programs) {
      expect(program.entities, program.programId).toBeGreaterThanOrEqual(25);
      expect(program.submissions, program.programId).toBeGreaterThan(program.entities);
    }
    const stored = await t.database.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(outcome.programs.reduce((sum, p) => sum + p.submissions, 0));
    // Large uploads refresh the planner's statistics (PGlite has no autovacuum): the table is
    // known to hold its rows, so "current version" queries use the index instead of a nested loop.
    const stats = await sql<{ reltuples: number }>`
      select reltuples::bigint as reltuples from pg_class where relname = 'submissions'`.execute(
      t.database.db,
    );
    expect(Number(stats.rows[0]?.reltuples)).toBeGreaterThan(Number(stored.n) / 2);
  });

  it('shows the demo payees through the API', async () => {
    const res = await t.app.request('/api/v1/fiscal-years/2026-27/programs/dhcs-ept/entities?limit=5', {
      headers: bearer(t.admin),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string; name: string }[] };
    expect(body.items).toHaveLength(5);
  });

  it('never loads twice', async () => {
    expect(await loadDemoData(t.database.db)).toEqual({ loaded: false, programs: [] });
  });
});
