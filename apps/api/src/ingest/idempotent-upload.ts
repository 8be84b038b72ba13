import type { Database } from '@quip/db';
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { AppEnv } from '../http/app-env.ts';
import { createRequestHasher, replayAnswer, startIdempotent } from '../http/idempotency.ts';

/** Stores the request's answer with its Idempotency-Key; call inside the transaction of the upload. */
export type RecordAnswer = (trx: Transaction<Database>, status: number, body: unknown) => Promise<void>;

/**
 * Runs a streamed upload under its Idempotency-Key (see http/idempotency.ts). The body is hashed
 * as the upload reads it, never buffered: a replay is drained and hashed, then answered with the
 * first answer (or 422 when its body differs). `upload` must call `recordAnswer` after reading the
 * whole body, inside its transaction; if it throws, the claim is released.
 */
export async function idempotentUpload(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  upload: (body: ReadableStream<Uint8Array>, recordAnswer: RecordAnswer) => Promise<Response>,
): Promise<Response> {
  // A concurrent replay of a large upload waits for the first one's answer this long.
  const start = await startIdempotent(c, db, '', { waitMs: 60_000 });
  const source = c.req.raw.body ?? new Blob([]).stream();
  if (start.kind === 'none') return upload(source, async () => {});

  const hasher = createRequestHasher(c);
  const body = source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hasher.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  if (start.kind === 'replay') {
    const reader = body.getReader();
    while (!(await reader.read()).done) {}
    return replayAnswer(c, start.record, hasher.digest('hex'));
  }
  const claim = start.claim;
  try {
    return await upload(body, (trx, status, answer) =>
      claim.complete(trx, hasher.digest('hex'), status, answer),
    );
  } catch (error) {
    await claim.release();
    throw error;
  }
}
