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
  /** The process holding an in-progress claim (its instance id); null for claims older than owners. */
  owner: string | null;
  /** The in-progress claim itself: a release or an answer touches only its own claim. */
  claimId: string | null;
}

export interface IdempotencyKeyRef {
  keyId: string;
  idempotencyKey: string;
}

/** Who claims a key: the claiming process and a new id for this claim. */
export interface IdempotencyClaimant {
  /** The process's instance id, drawn once at start-up. */
  owner: string;
  claimId: string;
}

/**
 * Inserts an in-progress claim in its own statement (committed at once), so concurrent requests
 * with the same key see it. Returns null when this caller claimed the key, else the existing record.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  ref: IdempotencyKeyRef & IdempotencyClaimant & { requestHash: string },
): Promise<IdempotencyRecord | null> {
  // Raw SQL: the owner columns (migration 0012) are not in the typed schema.
  const inserted = await sql<{ keyId: string }>`
    insert into idempotency_records (key_id, idempotency_key, request_hash, status, response, owner, claim_id)
    values (${ref.keyId}, ${ref.idempotencyKey}, ${ref.requestHash}, null, null, ${ref.owner}, ${ref.claimId})
    on conflict (key_id, idempotency_key) do nothing
    returning key_id as "keyId"
  `.execute(db);
  if (inserted.rows.length > 0) return null;
  return findIdempotencyRecord(db, ref);
}

export async function findIdempotencyRecord(
  db: Db,
  ref: IdempotencyKeyRef,
): Promise<IdempotencyRecord | null> {
  const result = await sql<IdempotencyRecord>`
    select key_id as "keyId", idempotency_key as "idempotencyKey", request_hash as "requestHash",
           status, response, created_at as "createdAt", owner, claim_id as "claimId"
    from idempotency_records
    where key_id = ${ref.keyId} and idempotency_key = ${ref.idempotencyKey}
  `.execute(db);
  return result.rows[0] ?? null;
}

/**
 * Takes over the in-progress claim `fromClaimId` (null: a claim older than owners), whose holder
 * is gone: the key is this caller's now, as if it had claimed it first. With `idleSeconds`, only a
 * claim whose holder has not renewed it for that long is taken (its process may live elsewhere).
 * False when the claim was answered, released, renewed or taken by someone else meanwhile.
 */
export async function takeOverIdempotencyKey(
  db: Kysely<Database>,
  ref: IdempotencyKeyRef &
    IdempotencyClaimant & { requestHash: string; fromClaimId: string | null; idleSeconds?: number },
): Promise<boolean> {
  const idle =
    ref.idleSeconds === undefined
      ? sql``
      : sql`and heartbeat_at < now() - make_interval(secs => ${ref.idleSeconds})`;
  const result = await sql`
    update idempotency_records
    set owner = ${ref.owner}, claim_id = ${ref.claimId}, request_hash = ${ref.requestHash},
        heartbeat_at = now(), created_at = now()
    where key_id = ${ref.keyId} and idempotency_key = ${ref.idempotencyKey} and status is null
      and claim_id is not distinct from ${ref.fromClaimId} ${idle}
  `.execute(db);
  return result.numAffectedRows === 1n;
}

/** The holder of a claim says it is still working on it; false when the claim is no longer its own. */
export async function renewIdempotencyClaim(
  db: Kysely<Database>,
  ref: IdempotencyKeyRef & { claimId: string },
): Promise<boolean> {
  const result = await sql`
    update idempotency_records set heartbeat_at = now()
    where key_id = ${ref.keyId} and idempotency_key = ${ref.idempotencyKey}
      and claim_id = ${ref.claimId} and status is null
  `.execute(db);
  return result.numAffectedRows === 1n;
}

export class IdempotencyClaimLostError extends Error {
  override readonly name = 'IdempotencyClaimLostError';
}

/**
 * Stores the answer of a claimed key. Call it inside the transaction that stores the request's
 * effects, so the effects and the answer land together or not at all. Throws
 * IdempotencyClaimLostError when the claim is no longer this caller's (a retry took it over):
 * the transaction then rolls back and the effects are stored once, by the retry.
 */
export async function completeIdempotencyRecord(
  db: Db,
  ref: IdempotencyKeyRef & { claimId: string; requestHash: string; status: number; response: unknown },
): Promise<void> {
  const result = await sql`
    update idempotency_records
    set request_hash = ${ref.requestHash}, status = ${ref.status},
        response = ${JSON.stringify(ref.response)}::jsonb
    where key_id = ${ref.keyId} and idempotency_key = ${ref.idempotencyKey}
      and claim_id = ${ref.claimId} and status is null
  `.execute(db);
  if (result.numAffectedRows !== 1n) {
    throw new IdempotencyClaimLostError(
      'idempotency claim is no longer in progress for this request: it was answered, released or taken over',
    );
  }
}

/** Forgets an in-progress claim (the request failed and stored nothing), so the key can be used again. */
export async function releaseIdempotencyKey(
  db: Db,
  ref: IdempotencyKeyRef & { claimId: string },
): Promise<void> {
  await sql`
    delete from idempotency_records
    where key_id = ${ref.keyId} and idempotency_key = ${ref.idempotencyKey}
      and claim_id = ${ref.claimId} and status is null
  `.execute(db);
}

const singleProcess = new WeakMap<Kysely<Database>, Promise<boolean>>();

/**
 * Whether only one process can use this database: the embedded PGlite database, which one process
 * opens at a time (its folder carries a pid lock). There a claim of another process is the leftover
 * of a process that ended, void since this one started.
 */
export function isSingleProcessDatabase(db: Kysely<Database>): Promise<boolean> {
  let known = singleProcess.get(db);
  if (!known) {
    known = sql<{ single: boolean }>`select version() like '%PGlite%' as single`
      .execute(db)
      .then((r) => r.rows[0]?.single === true);
    known.catch(() => singleProcess.delete(db));
    singleProcess.set(db, known);
  }
  return known;
}
