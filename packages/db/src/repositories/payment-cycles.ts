import {
  type CycleBudgetOverrun,
  type CycleLine,
  type CyclesConfig,
  CyclesSchema,
  type CycleTotals,
  checkCycleBudget,
  computeCycleLines,
  cycleTotals,
  DEFAULT_CYCLES,
  paymentLineKey,
} from '@quip/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { pgClientTransaction } from '../pg-client-transaction.ts';
import type { Database } from '../schema.ts';
import { appendAudit } from './audit-log.ts';
import { findRun, type RunRecord } from './runs.ts';
import { copyText } from './submission-copy.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type PaymentCycleStatus = 'draft' | 'approved';

export interface PaymentCycleRecord {
  id: number;
  fiscalYear: string;
  program: string;
  runId: number;
  label: string | null;
  status: PaymentCycleStatus;
  /** The run was the official one when the draft was made: no interim share. */
  official: boolean;
  /** The interim share the cycle applied, or null when it pays whole entitlements. */
  interimShare: string | null;
  recoveries: 'line' | 'offset';
  lifetimeKeys: string[];
  createdBy: string;
  createdByName: string;
  createdAt: string;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  totals: CycleTotals;
}

interface CycleRow {
  id: number;
  fiscal_year: string;
  program_id: string;
  run_id: number;
  label: string | null;
  status: PaymentCycleStatus;
  official: boolean;
  interim_share: string | null;
  recoveries: 'line' | 'offset';
  lifetime_keys: string[];
  program_wide: boolean;
  basis_seq: number;
  due_cents: number;
  recovered_cents: number;
  lines: number;
  created_by: string;
  created_by_name: string;
  created_at: string;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
}

function cycleOf(r: CycleRow): PaymentCycleRecord {
  return {
    id: Number(r.id),
    fiscalYear: r.fiscal_year,
    program: r.program_id,
    runId: Number(r.run_id),
    label: r.label,
    status: r.status,
    official: r.official,
    interimShare: r.interim_share,
    recoveries: r.recoveries,
    lifetimeKeys: r.lifetime_keys,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    approvedBy: r.approved_by,
    approvedByName: r.approved_by_name,
    approvedAt: r.approved_at,
    totals: {
      dueCents: Number(r.due_cents),
      recoveredCents: Number(r.recovered_cents),
      netCents: Number(r.due_cents) - Number(r.recovered_cents),
      lines: Number(r.lines),
    },
  };
}

async function cycleRow(db: Db, id: number, lock = false): Promise<CycleRow | null> {
  const result = await sql<CycleRow>`
    select * from payment_cycles where id = ${id} ${lock ? sql`for update` : sql``}
  `.execute(db);
  return result.rows[0] ?? null;
}

export async function findPaymentCycle(db: Db, id: number): Promise<PaymentCycleRecord | null> {
  const row = await cycleRow(db, id);
  return row ? cycleOf(row) : null;
}

/** The cycles of a program in a fiscal year, newest first. */
export async function listPaymentCycles(
  db: Db,
  query: { fiscalYear: string; programId: string; beforeId?: number; limit: number },
): Promise<PaymentCycleRecord[]> {
  const result = await sql<CycleRow>`
    select * from payment_cycles
    where program_id = ${query.programId} and fiscal_year = ${query.fiscalYear}
      ${query.beforeId === undefined ? sql`` : sql`and id < ${query.beforeId}`}
    order by id desc limit ${query.limit}
  `.execute(db);
  return result.rows.map(cycleOf);
}

/** The cycles settings of the rulebook version a run pinned (defaults when it has none). */
export async function runCyclesConfig(db: Db, run: RunRecord): Promise<CyclesConfig> {
  const row = await db
    .selectFrom('rulebook_revisions')
    .select('content')
    .where('id', '=', run.rulebookRevisionId)
    .executeTakeFirst();
  const block = (row?.content as { cycles?: unknown } | undefined)?.cycles;
  return block === undefined ? DEFAULT_CYCLES : CyclesSchema.parse(block);
}

