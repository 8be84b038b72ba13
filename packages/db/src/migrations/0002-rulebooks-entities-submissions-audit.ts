import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every saved edit is a revision; publishing gives a revision the next published version number
  // and freezes it. Drafts are revisions without a version.
  await db.schema
    .createTable('rulebook_revisions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'text', (c) => c.notNull().references('fiscal_years.fiscal_year'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('catalog', 'admin', 'clone')`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text')
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'text')
    .addUniqueConstraint('rulebook_revisions_revision', ['fiscal_year', 'program_id', 'revision'])
    .addUniqueConstraint('rulebook_revisions_version', ['fiscal_year', 'program_id', 'version'])
    .addCheckConstraint('rulebook_revisions_published', sql`(version is null) = (published_at is null)`)
    .execute();

  // A published rulebook is frozen: its content never changes and it is never deleted.
  await sql`
    create function quip_freeze_published_rulebook() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.version is not null then
          raise exception 'published rulebook % v% of % is immutable', old.program_id, old.version, old.fiscal_year
            using errcode = 'P0001';
        end if;
        return old;
      end if;
      if old.version is not null then
        raise exception 'published rulebook % v% of % is immutable', old.program_id, old.version, old.fiscal_year
          using errcode = 'P0001';
      end if;
      if new.content is distinct from old.content or new.content_hash is distinct from old.content_hash then
        raise exception 'a saved rulebook revision is never edited; save a new revision'
          using errcode = 'P0001';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger rulebook_revisions_frozen before update or delete on rulebook_revisions
    for each row execute function quip_freeze_published_rulebook()`.execute(db);

  await db.schema
    .createTable('entities')
    .addColumn('fiscal_year', 'text', (c) => c.notNull().references('fiscal_years.fiscal_year'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('entities_pk', ['fiscal_year', 'program_id', 'id'])
    .execute();

  await db.schema
    .createTable('submission_batches')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'text', (c) => c.notNull().references('fiscal_years.fiscal_year'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('key_id', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Submissions are never updated: a resubmission is a new row, and the latest row per
  // (entity, measure, period, record) is the current one. History stays.
  await db.schema
    .createTable('submissions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('batch_id', 'bigint', (c) => c.notNull().references('submission_batches.id'))
    .addColumn('fiscal_year', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addForeignKeyConstraint('submissions_entity', ['fiscal_year', 'program_id', 'entity_id'], 'entities', [
      'fiscal_year',
      'program_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('submissions_current')
    .on('submissions')
    .columns(['fiscal_year', 'program_id', 'entity_id', 'measure', 'period', 'record_key', 'id'])
    .execute();

  // A request with an Idempotency-Key is answered once; replays get the stored answer.
  await db.schema
    .createTable('idempotency_records')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_records_pk', ['key_id', 'idempotency_key'])
    .execute();

  // Append-only and hash-chained: each row's hash covers its content and the previous row's hash.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await sql`
    create function quip_refuse_audit_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only' using errcode = 'P0001';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function quip_refuse_audit_change()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function quip_refuse_audit_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_log`.execute(db);
  await sql`drop function quip_refuse_audit_change`.execute(db);
  await db.schema.dropTable('idempotency_records').execute();
  await db.schema.dropTable('submissions').execute();
  await db.schema.dropTable('submission_batches').execute();
  await db.schema.dropTable('entities').execute();
  await sql`drop table rulebook_revisions`.execute(db);
  await sql`drop function quip_freeze_published_rulebook`.execute(db);
}
