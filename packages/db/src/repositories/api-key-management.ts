import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { API_KEY_COLUMNS, type ApiKeyRecord } from './api-keys.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Every key, active and revoked, oldest first; never the hashes. */
export function listApiKeys(db: Db): Promise<ApiKeyRecord[]> {
  return db.selectFrom('api_keys').select(API_KEY_COLUMNS).orderBy('created_at').orderBy('id').execute();
}

export async function findApiKey(db: Db, id: string): Promise<ApiKeyRecord | null> {
  return (
    (await db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null
  );
}

/** Serialises key revocations so two admins revoking each other cannot leave no admin at all. */
export async function lockApiKeys(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('quip:api-keys'))`.execute(trx);
}

/** Stamps `revoked_at` on an active key; returns the key as it is afterwards. */
export async function revokeApiKey(trx: Transaction<Database>, id: string): Promise<ApiKeyRecord | null> {
  const row = await trx
    .updateTable('api_keys')
    .set({ revoked_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(API_KEY_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** For each payee id, the programs that have a payee of that id (in any fiscal year). */
export async function programsOfPayeeIds(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('entities')
    .select(['id', 'program_id as programId'])
    .distinct()
    .where('id', '=', sql<string>`any(${[...ids]}::text[])`)
    .orderBy('program_id')
    .execute();
  for (const row of rows) {
    const programs = found.get(row.id) ?? [];
    programs.push(row.programId);
    found.set(row.id, programs);
  }
  return found;
}
