import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env.ts';
import { problems } from './problem.ts';

/** Bulk endpoints read their body as a stream: a 1M-row upload is never held whole in memory. */
const STREAMED = /^\/api\/v1\/fiscal-years\/[^/]+\/programs\/[^/]+\/(entities|submissions)$/;

/** A bulk upload, whose body its route streams (JSON array, NDJSON or CSV) instead of holding. */
export function isStreamedUpload(method: string, path: string): boolean {
  return method === 'POST' && STREAMED.test(path);
}

const tooLarge = (maxSize: number) => problems.tooLarge(`The request body is larger than ${maxSize} bytes.`);

/**
 * The body size limit (413 problem+json). A declared Content-Length over the limit is refused at
 * once. Streamed bulk bodies are counted as they are received (ingest/receive-upload-bodies.ts),
 * so receiving fails with 413 before the route runs; other bodies are buffered and counted by
 * Hono's bodyLimit.
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  const buffered = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize);
    },
  });
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body || !isStreamedUpload(c.req.method, c.req.path)) return buffered(c, next);
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding') && Number(declared) > maxSize) {
      throw tooLarge(maxSize);
    }
    let size = 0;
    const counted = raw.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxSize) controller.error(tooLarge(maxSize));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(raw, { body: counted, duplex: 'half' } as RequestInit);
    await next();
  };
}