export interface NewPaymentCycle {
  fiscalYear: string;
  programId: string;
  runId: number;
  label: string | null;
  createdBy: string;
  createdByName: string;
}

export type CreatePaymentCycleOutcome =
  | { kind: 'created'; cycle: PaymentCycleRecord }
  | { kind: 'run-not-found' }
  | { kind: 'foreign-run'; run: RunRecord }
  | { kind: 'run-not-succeeded'; run: RunRecord }
  | { kind: 'run-older'; run: RunRecord; lastRunId: number; lastCycleId: number }
  | { kind: 'over-budget'; overrun: CycleBudgetOverrun; totals: CycleTotals };

/** The audit entry of a cycle's creation or approval: the key and its name, the cycle, its run, `more`, the totals. */
function auditCycle(
  trx: Transaction<Database>,
  action: 'payment-cycle.create' | 'payment-cycle.approve',
  actor: string,
  keyName: string,
  cycle: PaymentCycleRecord,
  more: Record<string, unknown>,
): Promise<void> {
  return appendAudit(trx, {
    actor,
    action,
    subject: `${cycle.program}/${cycle.fiscalYear}`,
    details: { cycle: cycle.id, run: cycle.runId, keyName, ...more, ...cycle.totals },
  });
}

/**
 * Makes a draft cycle from a succeeded run of the program and year: every line of the run keyed
 * (paymentLineKey), what approved cycles paid before (the year's ledger, every year's for lifetime
 * keys), core's computeCycleLines and checkCycleBudget, then the cycle, its lines (those with an
 * amount due or deferred, and every lifetime line; COPY on PostgreSQL) and its audit entry in one
 * transaction. Refusals write nothing. The program's head
 * row is read in share mode, so no approval lands between what the draft read and its basis.
 */
export async function createPaymentCycle(
  db: Kysely<Database>,
  input: NewPaymentCycle,
): Promise<CreatePaymentCycleOutcome> {
  const work = async (trx: Transaction<Database>, client: pg.PoolClient | null) => {
    const run = await findRun(trx, input.runId);
    if (!run) return { kind: 'run-not-found' } as const;
    if (run.programId !== input.programId || run.fiscalYear !== input.fiscalYear)
      return { kind: 'foreign-run', run } as const;
    if (run.status !== 'succeeded') return { kind: 'run-not-succeeded', run } as const;
    const heads = await lockHeads(trx, input.programId, input.fiscalYear, 'share');
    if (heads.year.last_run_id !== null && run.id < Number(heads.year.last_run_id)) {
      return {
        kind: 'run-older',
        run,
        lastRunId: Number(heads.year.last_run_id),
        lastCycleId: Number(heads.year.last_cycle_id),
      } as const;
    }
    const config = await runCyclesConfig(trx, run);
    // On PostgreSQL the ledger is read on other connections at the same time as the run's lines:
    // the program's head row, held in share mode, keeps approvals from committing meanwhile, so
    // every connection sees the same ledger. PGlite has one connection: one read after another.
    const reader: Db = client ? db : trx;
    const lifetime = config.lifetimeKeys.length > 0;
    const [entitlements, balances, elsewhere, paid] = await Promise.all([
      runEntitlements(trx, run.id),
      ledgerBalances(reader, input.programId, input.fiscalYear, lifetime),
      lifetime ? lifetimeStandings(reader, input.programId, input.fiscalYear) : [],
      paidSoFar(reader, input.programId, input.fiscalYear),
    ]);
    const all = computeCycleLines({ entitlements, balances, elsewhere, config, official: run.official });
    // The cycle keeps the lines that move money or wait to (deferred), and every lifetime line (what
    // the year stands at for it, which other years' cycles read): a line with nothing due is
    // nothing to approve, and a second cycle of 100,000 payees is mostly such lines.
    const kept = all.lines.filter((l) => l.dueCents !== 0 || l.deferredCents !== 0 || l.lifetime);
    const computed = { lines: kept, totals: cycleTotals(kept) };
    const overrun = checkCycleBudget({
      netCents: computed.totals.netCents,
      paidInYearCents: paid.year,
      paidInLifetimeCents: paid.lifetime,
      budgetCents: config.budgetCents,
    });
    if (overrun) return { kind: 'over-budget', overrun, totals: computed.totals } as const;
    const interimShare = !run.official && config.interimShare !== undefined ? config.interimShare : null;
    const inserted = await sql<CycleRow>`
      insert into payment_cycles (fiscal_year, program_id, run_id, label, official, interim_share, recoveries,
        lifetime_keys, program_wide, basis_seq, due_cents, recovered_cents, lines, created_by, created_by_name)
      values (${input.fiscalYear}, ${input.programId}, ${run.id}, ${input.label}, ${run.official}, ${interimShare},
        ${config.recoveries}, ${JSON.stringify(config.lifetimeKeys)}::jsonb,
        ${config.lifetimeKeys.length > 0 || config.budgetCents?.lifetime !== undefined},
        ${heads.program.seq}, ${computed.totals.dueCents}, ${computed.totals.recoveredCents},
        ${computed.totals.lines}, ${input.createdBy}, ${input.createdByName})
      returning *
    `.execute(trx);
    const cycle = cycleOf(inserted.rows[0] as CycleRow);
    await insertCycleLines(trx, client, cycle.id, computed.lines);
    await auditCycle(trx, 'payment-cycle.create', input.createdBy, input.createdByName, cycle, {
      interimShare,
    });
    return { kind: 'created', cycle } as const;
  };
  return (
    pgClientTransaction(db, (trx, client) => work(trx, client)) ??
    db.transaction().execute((trx) => work(trx, null))
  );
}

