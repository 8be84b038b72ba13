import type { Kysely } from 'kysely';
import type { ApiKeyRole, Database } from '../schema.ts';

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: ApiKeyRole;
  entityIds: string[] | null;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** What a key record shows: never its hash. */
export const API_KEY_COLUMNS = [
  'id',
  'name',
  'role',
  'entity_ids as entityIds',
  'key_prefix as keyPrefix',
  'created_at as createdAt',
  'revoked_at as revokedAt',
] as const;

export interface NewApiKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  entityIds: string[] | null;
  keyHash: string;
  keyPrefix: string;
  createdBy: string | null;
}

export async function insertApiKey(db: Kysely<Database>, key: NewApiKey): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      name: key.name,
      role: key.role,
      entity_ids: key.entityIds,
      key_hash: key.keyHash,
      key_prefix: key.keyPrefix,
      created_by: key.createdBy,
    })
    .execute();
}

/** Only keys that are not revoked authenticate. */
export async function findActiveApiKeyByHash(
  db: Kysely<Database>,
  keyHash: string,
): Promise<ApiKeyRecord | null> {
  const row = await db
    .selectFrom('api_keys')
    .select(API_KEY_COLUMNS)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

export async function countActiveAdminKeys(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
