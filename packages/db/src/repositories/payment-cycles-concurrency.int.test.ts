import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type QuipDatabase } from '../create-database.ts';
import { seedReferenceData } from '../seed/reference-data.ts';
import { createScratchPostgresDatabase, insertCyclesProgram, insertSyntheticRun } from '../testing/index.ts';
import { approvePaymentCycle, createPaymentCycle } from './payment-cycles.ts';

// PostgreSQL only: PGlite has one connection, so nothing there runs at the same time.
describe('payment cycle approvals at the same time on postgres', () => {
  let database: QuipDatabase;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = await createScratchPostgresDatabase();
    drop = scratch.drop;
    // 24 connections: the 20 approvals really run at once.
    database = await createDatabase({ databaseUrl: scratch.url, maxConnections: 24 });
    await seedReferenceData(database.db);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  async function draftOf(program: string, revision: number, runId?: number) {
    const id =
      runId ??
      (await insertSyntheticRun(database.db, {
        fiscalYear: '2026-27',
        programId: program,
        rulebookRevisionId: revision,
        official: true,
        payments: Array.from({ length: 50 }, (_, i) => ({
          entityId: `P-${i}`,
          lines: [{ kind: 'base', amountCents: 1000 + i }],
        })),
      }));
    const created = await createPaymentCycle(database.db, {
      fiscalYear: '2026-27',
      programId: program,
      runId: id,
      label: null,
      createdBy: 'creator',
      createdByName: 'creator',
    });
    if (created.kind !== 'created') throw new Error(created.kind);
    return { cycleId: created.cycle.id, runId: id };
  }
  const approveAll = (cycleIds: number[]) =>
    Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        approvePaymentCycle(database.db, {
          cycleId: cycleIds[i % cycleIds.length] as number,
          approvedBy: `approver-${i}`,
          approvedByName: `approver ${i}`,
        }),
      ),
    );
  const count = async (table: string, program: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(
          table === 'payment_cycle_approvals' ? 'cycle_id' : 'program_id',
        )} ${table === 'payment_cycle_approvals' ? sql`in (select id from payment_cycles where program_id = ${program})` : sql`= ${program}`}`.execute(
          database.db,
        )
      ).rows[0]?.n,
    );

  it('20 approvals of one cycle: one approves, the others answer the same approved cycle', async () => {
    const revision = (await insertCyclesProgram(database.db, 'race-one', undefined, ['2026-27']))['2026-27']!;
    const { cycleId } = await draftOf('race-one', revision);
    const outcomes = await approveAll([cycleId]);
    expect(outcomes.every((o) => o.kind === 'approved')).toBe(true);
    expect(outcomes.filter((o) => o.kind === 'approved' && !o.replayed)).toHaveLength(1);
    const approvedBy = new Set(outcomes.map((o) => (o.kind === 'approved' ? o.cycle.approvedBy : null)));
    expect(approvedBy.size).toBe(1);
    expect(await count('payment_cycle_approvals', 'race-one')).toBe(1);
    // 50 lines, one ledger entry each, once.
    expect(await count('payment_ledger', 'race-one')).toBe(50);
  });

  it('20 approvals split over two competing drafts: exactly one cycle is approved, the other is stale', async () => {
    const revision = (await insertCyclesProgram(database.db, 'race-two', undefined, ['2026-27']))['2026-27']!;
    const a = await draftOf('race-two', revision);
    const b = await draftOf('race-two', revision, a.runId);
    const outcomes = await approveAll([a.cycleId, b.cycleId]);
    const fresh = outcomes.filter((o) => o.kind === 'approved' && !o.replayed);
    expect(fresh).toHaveLength(1);
    const winner = fresh[0]!.kind === 'approved' ? fresh[0]!.cycle.id : 0;
    for (const o of outcomes) {
      if (o.kind === 'approved') expect(o.cycle.id).toBe(winner);
      else expect(o).toMatchObject({ kind: 'stale', approvedCycleId: winner });
    }
    const statuses = await sql<{ status: string }>`
      select status from payment_cycles where program_id = 'race-two' order by status
    `.execute(database.db);
    expect(statuses.rows.map((r) => r.status)).toEqual(['approved', 'draft']);
    expect(await count('payment_ledger', 'race-two')).toBe(50);
  });
});
