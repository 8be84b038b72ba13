import { randomUUID } from 'node:crypto';
import { countActiveAdminKeys, type Database, findActiveApiKeyByHash, insertApiKey } from '@quip/db';
import type { Kysely } from 'kysely';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './api-key-secret.ts';

/**
 * Makes sure an administrator can get in: the key from QUIP_ADMIN_KEY is registered (hashed), or on
 * a first start without one a key is generated and returned so the caller prints it once.
 */
export async function bootstrapAdminKey(
  db: Kysely<Database>,
  configuredKey: string | undefined,
): Promise<{ generatedKey: string | null }> {
  if (configuredKey) {
    const keyHash = hashApiKey(configuredKey);
    if (!(await findActiveApiKeyByHash(db, keyHash))) {
      await insertApiKey(db, {
        id: randomUUID(),
        name: 'administrator (QUIP_ADMIN_KEY)',
        role: 'admin',
        entityIds: null,
        keyHash,
        keyPrefix: apiKeyPrefix(configuredKey),
        createdBy: null,
      }).catch(async (error) => {
        // Another process registered the same key at the same moment; that is the outcome we wanted.
        if (!(await findActiveApiKeyByHash(db, keyHash))) throw error;
      });
    }
    return { generatedKey: null };
  }
  if ((await countActiveAdminKeys(db)) > 0) return { generatedKey: null };
  const key = generateApiKey();
  await insertApiKey(db, {
    id: randomUUID(),
    name: 'administrator (generated on first start)',
    role: 'admin',
    entityIds: null,
    keyHash: hashApiKey(key),
    keyPrefix: apiKeyPrefix(key),
    createdBy: null,
  });
  return { generatedKey: key };
}