export type ApprovePaymentCycleOutcome =
  | { kind: 'approved'; cycle: PaymentCycleRecord; replayed: boolean }
  | { kind: 'not-found' }
  | { kind: 'own-draft'; cycle: PaymentCycleRecord }
  | { kind: 'stale'; cycle: PaymentCycleRecord; approvedCycleId: number | null };

/**
 * Approves a draft by a key other than its creator's: the program's head row is locked (approvals
 * of a program take turns), the draft is refused as stale when an approval of its year (or, for a
 * program-wide draft, of any year) came after the draft was made, then the approval, the ledger
 * entries (one per line that moves money) and the audit entry land together. An approved cycle
 * answers as it is and nothing is written.
 */
export async function approvePaymentCycle(
  db: Kysely<Database>,
  input: { cycleId: number; approvedBy: string; approvedByName: string },
): Promise<ApprovePaymentCycleOutcome> {
  const first = await cycleRow(db, input.cycleId);
  if (!first) return { kind: 'not-found' };
  if (first.created_by === input.approvedBy) return { kind: 'own-draft', cycle: cycleOf(first) };
  if (first.status === 'approved') return { kind: 'approved', cycle: cycleOf(first), replayed: true };
  return db.transaction().execute(async (trx) => {
    const heads = await lockHeads(trx, first.program_id, first.fiscal_year, 'update');
    const row = (await cycleRow(trx, input.cycleId, true)) as CycleRow;
    if (row.status === 'approved') return { kind: 'approved', cycle: cycleOf(row), replayed: true } as const;
    const basis = Number(row.basis_seq);
    const yearStale = Number(heads.year.seq) > basis;
    const programStale = row.program_wide && Number(heads.program.seq) > basis;
    if (yearStale || programStale) {
      const by = await sql<{ id: number }>`
        select id from payment_cycles
        where program_id = ${row.program_id} and status = 'approved' and approval_seq > ${basis}
          ${yearStale ? sql`and fiscal_year = ${row.fiscal_year}` : sql``}
        order by approval_seq desc limit 1
      `.execute(trx);
      return { kind: 'stale', cycle: cycleOf(row), approvedCycleId: by.rows[0]?.id ?? null } as const;
    }
    const seq = Number(heads.program.seq) + 1;
    await sql`
      update payment_cycle_heads
      set seq = ${seq},
          last_cycle_id = case when fiscal_year = '*' then last_cycle_id else ${row.id} end,
          last_run_id = case when fiscal_year = '*' then last_run_id else ${row.run_id} end
      where program_id = ${row.program_id} and fiscal_year in ('*', ${row.fiscal_year})
    `.execute(trx);
    await sql`
      insert into payment_cycle_approvals (cycle_id, approved_by) values (${row.id}, ${input.approvedBy})
    `.execute(trx);
    const approved = await sql<CycleRow>`
      update payment_cycles
      set status = 'approved', approved_by = ${input.approvedBy}, approved_by_name = ${input.approvedByName},
          approved_at = (select approved_at from payment_cycle_approvals where cycle_id = ${row.id}),
          approval_seq = ${seq}
      where id = ${row.id}
      returning *
    `.execute(trx);
    const cycle = cycleOf(approved.rows[0] as CycleRow);
    const entries = await sql`
      insert into payment_ledger (cycle_id, program_id, fiscal_year, entity_id, key, kind, lifetime, amount_cents, approved_at)
      select cycle_id, ${row.program_id}, ${row.fiscal_year}, entity_id, key, kind, lifetime, due_cents,
             ${cycle.approvedAt}::timestamptz
      from payment_cycle_lines where cycle_id = ${row.id} and due_cents <> 0
    `.execute(trx);
    await auditCycle(trx, 'payment-cycle.approve', input.approvedBy, input.approvedByName, cycle, {
      createdBy: row.created_by,
      ledgerEntries: Number(entries.numAffectedRows ?? 0n),
    });
    return { kind: 'approved', cycle, replayed: false } as const;
  });
}

