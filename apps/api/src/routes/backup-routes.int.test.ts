import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { DATABASE_KINDS } from '@quip/db/testing';
import { describe, expect, it } from 'vitest';
import { freePort, type QuipProcess, spawnQuip, waitForHealth } from '../testing/spawn-quip.ts';
import { tempDirsOfFile } from '../testing/temp-dirs.ts';
import { bearer, openTestApp } from '../testing/test-app.ts';

/**
 * Issue 14, item 7: `pnpm backup` (scripts/backup.mjs -> POST /api/v1/admin/backup) copies the
 * embedded database while Quip runs; `pnpm restore` (scripts/restore.mjs) unpacks the copy into a
 * new folder; Quip started on it serves a run's payment file byte for byte as before.
 */

const PROCESS_TIMEOUT_MS = 420_000;
const ADMIN_KEY = 'quip_test-admin-key-for-the-backup-test';
const SCRIPTS = fileURLToPath(new URL('../../../../scripts/', import.meta.url));
const EPT = '/api/v1/fiscal-years/2026-27/programs/dhcs-ept';
const run = promisify(execFile);

const tempDir = tempDirsOfFile('quip-backup');

/** Runs one of the scripts as `pnpm backup` / `pnpm restore` would; never throws, answers the exit code. */
async function script(name: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(SCRIPTS, name), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const auth = { Authorization: `Bearer ${ADMIN_KEY}` };

async function startQuip(dataDir: string, port: number): Promise<QuipProcess> {
  const quip = spawnQuip({ PORT: String(port), QUIP_DATA_DIR: dataDir, QUIP_ADMIN_KEY: ADMIN_KEY });
  await waitForHealth(`http://127.0.0.1:${port}`, quip);
  return quip;
}

async function stopQuip(quip: QuipProcess): Promise<void> {
  if (quip.child.exitCode !== null) return;
  quip.child.kill('SIGTERM');
  await quip.exited;
}

async function paymentFile(url: string, runId: number): Promise<Buffer> {
  const res = await fetch(`${url}/api/v1/runs/${runId}/payments?format=csv`, { headers: auth });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('backup and restore of the embedded database', () => {
  it(
    'backs up while Quip runs; Quip on the restored folder serves the same payment file, byte for byte',
    async () => {
      const dataDir = tempDir();
      const work = tempDir();
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      let quip = await startQuip(dataDir, port);
      try {
        // The demo data set, then a recompute of EPT.
        const started = await fetch(`${url}${EPT}/runs`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ asOf: '2027-06-30' }),
        });
        expect(started.status).toBe(202);
        const { id: runId } = (await started.json()) as { id: number };
        let status = '';
        for (let i = 0; i < 600 && status !== 'succeeded' && status !== 'failed'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          const res = await fetch(`${url}/api/v1/runs/${runId}`, { headers: auth });
          status = ((await res.json()) as { status: string }).status;
        }
        expect(status).toBe('succeeded');
        const before = await paymentFile(url, runId);
        expect(before.toString('utf8').split('\n').length).toBeGreaterThan(10);

        // The backup, while other requests keep coming.
        const backupFile = join(work, 'quip.tar.gz');
        const meanwhile = Promise.all(
          Array.from({ length: 5 }, () => fetch(`${url}${EPT}/entities?limit=5`, { headers: auth })),
        );
        const backup = await script('backup.mjs', ['--out', backupFile, '--url', url], {
          QUIP_ADMIN_KEY: ADMIN_KEY,
        });
        expect(backup, backup.stderr).toMatchObject({ code: 0, stdout: `${backupFile}\n` });
        expect((await meanwhile).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
        expect(gunzipSync(readFileSync(backupFile)).length).toBeGreaterThan(1_000_000);

        // A change after the backup: the restored copy is the database as it was at the backup.
        const later = await fetch(`${url}${EPT}/entities`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'text/csv' },
          body: 'id,name,assignedMembers,milestoneCount\nPR-AFTER-BACKUP,Later Clinic,920,25\n',
        });
        expect(later.status).toBe(200);

        // The folder of a running Quip is never restored into, not even with --force.
        const intoRunning = await script('restore.mjs', [
          '--from',
          backupFile,
          '--data-dir',
          dataDir,
          '--force',
        ]);
        expect(intoRunning.code).toBe(1);
        expect(intoRunning.stderr).toContain('stop it first');
        await stopQuip(quip);

        // A folder that holds something is refused without --force.
        const restored = join(work, 'restored');
        mkdirSync(restored);
        writeFileSync(join(restored, 'notes.txt'), 'keep me');
        const refused = await script('restore.mjs', ['--from', backupFile, '--data-dir', restored]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('not empty');
        expect(readFileSync(join(restored, 'notes.txt'), 'utf8')).toBe('keep me');
        const done = await script('restore.mjs', ['--from', backupFile, '--data-dir', restored, '--force']);
        expect(done, done.stderr).toMatchObject({ code: 0 });
        expect(existsSync(join(restored, 'notes.txt'))).toBe(false);
        expect(existsSync(join(restored, 'PG_VERSION'))).toBe(true);

        quip = await startQuip(restored, port);
        const after = await paymentFile(url, runId);
        expect(after.equals(before)).toBe(true);
        const missing = await fetch(`${url}${EPT}/entities/PR-AFTER-BACKUP`, { headers: auth });
        expect(missing.status).toBe(404);
      } finally {
        await stopQuip(quip);
      }
    },
    PROCESS_TIMEOUT_MS,
  );

  it('refuses a file that is not a backup, and writes nothing', async () => {
    const work = tempDir();
    const notBackup = join(work, 'notes.tar.gz');
    writeFileSync(notBackup, 'just some text, not an archive');
    const target = join(work, 'target');
    const res = await script('restore.mjs', ['--from', notBackup, '--data-dir', target]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('not a backup of Quip');
    expect(existsSync(target)).toBe(false);
  });
});

describe.each(DATABASE_KINDS)('POST /api/v1/admin/backup on %s', (kind) => {
  it(
    kind === 'pglite' ? 'answers the data folder as a gzip tar' : 'answers 409: pg_dump is the tool',
    async () => {
      const t = await openTestApp(kind);
      try {
        const res = await t.app.request('/api/v1/admin/backup', {
          method: 'POST',
          headers: bearer(await t.keyFor('admin')),
        });
        if (kind === 'postgres') {
          expect(res.status).toBe(409);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(((await res.json()) as { detail: string }).detail).toContain('pg_dump');
          return;
        }
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/gzip');
        expect(res.headers.get('content-disposition')).toMatch(
          /^attachment; filename="quip-backup-\d{8}T\d{6}Z\.tar\.gz"$/,
        );
        const tar = gunzipSync(Buffer.from(await res.arrayBuffer()));
        // A tar of the database folder: its PG_VERSION is there, as restore.mjs checks.
        expect(tar.indexOf('/PG_VERSION\0')).toBeGreaterThanOrEqual(0);
      } finally {
        await t.close();
      }
    },
  );
});
