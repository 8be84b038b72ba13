import { messages } from '@electric-sql/pglite';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, lastStatementEndedAt, type QuipDatabase } from '../create-database.ts';

describe('the embedded database on its worker thread', () => {
  let database: QuipDatabase;
  beforeAll(async () => {
    database = await createDatabase({ migrate: false });
    await sql`create table worker_check (id int primary key, note text)`.execute(database.db);
  });
  afterAll(() => database?.close());

  it('keeps the event loop free while a statement runs', async () => {
    const order: string[] = [];
    // A timer due at once fires while the worker sleeps half a second; with PGlite on this thread
    // the statement ran to its end first, and its answer came before the timer.
    const statement = sql`select pg_sleep(0.5)`.execute(database.db).then(() => order.push('statement'));
    setTimeout(() => order.push('timer'), 0);
    await statement;
    expect(order).toEqual(['timer', 'statement']);
  });

  it("answers a database error as PGlite's DatabaseError, every field the code reads kept", async () => {
    await sql`insert into worker_check values (1, 'one')`.execute(database.db);
    const failed = await sql`insert into worker_check values (${1}, 'again')`.execute(database.db).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(messages.DatabaseError);
    expect(failed).toMatchObject({
      name: 'error',
      code: '23505',
      detail: 'Key (id)=(1) already exists.',
      constraint: 'worker_check_pkey',
      table: 'worker_check',
      schema: 'public',
      severity: 'ERROR',
      query: "insert into worker_check values ($1, 'again')",
      params: [1],
    });
    expect((failed as Error).message).toBe(
      'duplicate key value violates unique constraint "worker_check_pkey"',
    );
  });

  it('keeps a transaction on its one connection, and rolls it back on an error', async () => {
    const attempt = database.db.transaction().execute(async (tx) => {
      await sql`insert into worker_check values (2, 'two')`.execute(tx);
      await sql`select 1 / 0`.execute(tx);
    });
    await expect(attempt).rejects.toMatchObject({ code: '22012' });
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from worker_check where id = 2`.execute(database.db);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('passes parameters of every kind the repositories send', async () => {
    const { rows } = await sql<{
      at: string;
      bytes: Uint8Array;
      list: number[];
      big: number;
    }>`select ${new Date('2026-07-01T12:00:00Z')}::timestamptz as at, ${new Uint8Array([1, 2, 255])}::bytea as bytes,
        ${[3, 4]}::int[] as list, ${12345678901234n}::bigint as big`.execute(database.db);
    expect(rows[0]).toEqual({
      at: '2026-07-01T12:00:00.000Z',
      bytes: new Uint8Array([1, 2, 255]),
      list: [3, 4],
      big: 12345678901234,
    });
  });

  it('packs the data folder on the worker and hands the archive back', async () => {
    const archive = await database.db.getExecutor().provideConnection(async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('checkpoint'));
      const pglite = (connection as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite;
      return pglite.dumpDataDir('gzip');
    });
    const head = new Uint8Array(await archive.slice(0, 2).arrayBuffer());
    expect([...head]).toEqual([0x1f, 0x8b]); // gzip
    expect(archive.size).toBeGreaterThan(1_000);
  });

  it('tells the health check when it last finished a statement', async () => {
    const ended = lastStatementEndedAt(database.db);
    expect(ended).toBeTypeOf('function');
    const before = Date.now();
    await sql`select 1`.execute(database.db);
    expect(ended?.()).toBeGreaterThanOrEqual(before);
  });

  it('refuses statements once closed', async () => {
    const other = await createDatabase({ migrate: false });
    await other.close();
    await expect(sql`select 1`.execute(other.db)).rejects.toThrow('the embedded database is closed');
  });
});
