import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** One Idempotency-Key of one API key: in progress while `status` is null, answered once it is set. */
export interface IdempotencyRecord {
  keyId: string;
  idempotencyKey: string;
  /** Hash of the first request; '' while a streamed request's hash is not known yet. */
  requestHash: string;
  status: number | null;
  response: unknown;
  createdAt: string;
}

const columns = [
  'key_id as keyId',
  'idempotency_key as idempotencyKey',
  'request_hash as requestHash',
  'status',
  'response',
  'created_at as createdAt',
] as const;

export interface IdempotencyKeyRef {
  keyId: string;
  idempotencyKey: string;
}

/**
 * Inserts an in-progress record in its own statement (committed at once), so concurrent requests
 * with the same key see it. Returns null when this caller claimed the key, else the existing record.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  ref: IdempotencyKeyRef & { requestHash: string },
): Promise<IdempotencyRecord | null> {
  const inserted = await db
    .insertInto('idempotency_records')
    .values({
      key_id: ref.keyId,
      idempotency_key: ref.idempotencyKey,
      request_hash: ref.requestHash,
      status: null,
      response: null,
    })
    .onConflict((oc) => oc.columns(['key_id', 'idempotency_key']).doNothing())
    .returning('key_id')
    .executeTakeFirst();
  if (inserted) return null;
  return findIdempotencyRecord(db, ref);
}

export async function findIdempotencyRecord(
  db: Db,
  ref: IdempotencyKeyRef,
): Promise<IdempotencyRecord | null> {
  const row = await db
    .selectFrom('idempotency_records')
    .select(columns)
    .where('key_id', '=', ref.keyId)
    .where('idempotency_key', '=', ref.idempotencyKey)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Stores the answer of a claimed key. Call it inside the transaction that stores the request's
 * effects, so the effects and the answer land together or not at all.
 */
export async function completeIdempotencyRecord(
  db: Db,
  ref: IdempotencyKeyRef & { requestHash: string; status: number; response: unknown },
): Promise<void> {
  const result = await db
    .updateTable('idempotency_records')
    .set({ request_hash: ref.requestHash, status: ref.status, response: JSON.stringify(ref.response) })
    .where('key_id', '=', ref.keyId)
    .where('idempotency_key', '=', ref.idempotencyKey)
    .where('status', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) {
    throw new Error('idempotency record is not in progress: it was answered or released meanwhile');
  }
}

/** Forgets an in-progress claim (the request failed and stored nothing), so the key can be used again. */
export async function releaseIdempotencyKey(db: Db, ref: IdempotencyKeyRef): Promise<void> {
  await db
    .deleteFrom('idempotency_records')
    .where('key_id', '=', ref.keyId)
    .where('idempotency_key', '=', ref.idempotencyKey)
    .where('status', 'is', null)
    .execute();
}

/** Drops an in-progress claim older than `seconds` (its process died); true when one was dropped. */
export async function releaseStaleIdempotencyKey(
  db: Db,
  ref: IdempotencyKeyRef,
  seconds: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('idempotency_records')
    .where('key_id', '=', ref.keyId)
    .where('idempotency_key', '=', ref.idempotencyKey)
    .where('status', 'is', null)
    .where('created_at', '<', sql<string>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
