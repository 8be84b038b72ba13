import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { ApiKeyRecord } from './api-keys.ts';

type Db = Kysely<Database> | Transaction<Database>;

const columns = [
  'id',
  'name',
  'role',
  'entity_ids as entityIds',
  'key_prefix as keyPrefix',
  'created_at as createdAt',
  'revoked_at as revokedAt',
] as const;

/** Every key, active and revoked, oldest first; never the hashes. */
export function listApiKeys(db: Db): Promise<ApiKeyRecord[]> {
  return db.selectFrom('api_keys').select(columns).orderBy('created_at').orderBy('id').execute();
}

export async function findApiKey(db: Db, id: string): Promise<ApiKeyRecord | null> {
  return (await db.selectFrom('api_keys').select(columns).where('id', '=', id).executeTakeFirst()) ?? null;
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
    .returning(columns)
    .executeTakeFirst();
  return row ?? null;
}
