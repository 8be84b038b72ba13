import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { listFiscalYears } from './repositories/fiscal-years.ts';
import { listPrograms } from './repositories/programs.ts';
import { seedReferenceData } from './seed/reference-data.ts';
import { seededTestDatabase } from './testing/seeded-test-database.ts';
import { DATABASE_KINDS, openTestDatabase, testPostgresUrl } from './testing/test-databases.ts';

describe.each(DATABASE_KINDS)('database on %s', (kind) => {
  const database = seededTestDatabase(kind);

  it('reports which engine it is', () => {
    expect(database.kind).toBe(kind);
  });

  it('is seeded with FY 2025-26 and 2026-27 and the five programs, idempotently', async () => {
    await seedReferenceData(database.db); // a second start must not duplicate or fail
    const years = await listFiscalYears(database.db);
    expect(years.map((y) => [y.fiscalYear, y.startsOn, y.endsOn])).toEqual([
      ['2025-26', '2025-07-01', '2026-06-30'],
      ['2026-27', '2026-07-01', '2027-06-30'],
    ]);
    const programs = await listPrograms(database.db);
    expect(programs.map((p) => p.id)).toEqual(['dds-qip', 'dhcs-ept', 'dhcs-mcas', 'dhcs-qwi', 'dhcs-wpc']);
  });

  it('never overwrites a seeded row an administrator changed', async () => {
    await database.db
      .updateTable('fiscal_years')
      .set({ status: 'closed' })
      .where('fiscal_year', '=', '2025-26')
      .execute();
    await seedReferenceData(database.db);
    const years = await listFiscalYears(database.db);
    expect(years.find((y) => y.fiscalYear === '2025-26')?.status).toBe('closed');
  });

  it('returns bigint, numeric, date and timestamptz the same way on both drivers', async () => {
    const { rows } = await sql<{
      cents: number;
      exact: string;
      day: string;
      at: string;
    }>`select 9007199254740991::bigint as cents, 0.005::numeric as exact, date '2026-07-01' as day,
        timestamptz '2026-11-23 09:30:00.25-08' as at`.execute(database.db);
    expect(rows[0]).toEqual({
      cents: 9007199254740991, // 2^53 - 1, the largest safe integer, survives exactly
      exact: '0.005', // numeric stays a decimal string: 0.5% is never a float
      day: '2026-07-01', // a date has no time zone to shift it
      at: '2026-11-23T17:30:00.250Z', // 09:30:00.25 at UTC-8 = 17:30:00.25 UTC
    });
  });

  it('refuses a bigint beyond 2^53 instead of losing cents', async () => {
    await expect(sql`select 9007199254740993::bigint as too_big`.execute(database.db)).rejects.toThrow(
      /outside the safe integer range/,
    );
  });

  it('rolls back a failed transaction as a whole', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('programs')
          .values({ id: 'tmp-program', name: 'x', agency: 'x', payee_kind: 'x', description: '' })
          .execute();
        await trx
          .insertInto('programs')
          .values({ id: 'Not Valid', name: 'x', agency: 'x', payee_kind: 'x', description: '' })
          .execute();
      }),
    ).rejects.toThrow();
    const ids = (await listPrograms(database.db)).map((p) => p.id);
    expect(ids).not.toContain('tmp-program');
  });
});

describe('PostgreSQL connection loss', () => {
  it('survives the server ending its idle connections, and reconnects on the next query', async () => {
    const database = await openTestDatabase('postgres');
    try {
      await sql`select 1`.execute(database.db); // a pooled connection now sits idle
      const name = (await sql<{ db: string }>`select current_database() as db`.execute(database.db)).rows[0]
        ?.db;
      // Another session ends every connection to this database, as a restart or failover would.
      const killer = new (await import('pg')).default.Client({ connectionString: testPostgresUrl() });
      await killer.connect();
      await killer.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await killer.end();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the idle client's error arrives
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
