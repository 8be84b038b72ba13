import { randomUUID } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Problem, problems } from '../http/problem.ts';
import { type UploadTimeouts, uploadTimedOut } from '../limits/upload-timeouts.ts';

/** A request body received whole, to be read again by the route. */
export interface ReceivedBody {
  readonly bytes: number;
  /** The temporary file holding it, or null when it fits in memory. */
  readonly path: string | null;
  /** The body's bytes, from memory or from the file, in the order they arrived. */
  stream(): ReadableStream<Uint8Array>;
  /** Closes and removes the temporary file; safe to call more than once. */
  dispose(): Promise<void>;
}

/** The size of the pieces the body is read back in: small, so each parse step is short. */
const READ_BYTES = 64 * 1024;

/**
 * Receives a body to its end before anything else happens: in memory up to `memoryBytes`, then in
 * a temporary file (mode 0600). Each read waits at most `idleMs`, the whole body at most `totalMs`
 * (408). On any failure (timeout, body limit, the client gone) the file is removed and the error
 * thrown: the caller has nothing to clean up.
 */
export async function receiveBody(
  body: ReadableStream<Uint8Array>,
  timeouts: UploadTimeouts,
): Promise<ReceivedBody> {
  const reader = body.getReader();
  const deadline = Date.now() + timeouts.totalMs;
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let bytes = 0;
  let path: string | null = null;
  let file: FileHandle | null = null;
  try {
    for (;;) {
      const next = await readWithin(reader, timeouts, deadline);
      if (next.done) break;
      bytes += next.value.byteLength;
      if (file) {
        await writeAll(file, next.value);
        continue;
      }
      held.push(next.value);
      heldBytes += next.value.byteLength;
      if (heldBytes > timeouts.memoryBytes) {
        path = join(timeouts.tempDir, `quip-upload-${randomUUID()}`);
        file = await open(path, 'wx', 0o600);
        for (const piece of held.splice(0)) await writeAll(file, piece);
      }
    }
    await file?.close();
    file = null;
  } catch (error) {
    await file?.close().catch(() => {});
    if (path) await rm(path, { force: true });
    throw error instanceof Problem ? error : unreadable();
  }
  return path === null ? inMemory(held, bytes) : inFile(path, bytes);
}

/** The next piece of the body, or a 408 when none comes within the idle or the total limit. */
async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  timeouts: UploadTimeouts,
  deadline: number,
): Promise<Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>> {
  const read = reader.read();
  // A read left waiting after a timeout ends when the server closes the socket: not an error of ours.
  read.catch(() => {});
  const total = deadline - Date.now();
  const kind = total < timeouts.idleMs ? 'total' : 'idle';
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(uploadTimedOut(kind, timeouts)),
      Math.max(0, Math.min(total, timeouts.idleMs)),
    );
  });
  try {
    return await Promise.race([read, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function writeAll(file: FileHandle, piece: Uint8Array): Promise<void> {
  for (let at = 0; at < piece.byteLength; ) {
    const { bytesWritten } = await file.write(piece, at);
    at += bytesWritten;
  }
}

/** The client closed the connection (or the body broke off) before its end. */
const unreadable = () =>
  problems.badRequest('The request body ended before it was complete; nothing was stored.');

function inMemory(held: Uint8Array[], bytes: number): ReceivedBody {
  return {
    bytes,
    path: null,
    stream() {
      let next = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          const piece = held[next++];
          if (piece === undefined) controller.close();
          else controller.enqueue(piece);
        },
      });
    },
    async dispose() {
      held.length = 0;
    },
  };
}

function inFile(path: string, bytes: number): ReceivedBody {
  const readers = new Set<FileHandle>();
  let disposed: Promise<void> | null = null;
  const closeReader = async (handle: FileHandle) => {
    if (readers.delete(handle)) await handle.close().catch(() => {});
  };
  return {
    bytes,
    path,
    stream() {
      let handle: FileHandle | null = null;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (handle === null) {
            handle = await open(path, 'r');
            readers.add(handle);
          }
          const buffer = new Uint8Array(READ_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
          if (bytesRead === 0) {
            await closeReader(handle);
            controller.close();
          } else {
            controller.enqueue(bytesRead === READ_BYTES ? buffer : buffer.subarray(0, bytesRead));
          }
        },
        async cancel() {
          if (handle) await closeReader(handle);
        },
      });
    },
    dispose() {
      disposed ??= (async () => {
        await Promise.all([...readers].map(closeReader));
        await rm(path, { force: true });
      })();
      return disposed;
    },
  };
}
