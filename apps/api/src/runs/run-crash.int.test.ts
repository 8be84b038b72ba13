import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type QuipProcess, spawnQuip, waitForHealth } from '../testing/spawn-quip.ts';

/**
 * Issue 14, item 3: a Quip process killed (SIGKILL) during an embedded recompute left its run
 * `running` with `finishedAt: null` across restarts, and GET /runs/{id}/events sent nothing forever.
 * Restarted on the same data folder, Quip resumes the run from its stored chunks: it ends succeeded
 * with the totals of a clean run, and its event stream ends with that final state.
 */

const PROCESS_TIMEOUT_MS = 240_000;
const ADMIN_KEY = 'quip_test-admin-key-for-the-run-crash-test';
const EPT = '/api/v1/fiscal-years/2026-27/programs/dhcs-ept';
const PAYEES = 20_000;
const KILL_AFTER_MS = 400;
const auth = { Authorization: `Bearer ${ADMIN_KEY}` };

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  id: number;
  status: string;
  reason: string | null;
  totals: unknown;
  finishedAt: string | null;
}

async function getRun(url: string, id: number): Promise<Run> {
  const res = await fetch(`${url}/api/v1/runs/${id}`, { headers: auth });
  expect(res.status).toBe(200);
  return (await res.json()) as Run;
}

async function startRecompute(url: string): Promise<number> {
  const res = await fetch(`${url}${EPT}/runs`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ asOf: '2027-06-30' }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: number }).id;
}

async function waitForEnd(url: string, id: number, timeoutMs = 60_000): Promise<Run> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRun(url, id);
    if (run.status !== 'queued' && run.status !== 'running') return run;
    if (Date.now() > until) throw new Error(`run ${id} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a recompute killed mid-run (embedded)', () => {
  it(
    'is resumed after the restart, ends with the totals of a clean run, and its event stream ends',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'quip-run-crash-'));
      dirs.push(dataDir);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const env = { PORT: String(port), QUIP_DATA_DIR: dataDir, QUIP_ADMIN_KEY: ADMIN_KEY, QUIP_DEMO: '1' };
      let quip: QuipProcess | null = null;
      try {
        quip = spawnQuip(env);
        await waitForHealth(url, quip);
        // More payees than the demo's few hundred: a run of several chunks, long enough to kill.
        const rows = Array.from(
          { length: PAYEES },
          (_, i) => `PR-X${i},Clinic ${i},${900 + (i % 200)},${i % 2 ? 23 : 25}\n`,
        );
        const uploaded = await fetch(`${url}${EPT}/entities`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'text/csv' },
          body: `id,name,assignedMembers,milestoneCount\n${rows.join('')}`,
        });
        expect(uploaded.status).toBe(200);
        const id = await startRecompute(url);
        // Killed a moment into the run (~2 s here): its chunks part done. A request would wait for the
        // run (one PGlite connection), so the restarted process's log says the run was unfinished.
        await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
        quip.child.kill('SIGKILL');
        await quip.exited;

        quip = spawnQuip(env);
        await waitForHealth(url, quip);
        expect(quip.output()).toContain('runs interrupted when Quip last stopped');
        expect(quip.output()).toContain(`"resumed":[${id}]`);
        // The event stream ends by itself, its last event the run's final state.
        const started = Date.now();
        const events = await fetch(`${url}/api/v1/runs/${id}/events`, {
          headers: auth,
          signal: AbortSignal.timeout(30_000),
        });
        expect(events.status).toBe(200);
        const text = await events.text();
        const data = text
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => JSON.parse(line.slice(6)) as Run);
        const last = data[data.length - 1];
        expect(Date.now() - started).toBeLessThan(30_000);
        expect(last?.status).toBe('succeeded');

        const resumed = await getRun(url, id);
        expect(resumed).toMatchObject({ status: 'succeeded', reason: null });
        expect(resumed.finishedAt).not.toBeNull();
        expect(last).toEqual(resumed);

        // A clean run of the same data and rulebook: the same totals.
        const clean = await waitForEnd(url, await startRecompute(url));
        expect(clean.status).toBe('succeeded');
        expect(resumed.totals).toEqual(clean.totals);
      } finally {
        if (quip && quip.child.exitCode === null) {
          quip.child.kill('SIGTERM');
          await quip.exited;
        }
      }
    },
    PROCESS_TIMEOUT_MS,
  );
});
