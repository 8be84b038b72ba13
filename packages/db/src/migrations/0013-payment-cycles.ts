import { type Kysely, sql } from 'kysely';

/**
 * Payment cycles and the ledger (issue 15). A cycle pays what a succeeded run makes due, after
 * what approved cycles paid before; it is a draft until a second admin approves it, then never
 * changes, and its lines become ledger entries that are never updated or deleted. The database
 * holds these invariants itself, whatever the code does:
 * - a cycle's lines add up to its totals (a deferred constraint trigger, checked when the
 *   transaction that makes or approves it commits), and an approved cycle's ledger entries add up
 *   to its lines that move money;
 * - an approved cycle is not updated or deleted, a draft changes only by being approved, and no
 *   line of a cycle is ever updated (lines are added only to drafts);
 * - one approval per cycle (primary key), by a key other than the one that made the draft;
 * - ledger entries only for approved cycles, never updated, deleted or truncated.
 * `payment_cycle_heads` has one row per program ('*') and per program and fiscal year: approvals
 * lock the program's row (`for update`), drafts read it in share mode, so approvals of one program
 * take turns and a draft knows which approvals it saw (its `basis_seq`): it is stale once the
 * year's row (or, for a `program_wide` draft, with lifetime keys or a lifetime budget, the
 * program's row) has counted a later approval.
 */
