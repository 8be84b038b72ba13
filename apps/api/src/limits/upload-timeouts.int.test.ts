import { readdirSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { serve } from '@hono/node-server';
import { DATABASE_KINDS } from '@quip/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishScreeningProgram } from '../testing/rulebooks-fixture.ts';
import { tempDirsOfFile } from '../testing/temp-dirs.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';

const PATH = '/api/v1/fiscal-years/2026-27/programs/dds-qip';
const HEADER = 'entityId,measure,period,submittedOn,data.personId,data.age,data.dueDate,data.screenedOn\n';
const line = (i: number) =>
  `V${1 + (i % 2)}-096,colorectal-screening,2026-27,2026-09-01,P${i},44,2026-12-31,\n`;
/** Long enough for the other requests of a test to be answered first on a busy machine. */
const IDLE_MS = 1_500;
/** A pause between the rows of a trickling client, well inside the idle limit. */
const TRICKLE_GAP_MS = 250;

const newTempDir = tempDirsOfFile('quip-bounded-uploads');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: string;
}

/** A client that sends its body piece by piece (chunked), as slowly as the test wants. */
function openUpload(
  base: string,
  key: string,
  path: string,
): { req: ClientRequest; answer: Promise<Answer> } {
  const req = request(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      text(res).then((body) => resolve({ status: res.statusCode ?? 0, body }), reject);
    });
    // A write after the server closed the stalled connection fails: the answer came first.
    req.on('error', () => {});
  });
  return { req, answer };
}

describe.each(DATABASE_KINDS)(
  'bulk upload bodies are received before the database is used, on %s',
  (kind) => {
    let t: TestApp;
    let admin: string;
    let base: string;
    let stop: () => void;
    let tempDir: string;

    beforeAll(async () => {
      t = await openTestApp(kind);
      admin = await t.keyFor('admin');
      await publishScreeningProgram(t.database.db);
      tempDir = newTempDir();
      const app = t.appWith({
        // Any body over 64 bytes goes to a temporary file, so the tests see the files come and go.
        uploadTimeouts: { idleMs: IDLE_MS, totalMs: 60_000, memoryBytes: 64, tempDir },
      });
      const port = await new Promise<number>((ready) => {
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
          ready(info.port),
        );
        stop = () => server.close();
      });
      base = `http://127.0.0.1:${port}`;
    });
    afterAll(async () => {
      stop?.();
      await t?.close();
    });
    afterEach(async () => {
      await sql`delete from submissions`.execute(t.database.db);
    });

    const stored = async () =>
      (
        await sql<{ s: number; b: number }>`
        select (select count(*)::int from submissions) as s, (select count(*)::int from submission_batches) as b
      `.execute(t.database.db)
      ).rows[0];

    /** Waits until the server has written the upload's first bytes to a temporary file. */
    const untilSpooled = async () => {
      while (readdirSync(tempDir).length === 0) await pause(10);
    };

    it('answers 408 to a client that stalls after one row, serving other requests meanwhile, and stores nothing', async () => {
      const order: string[] = [];
      const upload = openUpload(base, admin, `${PATH}/submissions`);
      upload.req.write(HEADER + line(1));
      await untilSpooled();
      const stalled = upload.answer.then((answer) => {
        order.push('stalled upload answered');
        return answer;
      });

      const health = await fetch(`${base}/healthz`);
      order.push('healthz answered');
      const payees = await fetch(`${base}${PATH}/entities`, {
        headers: { Authorization: `Bearer ${admin}` },
      });
      order.push('payees answered');
      expect(health.status).toBe(200);
      expect(payees.status).toBe(200);
      expect(((await payees.json()) as { items: unknown[] }).items).toHaveLength(2);

      const answer = await stalled;
      expect(order).toEqual(['healthz answered', 'payees answered', 'stalled upload answered']);
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 408, title: 'Request timeout' });
      expect(await stored()).toEqual({ s: 0, b: 0 });
      expect(readdirSync(tempDir)).toEqual([]);
    });

    it('stores an upload that trickles in with pauses shorter than the idle limit, longer in all', async () => {
      const rows = Math.ceil((IDLE_MS * 2) / TRICKLE_GAP_MS);
      const upload = openUpload(base, admin, `${PATH}/submissions`);
      upload.req.write(HEADER);
      for (let i = 1; i <= rows; i++) {
        await pause(TRICKLE_GAP_MS);
        upload.req.write(line(i));
      }
      upload.req.end();
      const answer = await upload.answer;
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.body)).toMatchObject({ rows });
      expect(await stored()).toMatchObject({ s: rows });
      expect(readdirSync(tempDir)).toEqual([]);
    });

    it('removes the temporary file of a client that goes away mid-body, and stores nothing', async () => {
      const before = await stored();
      const upload = openUpload(base, admin, `${PATH}/submissions`);
      upload.req.write(HEADER + line(1) + line(2));
      await untilSpooled();
      upload.req.destroy();
      while (readdirSync(tempDir).length > 0) await pause(10);
      expect(await stored()).toEqual(before);
    });

    it('receives a payee upload the same way: a stalled one is 408 and stores nothing', async () => {
      const upload = openUpload(base, admin, `${PATH}/entities`);
      upload.req.write('id,name,serviceCode,rateCents,units\nV3-096,Home Three,096,5000,1\n');
      await untilSpooled();
      const answer = await upload.answer;
      expect(answer.status).toBe(408);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from entities`.execute(
        t.database.db,
      );
      expect(rows[0]?.n).toBe(2);
      expect(readdirSync(tempDir)).toEqual([]);
    });
  },
);
