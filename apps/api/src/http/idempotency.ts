import { createHash, type Hash, randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  type Database,
  IdempotencyClaimLostError,
  type IdempotencyKeyRef,
  type IdempotencyRecord,
  isSingleProcessDatabase,
  releaseIdempotencyKey,
  renewIdempotencyClaim,
  takeOverIdempotencyKey,
} from '@quip/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { AppEnv } from './app-env.ts';
import { type Problem, problems } from './problem.ts';

/**
 * Idempotency-Key for POSTs that create things: the first request with a key is
 * answered and its answer stored; a replay (same API key, same Idempotency-Key, same method, path
 * and body) gets that answer and stores nothing; the same key with another body is 422.
 *
 * Concurrency: the key is claimed first with an in-progress record in its own statement; a
 * concurrent request finding it in progress waits for the answer, then replays it (409 if the first
 * is still running after `waitMs`). Only successful (2xx) answers are stored: a failed request
 * stored nothing, so its claim is released and the same key may be sent again.
 *
 * Crashes: a claim names the process holding it (`PROCESS_INSTANCE_ID`, drawn at start-up) and is
 * renewed while its request runs. A request that finds a claim whose holder is gone takes it over
 * at once and runs afresh (or replays the answer, if the dead request had committed one): on the
 * embedded database (one process at a time) every claim of another process is the leftover of a
 * process that ended; on PostgreSQL a claim not renewed for `LEASE_SECONDS` is; a claim of this
 * process that no running request holds is too. The answer is stored only under the request's own
 * claim, inside its transaction: a request that lost its claim to a retry rolls back (409), so
 * the effects are stored once.
 *
 * Two ways to use it:
 * - JSON routes: the `idempotency(db)` middleware (route `middleware: [idempotency(db)]`).
 * - Streamed bodies: `startIdempotent` before reading the body, `claim.complete(trx, ...)` inside
 *   the transaction that stores the effects, `claim.release()` on failure, or `replayAnswer` for
 *   a replay once the body's hash is known (see submission-routes.ts).
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** For `request.headers` of a route, so OpenAPI documents the header. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().openapi({
    description:
      'Makes a retry safe: a replay with the same key and body returns the first answer and stores nothing; the same key with another body is 422.',
    example: '6f1c9a52-3b0e-4b8a-9f0e-0d4c1d2b7e11',
  }),
});

/** This process, as the holder of Idempotency-Key claims. */
export const PROCESS_INSTANCE_ID = randomUUID();
/** On PostgreSQL, a claim not renewed for this long belongs to a process that is gone. */
const LEASE_SECONDS = 10;
const RENEW_MS = 2_000;
const POLL_MS = 25;
/** The claims requests of this process are working on: a claim of ours not in here is a leftover. */
const liveClaims = new Set<string>();

export interface IdempotencyOptions {
  /** How long a concurrent request waits for the first one's answer before answering 409. */
  waitMs?: number;
}

