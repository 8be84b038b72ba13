import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export interface RulebookRevision {
  id: number;
  fiscalYear: string;
  programId: string;
  revision: number;
  version: number | null;
  content: unknown;
  contentHash: string;
  source: 'catalog' | 'admin' | 'clone';
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  /** Why it was published: the administrator's change note (null for drafts and older versions). */
  publishNote: string | null;
}

const columns = [
  'id',
  'fiscal_year as fiscalYear',
  'program_id as programId',
  'revision',
  'version',
  'content',
  'content_hash as contentHash',
  'source',
  'note',
  'created_at as createdAt',
  'created_by as createdBy',
  'published_at as publishedAt',
  'publish_note as publishNote',
] as const;

type Db = Kysely<Database> | Transaction<Database>;

/** Runs `work` in the caller's transaction when given one, else in a new one. */
function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

/** Serialises writers of one program's rulebook so revision and version numbers never collide. */
async function lockRulebook(trx: Transaction<Database>, fiscalYear: string, programId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`rulebook:${fiscalYear}:${programId}`}))`.execute(trx);
}

export interface NewRulebookRevision {
  fiscalYear: string;
  programId: string;
  content: unknown;
  contentHash: string;
  source: 'catalog' | 'admin' | 'clone';
  note?: string | null;
  createdBy: string | null;
  /** Publish at once as the next version (the catalog's first load does this). */
  publish?: boolean;
  /** Save only when the program has no revision at all in that year (else return null). */
  onlyIfNone?: boolean;
}

/** Saves a new revision; pass a transaction to make it part of a larger change (e.g. with its audit entry). */
export async function saveRulebookRevision(
  db: Db,
  input: NewRulebookRevision,
): Promise<RulebookRevision | null> {
  return inTransaction(db, async (trx) => {
    await lockRulebook(trx, input.fiscalYear, input.programId);
    const last = await trx
      .selectFrom('rulebook_revisions')
      .select([(eb) => eb.fn.max('revision').as('revision'), (eb) => eb.fn.max('version').as('version')])
      .where('fiscal_year', '=', input.fiscalYear)
      .where('program_id', '=', input.programId)
      .executeTakeFirstOrThrow();
    if (input.onlyIfNone && last.revision !== null) return null;
    const publishedAt = input.publish ? new Date().toISOString() : null;
    return trx
      .insertInto('rulebook_revisions')
      .values({
        fiscal_year: input.fiscalYear,
        program_id: input.programId,
        revision: (last.revision ?? 0) + 1,
        version: input.publish ? (last.version ?? 0) + 1 : null,
        content: JSON.stringify(input.content),
        content_hash: input.contentHash,
        source: input.source,
        note: input.note ?? null,
        created_by: input.createdBy,
        published_at: publishedAt,
        published_by: input.publish ? input.createdBy : null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  });
}

/** The published revision with the highest version, or null. */
export async function findPublishedRulebook(
  db: Db,
  fiscalYear: string,
  programId: string,
  version?: number,
): Promise<RulebookRevision | null> {
  let query = db
    .selectFrom('rulebook_revisions')
    .select(columns)
    .where('fiscal_year', '=', fiscalYear)
    .where('program_id', '=', programId)
    .where('version', 'is not', null);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  return (await query.executeTakeFirst()) ?? null;
}

/** The newest revision if it is a draft (saved after the last publish), else null. */
export async function findCurrentDraft(
  db: Db,
  fiscalYear: string,
  programId: string,
): Promise<RulebookRevision | null> {
  const latest = await db
    .selectFrom('rulebook_revisions')
    .select(columns)
    .where('fiscal_year', '=', fiscalYear)
    .where('program_id', '=', programId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest && latest.version === null ? latest : null;
}

export function listRulebookRevisions(db: Db, fiscalYear: string, programId: string) {
  return db
    .selectFrom('rulebook_revisions')
    .select(columns.filter((c) => c !== 'content'))
    .where('fiscal_year', '=', fiscalYear)
    .where('program_id', '=', programId)
    .orderBy('revision', 'desc')
    .execute();
}

/** Freezes the current draft as the next published version, with its change note; null when there is no draft. */
export async function publishCurrentDraft(
  db: Db,
  fiscalYear: string,
  programId: string,
  publishedBy: string | null,
  note: string | null = null,
): Promise<RulebookRevision | null> {
  return inTransaction(db, async (trx) => {
    await lockRulebook(trx, fiscalYear, programId);
    const draft = await findCurrentDraft(trx, fiscalYear, programId);
    if (!draft) return null;
    const published = await findPublishedRulebook(trx, fiscalYear, programId);
    return trx
      .updateTable('rulebook_revisions')
      .set({
        version: (published?.version ?? 0) + 1,
        published_at: new Date().toISOString(),
        published_by: publishedBy,
        publish_note: note,
      })
      .where('id', '=', draft.id)
      .returning(columns)
      .executeTakeFirstOrThrow();
  });
}

/** Published version per program for one fiscal year. */
export async function publishedVersions(db: Db, fiscalYear: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('rulebook_revisions')
    .select(['program_id', (eb) => eb.fn.max('version').as('version')])
    .where('fiscal_year', '=', fiscalYear)
    .where('version', 'is not', null)
    .groupBy('program_id')
    .execute();
  return new Map(rows.map((r) => [r.program_id, Number(r.version)]));
}

/** Whether any revision exists: the catalog loads a program's rulebook only where none does. */
export async function hasAnyRulebook(db: Db, fiscalYear: string, programId: string): Promise<boolean> {
  const row = await db
    .selectFrom('rulebook_revisions')
    .select('id')
    .where('fiscal_year', '=', fiscalYear)
    .where('program_id', '=', programId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