const STATEMENTS = [
  `create table payment_cycle_heads (
    program_id text not null,
    fiscal_year text not null,
    seq bigint not null default 0,
    last_cycle_id bigint,
    last_run_id bigint,
    primary key (program_id, fiscal_year)
  )`,
  `create table payment_cycles (
    id bigint generated always as identity primary key,
    fiscal_year text not null,
    program_id text not null,
    run_id bigint not null references runs (id),
    label text,
    status text not null default 'draft' check (status in ('draft', 'approved')),
    official boolean not null,
    interim_share text,
    recoveries text not null check (recoveries in ('line', 'offset')),
    lifetime_keys jsonb not null,
    program_wide boolean not null,
    basis_seq bigint not null,
    due_cents bigint not null check (due_cents >= 0),
    recovered_cents bigint not null check (recovered_cents >= 0),
    lines integer not null check (lines >= 0),
    created_by text not null,
    created_by_name text not null,
    created_at timestamptz not null default now(),
    approved_by text,
    approved_by_name text,
    approved_at timestamptz,
    approval_seq bigint,
    constraint payment_cycles_approval check (
      (status = 'draft' and approved_by is null and approved_at is null and approval_seq is null)
      or (status = 'approved' and approved_by is not null and approved_at is not null and approval_seq is not null)
    ),
    constraint payment_cycles_two_people check (approved_by is null or approved_by <> created_by)
  )`,
  'create index payment_cycles_program_year on payment_cycles (program_id, fiscal_year, id)',
  // No foreign key from lines and ledger entries to their cycle: a row-by-row check of 200,000
  // lines tripled the time to write them. The statement triggers below check it once per statement.
  `create table payment_cycle_lines (
    cycle_id bigint not null,
    entity_id text collate "C" not null,
    key text collate "C" not null,
    kind text not null,
    lifetime boolean not null,
    entitled_cents bigint not null,
    payable_cents bigint not null,
    elsewhere_cents bigint not null,
    paid_before_cents bigint not null,
    deferred_cents bigint not null check (deferred_cents >= 0),
    due_cents bigint not null,
    primary key (cycle_id, entity_id, key)
  )`,
  `create table payment_cycle_approvals (
    cycle_id bigint primary key references payment_cycles (id),
    approved_by text not null,
    approved_at timestamptz not null default now()
  )`,
  `create table payment_ledger (
    id bigint generated always as identity primary key,
    cycle_id bigint not null,
    program_id text not null,
    fiscal_year text not null,
    entity_id text collate "C" not null,
    key text collate "C" not null,
    kind text not null,
    lifetime boolean not null,
    amount_cents bigint not null,
    approved_at timestamptz not null,
    unique (cycle_id, entity_id, key)
  )`,
  'create index payment_ledger_year on payment_ledger (program_id, fiscal_year, entity_id, key)',
  'create index payment_ledger_lifetime on payment_ledger (program_id, entity_id, key) where lifetime',

  // Lines add up to the totals; an approved cycle has its approval and its ledger entries.
  `create function payment_cycle_check() returns trigger language plpgsql as $$
  declare
    t record;
    l record;
  begin
    select coalesce(sum(due_cents) filter (where due_cents > 0), 0) as due,
           coalesce(-sum(due_cents) filter (where due_cents < 0), 0) as recovered,
           count(*) as lines,
           count(*) filter (where due_cents <> 0) as moving,
           coalesce(sum(due_cents), 0) as net
      into t from payment_cycle_lines where cycle_id = new.id;
    if t.due <> new.due_cents or t.recovered <> new.recovered_cents or t.lines <> new.lines then
      raise exception 'payment cycle % totals (due %, recovered %, lines %) differ from its lines (due %, recovered %, lines %)',
        new.id, new.due_cents, new.recovered_cents, new.lines, t.due, t.recovered, t.lines
        using errcode = '23514';
    end if;
    if new.status = 'approved' then
      if not exists (select 1 from payment_cycle_approvals a where a.cycle_id = new.id and a.approved_by = new.approved_by) then
        raise exception 'payment cycle % is approved without its approval', new.id using errcode = '23514';
      end if;
      select count(*) as entries, coalesce(sum(amount_cents), 0) as net into l
        from payment_ledger where cycle_id = new.id;
      if l.entries <> t.moving or l.net <> t.net then
        raise exception 'payment cycle % ledger entries (% for %) differ from its lines (% for %)',
          new.id, l.entries, l.net, t.moving, t.net using errcode = '23514';
      end if;
    end if;
    return null;
  end $$`,
  `create constraint trigger payment_cycles_add_up after insert or update on payment_cycles
    deferrable initially deferred for each row execute function payment_cycle_check()`,

  // A draft changes only by being approved; an approved cycle never changes.
  `create function payment_cycle_guard() returns trigger language plpgsql as $$
  begin
    if old.status = 'approved' then
      raise exception 'payment cycle % is approved: it never changes (correct it with the next cycle)', old.id
        using errcode = '55000';
    end if;
    if tg_op = 'DELETE' then
      raise exception 'payment cycle % is kept: a draft is never deleted (a stale one stays as it was)', old.id
        using errcode = '55000';
    end if;
    if new.status <> 'approved'
       or (new.id, new.fiscal_year, new.program_id, new.run_id, new.label, new.official, new.interim_share,
           new.recoveries, new.lifetime_keys, new.program_wide, new.basis_seq, new.due_cents, new.recovered_cents, new.lines,
           new.created_by, new.created_by_name, new.created_at)
          is distinct from
          (old.id, old.fiscal_year, old.program_id, old.run_id, old.label, old.official, old.interim_share,
           old.recoveries, old.lifetime_keys, old.program_wide, old.basis_seq, old.due_cents, old.recovered_cents, old.lines,
           old.created_by, old.created_by_name, old.created_at) then
      raise exception 'payment cycle % is a draft: it changes only by being approved', old.id using errcode = '55000';
    end if;
    return new;
  end $$`,
  `create trigger payment_cycles_guard before update or delete on payment_cycles
    for each row execute function payment_cycle_guard()`,

  `create function payment_refuse_change() returns trigger language plpgsql as $$
  begin
    raise exception '% rows are never %d', tg_table_name, lower(tg_op) using errcode = '55000';
  end $$`,
  `create trigger payment_cycle_lines_fixed before update on payment_cycle_lines
    for each statement execute function payment_refuse_change()`,
  `create trigger payment_cycle_approvals_fixed before update or delete or truncate on payment_cycle_approvals
    for each statement execute function payment_refuse_change()`,
  `create trigger payment_ledger_append_only before update or delete or truncate on payment_ledger
    for each statement execute function payment_refuse_change()`,

  // Lines are added to and taken from drafts only; ledger entries belong to approved cycles.
  `create function payment_cycle_lines_of_drafts() returns trigger language plpgsql as $$
  begin
    if exists (select 1 from changed c left join payment_cycles p on p.id = c.cycle_id
               where p.id is null or p.status = 'approved') then
      raise exception 'payment cycle lines are written to draft cycles only, and never change' using errcode = '55000';
    end if;
    return null;
  end $$`,
  `create trigger payment_cycle_lines_insert after insert on payment_cycle_lines
    referencing new table as changed for each statement execute function payment_cycle_lines_of_drafts()`,
  `create trigger payment_cycle_lines_delete after delete on payment_cycle_lines
    referencing old table as changed for each statement execute function payment_cycle_lines_of_drafts()`,
  `create function payment_ledger_of_approved() returns trigger language plpgsql as $$
  begin
    if exists (select 1 from added a left join payment_cycles p on p.id = a.cycle_id
               where p.id is null or p.status <> 'approved') then
      raise exception 'ledger entries are written for approved payment cycles only' using errcode = '55000';
    end if;
    return null;
  end $$`,
  `create trigger payment_ledger_insert after insert on payment_ledger
    referencing new table as added for each statement execute function payment_ledger_of_approved()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'payment_ledger',
    'payment_cycle_approvals',
    'payment_cycle_lines',
    'payment_cycles',
    'payment_cycle_heads',
  ]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
  for (const fn of [
    'payment_cycle_check',
    'payment_cycle_guard',
    'payment_refuse_change',
    'payment_cycle_lines_of_drafts',
    'payment_ledger_of_approved',
  ]) {
    await sql.raw(`drop function ${fn}()`).execute(db);
  }
}