/** The Idempotency-Key header, or null when absent; 400 when malformed. */
export function readIdempotencyKey(c: Context): string | null {
  const value = c.req.header(IDEMPOTENCY_HEADER);
  if (value === undefined) return null;
  if (value.length < 1 || value.length > 255 || !/^[\x21-\x7e]+$/.test(value)) {
    throw problems.badRequest('Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  return value;
}

/** A sha256 of method and path to be fed the body's bytes: the same bytes elsewhere are another request. */
export function createRequestHasher(c: Context): Hash {
  return createHash('sha256').update(`${c.req.method} ${c.req.path}\n`);
}

export interface IdempotencyClaim {
  readonly ref: IdempotencyKeyRef;
  /** Stores the answer; call inside the transaction that stores the request's effects. */
  complete(
    trx: Kysely<Database> | Transaction<Database>,
    requestHash: string,
    status: number,
    body: unknown,
  ): Promise<void>;
  /** Forgets the claim after a failure that stored nothing. */
  release(): Promise<void>;
}

export type IdempotencyStart =
  | { kind: 'none' }
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; record: IdempotencyRecord };

/**
 * Claims the request's Idempotency-Key or finds its first answer. `requestHash` is '' when the
 * body has not been read yet (streamed bodies); the caller then checks it with `replayAnswer`.
 */
export async function startIdempotent(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  requestHash = '',
  options: IdempotencyOptions = {},
): Promise<IdempotencyStart> {
  const idempotencyKey = readIdempotencyKey(c);
  if (idempotencyKey === null) return { kind: 'none' };
  const ref = { keyId: c.get('principal').keyId, idempotencyKey };
  const single = await isSingleProcessDatabase(db);
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    const claimant = { owner: PROCESS_INSTANCE_ID, claimId: randomUUID() };
    const existing = await claimIdempotencyKey(db, { ...ref, ...claimant, requestHash });
    if (existing === null) return { kind: 'claimed', claim: claimOf(db, ref, claimant.claimId, single) };
    if (existing.status !== null) return { kind: 'replay', record: existing };
    // A claim whose holder is gone: the request stored nothing, so the key is free again.
    const holder = holderOf(existing, single);
    if (holder !== 'alive') {
      const taken = await takeOverIdempotencyKey(db, {
        ...ref,
        ...claimant,
        requestHash,
        fromClaimId: existing.claimId,
        ...(holder === 'silent' ? { idleSeconds: LEASE_SECONDS } : {}),
      });
      if (taken) return { kind: 'claimed', claim: claimOf(db, ref, claimant.claimId, single) };
      if (holder === 'gone') continue;
    }
    if (requestHash !== '' && existing.requestHash !== '' && existing.requestHash !== requestHash) {
      throw reusedKey();
    }
    if (Date.now() >= deadline) {
      throw problems.conflict(
        'A request with this Idempotency-Key is still being processed; retry later for its answer.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Whether the holder of an in-progress claim still works on it: 'gone' for certain, 'silent' when
 * it is another process on PostgreSQL (gone once it stops renewing the claim), else 'alive'.
 */
function holderOf(record: IdempotencyRecord, single: boolean): 'alive' | 'gone' | 'silent' {
  if (record.owner === PROCESS_INSTANCE_ID) {
    return record.claimId !== null && liveClaims.has(record.claimId) ? 'alive' : 'gone';
  }
  return single ? 'gone' : 'silent';
}

function claimOf(
  db: Kysely<Database>,
  ref: IdempotencyKeyRef,
  claimId: string,
  single: boolean,
): IdempotencyClaim {
  liveClaims.add(claimId);
  // Only PostgreSQL needs the renewals: on the embedded database no other process can be waiting.
  let renewing: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    liveClaims.delete(claimId);
    if (renewing) clearInterval(renewing);
    renewing = null;
  };
  if (!single) {
    renewing = setInterval(() => {
      renewIdempotencyClaim(db, { ...ref, claimId }).then(
        (held) => {
          if (!held) stop();
        },
        () => {
          // The database is unreachable for now: the next renewal tries again.
        },
      );
    }, RENEW_MS);
    renewing.unref();
  }
  return {
    ref,
    async complete(trx, requestHash, status, response) {
      try {
        await completeIdempotencyRecord(trx, { ...ref, claimId, requestHash, status, response });
      } catch (error) {
        if (error instanceof IdempotencyClaimLostError) {
          throw problems.conflict(
            'A retry with this Idempotency-Key took this request over while it was running; nothing of this request was stored, the retry answers for it.',
          );
        }
        throw error;
      } finally {
        stop();
      }
    },
    async release() {
      stop();
      await releaseIdempotencyKey(db, { ...ref, claimId });
    },
  };
}

function reusedKey(): Problem {
  return problems.unprocessable(
    'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
  );
}

/** The stored first answer, or 422 when this request's body differs from the first one's. */
export function replayAnswer(c: Context, record: IdempotencyRecord, requestHash: string): Response {
  if (record.requestHash !== requestHash) throw reusedKey();
  c.header('Idempotent-Replayed', 'true');
  return c.json(record.response as object, record.status as 200);
}

/** Middleware for routes whose body fits in memory (JSON): hashes it, replays or records the answer. */
export function idempotency(
  db: Kysely<Database>,
  options: IdempotencyOptions = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (readIdempotencyKey(c) === null) return next();
    // Hono caches the body, so the route's validator reads it again from memory.
    const body = new Uint8Array(await c.req.arrayBuffer());
    const requestHash = createRequestHasher(c).update(body).digest('hex');
    const start = await startIdempotent(c, db, requestHash, options);
    if (start.kind === 'replay') return replayAnswer(c, start.record, requestHash);
    if (start.kind === 'none') return next();
    try {
      await next();
    } catch (error) {
      await start.claim.release();
      throw error;
    }
    const res = c.res;
    if (res.status >= 200 && res.status < 300 && res.headers.get('content-type')?.includes('json')) {
      const answer = await res.clone().json();
      await start.claim.complete(db, requestHash, res.status, answer);
    } else {
      await start.claim.release();
    }
  };
}
