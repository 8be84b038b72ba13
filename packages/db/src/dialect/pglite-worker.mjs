// The embedded database's own thread: it owns the PGlite instance and runs each statement the main
// thread sends (pglite-worker-client.ts), so a long statement never blocks the HTTP server's event
// loop. Plain JavaScript on purpose: it starts the same way under `node --import tsx`, under vitest
// and under plain node, with no TypeScript loader in this thread.
//
// Messages in: { id, kind: 'query', sql, params } | { id, kind: 'dump', compression }
//   | { id, kind: 'close' } | { id, kind: 'heartbeat' }.
// Messages out: { kind: 'ready' } | { kind: 'failed', error } once at start-up, then
// { id, ok: true, ... } or { id, ok: false, error } for each message in.
import { parentPort, workerData } from 'node:worker_threads';
import { messages, PGlite } from '@electric-sql/pglite';

/** @type {{ dataDir?: string; rawTypes: number[] }} */
const { dataDir, rawTypes } = workerData;

// The value types the main thread parses itself (dialect/type-parsers.ts, shared with node-postgres)
// arrive as the server's text, so both drivers keep one set of parsers.
const parsers = Object.fromEntries(rawTypes.map((oid) => [oid, (/** @type {string} */ text) => text]));

/** An error as plain data: its class name, message and every field (code, detail, constraint...). */
function plainError(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return { className: 'Error', message: String(error), fields: {} };
  /** @type {Record<string, unknown>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    // queryOptions holds functions (the parsers); the main thread adds it, query and params back.
    if (key === 'queryOptions' || key === 'params' || key === 'query') continue;
    if (typeof value === 'function') continue;
    fields[key] = value;
  }
  // PGlite's classes are minified: their constructor names say nothing.
  const className = error instanceof messages.DatabaseError ? 'DatabaseError' : error.constructor.name;
  return { className, message: error.message, fields };
}

/** @type {PGlite} */
let pglite;
try {
  pglite = await PGlite.create(dataDir ? { dataDir } : {});
  await pglite.exec(`set time zone 'UTC'`);
} catch (error) {
  parentPort?.postMessage({ kind: 'failed', error: plainError(error) });
  process.exit(1);
}

parentPort?.on('message', async (message) => {
  const { id, kind } = message;
  try {
    if (kind === 'query') {
      const result = await pglite.query(message.sql, message.params, { parsers });
      parentPort?.postMessage({
        id,
        ok: true,
        rows: result.rows,
        fields: result.fields,
        affectedRows: result.affectedRows,
      });
    } else if (kind === 'dump') {
      const archive = await pglite.dumpDataDir(message.compression);
      const bytes = await archive.arrayBuffer();
      parentPort?.postMessage({ id, ok: true, bytes, type: archive.type }, [bytes]);
    } else if (kind === 'close') {
      if (!pglite.closed) await pglite.close();
      parentPort?.postMessage({ id, ok: true });
    } else if (kind === 'heartbeat') {
      parentPort?.postMessage({ id, ok: true });
    } else {
      throw new Error(`unknown message kind ${kind}`);
    }
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, error: plainError(error) });
  }
});

parentPort?.postMessage({ kind: 'ready' });
