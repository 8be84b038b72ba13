import { createDatabase } from '@quip/db';
import { createScratchPostgresDatabase } from '@quip/db/testing';
import { describe, expect, it } from 'vitest';
import { spawnQuip, spawnQuipOnFreePort, waitForHealth } from './testing/spawn-quip.ts';
import { tempDirsOfFile } from './testing/temp-dirs.ts';

// Each start of a real process migrates, loads the catalog and the demo data: give it room on a busy machine.
const PROCESS_TIMEOUT_MS = 180_000;

const tempDir = tempDirsOfFile('quip-main');

describe('the Quip process', () => {
  it('refuses to start on a malformed variable and names it', async () => {
    const quip = spawnQuip({ PORT: 'eighty', QUIP_DATA_DIR: tempDir() });
    expect(await quip.exited).toBe(2);
    expect(quip.output()).toContain('PORT');
  });

  it(
    'starts embedded, prints a generated admin key once, and stops cleanly on SIGTERM',
    async () => {
      const dataDir = tempDir();
      const first = await spawnQuipOnFreePort({ QUIP_DATA_DIR: dataDir });
      const { port, url } = first;
      expect(await waitForHealth(url, first)).toEqual({ status: 'ok', database: 'pglite', queue: 'inline' });
      const key = /quip_[A-Za-z0-9_-]{43}/.exec(first.output())?.[0];
      expect(key).toBeDefined();
      const years = await fetch(`${url}/api/v1/fiscal-years`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      expect(years.status).toBe(200);
      // The catalog is loaded into the empty database: all five programs have a published rulebook.
      const programs = await fetch(`${url}/api/v1/fiscal-years/2026-27/programs`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      const list = (await programs.json()) as { items: { id: string; rulebookVersion: number | null }[] };
      expect(list.items.map((p) => [p.id, p.rulebookVersion]).sort()).toEqual([
        ['dds-qip', 1],
        ['dhcs-ept', 1],
        ['dhcs-mcas', 1],
        ['dhcs-qwi', 1],
        ['dhcs-wpc', 1],
      ]);
      const ept = await fetch(`${url}/api/v1/fiscal-years/2026-27/programs/dhcs-ept/rulebook`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      const eptBody = (await ept.json()) as { published: { version: number; rulebook: { program: string } } };
      expect([eptBody.published.version, eptBody.published.rulebook.program]).toEqual([1, 'dhcs-ept']);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      // The second start on the same data keeps the key and prints none.
      const second = spawnQuip({ PORT: String(port), QUIP_DATA_DIR: dataDir });
      await waitForHealth(url, second);
      expect(second.output()).not.toMatch(/quip_[A-Za-z0-9_-]{43}/);
      const again = await fetch(`${url}/api/v1/fiscal-years`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      expect(again.status).toBe(200);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'refuses a data folder another running process holds',
    async () => {
      const dataDir = tempDir();
      const holder = await spawnQuipOnFreePort({ QUIP_DATA_DIR: dataDir });
      await waitForHealth(holder.url, holder);
      const intruder = await spawnQuipOnFreePort({ QUIP_DATA_DIR: dataDir });
      expect(await intruder.exited).toBe(1);
      expect(intruder.output()).toContain('is in use by process');
      holder.child.kill('SIGTERM');
      await holder.exited;
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'runs scaled on PostgreSQL and BullMQ, with the key from QUIP_ADMIN_KEY',
    async () => {
      const scratch = await createScratchPostgresDatabase();
      const adminKey = 'quip_test-admin-key-for-the-scaled-mode-test';
      const quip = await spawnQuipOnFreePort({
        QUIP_DATA_DIR: tempDir(),
        DATABASE_URL: scratch.url,
        REDIS_URL: process.env.QUIP_TEST_REDIS_URL ?? 'redis://missing',
        QUIP_ADMIN_KEY: adminKey,
      });
      const { url } = quip;
      try {
        expect(await waitForHealth(url, quip)).toEqual({
          status: 'ok',
          database: 'postgres',
          queue: 'bullmq',
        });
        const res = await fetch(`${url}/api/v1/fiscal-years`, {
          headers: { Authorization: `Bearer ${adminKey}` },
        });
        expect(res.status).toBe(200);
        const direct = await createDatabase({ databaseUrl: scratch.url, migrate: false });
        const stored = await direct.db.selectFrom('api_keys').select(['key_hash', 'key_prefix']).execute();
        await direct.close();
        // Keys are stored hashed: the secret itself is nowhere in the table.
        expect(JSON.stringify(stored)).not.toContain(adminKey);
        expect(stored).toHaveLength(1);
      } finally {
        quip.child.kill('SIGTERM');
        await quip.exited;
        await scratch.drop();
      }
    },
    PROCESS_TIMEOUT_MS,
  );
});
