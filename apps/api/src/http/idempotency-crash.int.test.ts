import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgresDatabase, DATABASE_KINDS } from '@quip/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type QuipProcess, spawnQuip, waitForHealth } from '../testing/spawn-quip.ts';

/**
 * Issue 14, item 4: a Quip process killed (SIGKILL) in the middle of an upload must leave no
 * Idempotency-Key claim behind. The retry, sent to the restarted process, replays a stored answer or
 * runs afresh, at once, and stores once; before, every retry waited 60 s and got 409 "still being
 * processed" for 15 minutes.
 */

const PROCESS_TIMEOUT_MS = 240_000;
const ADMIN_KEY = 'quip_test-admin-key-for-the-crash-test';
const ENTITIES = '/api/v1/fiscal-years/2026-27/programs/dhcs-ept/entities';
const HEADER = 'id,name,assignedMembers,milestoneCount\n';
const ROWS = ['PR-1,Valley Family Clinic,920,25\n', 'PR-2,Hill Clinic,1000,23\n'];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  status: number;
  replayed: string | null;
  body: unknown;
}

/** An upload whose body starts now and never ends: the request stays in the server, mid-stream. */
function startStalledUpload(url: string, key: string): void {
  const req = request(`${url}${ENTITIES}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ADMIN_KEY}`,
      'Content-Type': 'text/csv',
      'Idempotency-Key': key,
      'Transfer-Encoding': 'chunked',
    },
  });
  req.on('error', () => {
    // The server is killed under it.
  });
  req.write(HEADER + ROWS[0]);
}

async function upload(url: string, key: string): Promise<Sent> {
  const res = await fetch(`${url}${ENTITIES}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'text/csv', 'Idempotency-Key': key },
    body: HEADER + ROWS.join(''),
  });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: await res.json() };
}

describe.each(DATABASE_KINDS)(
  'an upload killed mid-stream, retried with its Idempotency-Key, on %s',
  (kind) => {
    it(
      'runs the retry at once after the restart and stores once',
      async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'quip-crash-'));
        dirs.push(dataDir);
        const scratch = kind === 'postgres' ? await createScratchPostgresDatabase() : null;
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        const env = {
          PORT: String(port),
          QUIP_DATA_DIR: dataDir,
          QUIP_ADMIN_KEY: ADMIN_KEY,
          QUIP_DEMO: '0',
          ...(scratch ? { DATABASE_URL: scratch.url } : {}),
        };
        let quip: QuipProcess | null = null;
        try {
          quip = spawnQuip(env);
          await waitForHealth(url, quip);
          startStalledUpload(url, 'crash-1');
          startStalledUpload(url, 'crash-2');
          // An upload's body is received whole before its key is claimed (and before a database
          // connection is taken), so a stalled upload holds no claim: the complete upload with the
          // same key is answered while the stalled one hangs, and stores its two payees.
          const first = await upload(url, 'crash-1');
          expect(first).toEqual({ status: 200, replayed: null, body: { rows: 2, inserted: 2, updated: 0 } });

          quip.child.kill('SIGKILL');
          await quip.exited;

          quip = spawnQuip(env);
          await waitForHealth(url, quip);
          // After the crash, a key that was answered replays its answer, and a key whose upload died
          // mid-stream runs afresh (the payees exist now: two updates): both at once.
          const started = Date.now();
          expect(await upload(url, 'crash-1')).toEqual({ ...first, replayed: 'true' });
          const retry = await upload(url, 'crash-2');
          const elapsed = Date.now() - started;
          expect(retry).toEqual({ status: 200, replayed: null, body: { rows: 2, inserted: 0, updated: 2 } });
          // Not the 60 s wait for a 409 that a claim left by the dead process would cause.
          expect(elapsed).toBeLessThan(kind === 'pglite' ? 5_000 : 20_000);
          expect(await upload(url, 'crash-2')).toEqual({ ...retry, replayed: 'true' });
          const list = await fetch(`${url}${ENTITIES}`, {
            headers: { Authorization: `Bearer ${ADMIN_KEY}` },
          });
          const { items } = (await list.json()) as { items: { id: string }[] };
          expect(items.map((e) => e.id).sort()).toEqual(['PR-1', 'PR-2']);
        } finally {
          if (quip && quip.child.exitCode === null) {
            quip.child.kill('SIGTERM');
            await quip.exited;
          }
          await scratch?.drop();
        }
      },
      PROCESS_TIMEOUT_MS,
    );
  },
);