interface HeadRow {
  seq: number;
  last_cycle_id: number | null;
  last_run_id: number | null;
}

/** The program's and the year's head rows (made when missing), the program's locked as asked. */
async function lockHeads(
  trx: Transaction<Database>,
  programId: string,
  fiscalYear: string,
  mode: 'share' | 'update',
): Promise<{ program: HeadRow; year: HeadRow }> {
  await sql`
    insert into payment_cycle_heads (program_id, fiscal_year) values (${programId}, '*'), (${programId}, ${fiscalYear})
    on conflict do nothing
  `.execute(trx);
  const program = await sql<HeadRow>`
    select seq, last_cycle_id, last_run_id from payment_cycle_heads
    where program_id = ${programId} and fiscal_year = '*'
    ${mode === 'share' ? sql`for share` : sql`for update`}
  `.execute(trx);
  const year = await sql<HeadRow>`
    select seq, last_cycle_id, last_run_id from payment_cycle_heads
    where program_id = ${programId} and fiscal_year = ${fiscalYear}
  `.execute(trx);
  return { program: program.rows[0] as HeadRow, year: year.rows[0] as HeadRow };
}

async function runEntitlements(db: Db, runId: number) {
  const result = await sql<{ entity_id: string; line: { kind: string; amountCents: number } }>`
    select entity_id, line from run_payments where run_id = ${runId} order by entity_id, line_no
  `.execute(db);
  return result.rows.map((r) => ({
    entityId: r.entity_id,
    key: paymentLineKey(r.line),
    kind: r.line.kind,
    amountCents: r.line.amountCents,
  }));
}

/**
 * Per payee and key: paid in the year, and in every year for keys the ledger holds as lifetime
 * (read only when the rulebook has lifetime keys: the year's entries alone are a smaller read, and
 * each of them is in the year).
 */
