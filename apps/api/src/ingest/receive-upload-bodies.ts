import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { problemOf } from '../http/problem.ts';
import { isStreamedUpload } from '../http/request-body-limit.ts';
import type { UploadTimeouts } from '../limits/upload-timeouts.ts';
import { receiveBody } from './received-body.ts';

/**
 * Bulk uploads (payees, submissions) are received whole before their route runs: the route, its
 * queries and its transaction then read a local copy at the speed of the disk, never at the
 * client's. So a slow or stalled client never holds the embedded database's one connection; a
 * client that stops sending gets 408 after `idleMs` (the connection is closed: its request
 * cannot be read to its end). The copy is removed when the request ends, however it ends.
 */
export function receiveUploadBodies(timeouts: UploadTimeouts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body || !isStreamedUpload(c.req.method, c.req.path)) return next();
    let received: Awaited<ReturnType<typeof receiveBody>>;
    try {
      received = await receiveBody(raw.body, timeouts);
    } catch (error) {
      if (problemOf(error)?.status === 408) c.header('Connection', 'close');
      throw error;
    }
    try {
      c.req.raw = new Request(raw, { body: received.stream(), duplex: 'half' } as RequestInit);
      await next();
    } finally {
      await received.dispose();
    }
  };
}
