import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishScreeningProgram } from '../testing/rulebooks-fixture.ts';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';

const URL = '/api/v1/fiscal-years/2026-27/programs/dds-qip/submissions';
/** The server's clock: 10:00 in Los Angeles on 2026-11-23. */
const NOW = new Date('2026-11-23T18:00:00Z');
const PEOPLE = 50_000;
const HEADER = 'entityId,measure,period,submittedOn,data.personId,data.age,data.dueDate';

/** 50,000 people screened at each of the two homes: 100,000 distinct records (payee x person). */
function screeningCsv(firstPayee = 'V1-096'): string {
  const lines = [HEADER];
  for (const payee of [firstPayee, 'V2-096']) {
    for (let p = 1; p <= PEOPLE; p++)
      lines.push(`${payee},colorectal-screening,2026-27,,P${p},50,2026-12-31`);
  }
  return `${lines.join('\n')}\n`;
}

describe('an upload on the embedded database leaves the event loop free', () => {
  let t: TestApp;
  let admin: string;
  let upload: (csv: string, key: string) => Promise<{ status: number; body: unknown; maxDelayMs: number }>;
  beforeAll(async () => {
    t = await openTestApp('pglite', { clock: () => NOW });
    admin = await t.keyFor('admin');
    // Two residential homes, V1-096 and V2-096, and the screening measure.
    await publishScreeningProgram(t.database.db);
    // Held in memory, the body is read back without waiting for the disk: no read gives the event
    // loop a turn, only the checking's own slices do (and, for a stored upload, its statements).
    const app = t.appWith({
      bodyLimitBytes: 64 * 1024 * 1024,
      uploadTimeouts: { memoryBytes: 64 * 1024 * 1024 },
    });
    upload = async (csv, key) => {
      const delays = monitorEventLoopDelay({ resolution: 10 });
      delays.enable();
      const res = await app.request(URL, {
        method: 'POST',
        headers: { ...bearer(admin), 'Content-Type': 'text/csv', 'Idempotency-Key': key },
        body: csv,
      });
      delays.disable();
      const maxDelayMs = delays.max / 1e6;
      console.info(`${key}: event loop delay max ${maxDelayMs.toFixed(0)} ms`);
      return { status: res.status, body: await res.json(), maxDelayMs };
    };
  });
  afterAll(() => t?.close());

  it('answers timers within 1 s while it checks and stores 100,000 CSV rows', async () => {
    const stored = await upload(screeningCsv(), 'stored-upload');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ rows: 2 * PEOPLE, replaced: 0, warningCount: 0 });
    expect(stored.maxDelayMs).toBeLessThan(1000);
  }, 300_000);

  it('answers timers within 1 s while it checks 100,000 rows it refuses', async () => {
    // Half the rows name a payee the program does not have: nothing is written after the first,
    // so no statement gives the event loop a turn; every row is still checked to list the errors.
    const refused = await upload(screeningCsv('V9-096'), 'refused-upload');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      errors: expect.arrayContaining([{ row: 1, path: 'entityId', message: 'unknown payee' }]),
    });
    expect(refused.maxDelayMs).toBeLessThan(1000);
  }, 300_000);
});