async function ledgerBalances(db: Db, programId: string, fiscalYear: string, lifetime: boolean) {
  const result = await sql<{
    entity_id: string;
    key: string;
    kind: string;
    year_paid: number;
    lifetime_paid: number;
    in_year: boolean;
  }>`
    select entity_id, key, min(kind) as kind,
           coalesce(sum(amount_cents) filter (where fiscal_year = ${fiscalYear}), 0)::int8 as year_paid,
           sum(amount_cents)::int8 as lifetime_paid,
           bool_or(fiscal_year = ${fiscalYear}) as in_year
    from payment_ledger
    where program_id = ${programId} and (fiscal_year = ${fiscalYear} ${lifetime ? sql`or lifetime` : sql``})
    group by entity_id, key order by entity_id, key
  `.execute(db);
  return result.rows.map((r) => ({
    entityId: r.entity_id,
    key: r.key,
    kind: r.kind,
    yearPaidCents: Number(r.year_paid),
    lifetimePaidCents: Number(r.lifetime_paid),
    inYear: r.in_year,
  }));
}

/** Lifetime keys: what the last approved cycle of each fiscal year made payable. */
async function lifetimeStandings(db: Db, programId: string, fiscalYear: string) {
  const result = await sql<{ entity_id: string; key: string; payable_cents: number; this_year: boolean }>`
    select l.entity_id, l.key, l.payable_cents, h.fiscal_year = ${fiscalYear} as this_year
    from payment_cycle_heads h join payment_cycle_lines l on l.cycle_id = h.last_cycle_id
    where h.program_id = ${programId} and h.fiscal_year <> '*' and l.lifetime
  `.execute(db);
  return result.rows.map((r) => ({
    entityId: r.entity_id,
    key: r.key,
    payableCents: Number(r.payable_cents),
    thisYear: r.this_year,
  }));
}

async function paidSoFar(db: Db, programId: string, fiscalYear: string) {
  const result = await sql<{ year: number; lifetime: number }>`
    select coalesce(sum(amount_cents) filter (where fiscal_year = ${fiscalYear}), 0)::int8 as year,
           coalesce(sum(amount_cents), 0)::int8 as lifetime
    from payment_ledger where program_id = ${programId}
  `.execute(db);
  const row = result.rows[0];
  return { year: Number(row?.year ?? 0), lifetime: Number(row?.lifetime ?? 0) };
}

const LINE_COLUMNS =
  'cycle_id, entity_id, key, kind, lifetime, entitled_cents, payable_cents, elsewhere_cents, paid_before_cents, deferred_cents, due_cents';

function lineValues(l: CycleLine): string {
  return `\t${copyText(l.entityId)}\t${copyText(l.key)}\t${copyText(l.kind)}\t${l.lifetime ? 't' : 'f'}\t${l.entitledCents}\t${l.payableCents}\t${l.elsewhereCents}\t${l.paidBeforeCents}\t${l.deferredCents}\t${l.dueCents}\n`;
}

/** The lines: COPY FROM STDIN on PostgreSQL, JSON documents of 5,000 lines on PGlite. */
async function insertCycleLines(
  trx: Transaction<Database>,
  client: pg.PoolClient | null,
  cycleId: number,
  lines: readonly CycleLine[],
): Promise<void> {
  if (client) {
    const stream = client.query(copyStreams.from(`copy payment_cycle_lines (${LINE_COLUMNS}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let buffer = '';
    for (const line of lines) {
      buffer += cycleId + lineValues(line);
      if (buffer.length > 1 << 20) {
        if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
        buffer = '';
      }
    }
    stream.end(buffer);
    await done;
    return;
  }
  for (let i = 0; i < lines.length; i += 5000) {
    const doc = JSON.stringify(
      lines
        .slice(i, i + 5000)
        .map((l) => [
          l.entityId,
          l.key,
          l.kind,
          l.lifetime,
          l.entitledCents,
          l.payableCents,
          l.elsewhereCents,
          l.paidBeforeCents,
          l.deferredCents,
          l.dueCents,
        ]),
    );
    await sql`
      insert into payment_cycle_lines (${sql.raw(LINE_COLUMNS)})
      select ${cycleId}, x->>0, x->>1, x->>2, (x->>3)::bool, (x->>4)::int8, (x->>5)::int8, (x->>6)::int8,
             (x->>7)::int8, (x->>8)::int8, (x->>9)::int8
      from jsonb_array_elements(${doc}::jsonb) as x
    `.execute(trx);
  }
}
