/**
 * Ingest benchmark: starts its own PostgreSQL 15 (scripts/services/postgres.sh), the API in this
 * process on a loopback port, publishes a rulebook with a person-level screening measure, adds
 * 1,000 providers, writes 1M deterministic screening records as CSV to a temporary file, and
 * POSTs the file through the API (streamed, every row validated, one transaction). The last line
 * printed is `ingest: N records/s`. After the load it times the readers of the stored submissions:
 * a run's chunk, and the first page of GET /submissions for each kind of reader (submitters
 * scoped to 1, 4 and 200 payees, an admin filtered by measure or not; current versions and every
 * version), each the median of several tries and as a ratio to the one-payee page.
 * Run: `pnpm bench:ingest` (`pnpm bench:ingest --records=100000` for a quick run;
 * `pnpm bench:ingest --pglite` loads 100,000 records into the embedded database instead).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { apiKeyPrefix, createApp, generateApiKey, hashApiKey } from '../apps/api/src/index.ts';
import { contentHash } from '../packages/core/src/index.ts';
import {
  createDatabase,
  insertApiKey,
  listSubmissions,
  loadSnapshotSubmissions,
  saveRulebookRevision,
  seedReferenceData,
  upsertEntities,
} from '../packages/db/src/index.ts';
import { rulebookFixture } from '../packages/fixtures/src/index.ts';
import { InlineJobRunner } from '../packages/jobs/src/index.ts';
import { createLogger } from '../packages/runtime/src/index.ts';
import { startPostgres, stopPostgres } from './bench-support.ts';

/** `--profile=file.cpuprofile`: a CPU profile of this process (the API) during the POST only. */
const PROFILE = process.argv.find((a) => a.startsWith('--profile='))?.slice(10);
/** `--pglite`: the embedded database (in memory) instead of a PostgreSQL server; 100,000 records by default. */
const PGLITE = process.argv.includes('--pglite');
const RECORDS = Number(
  process.argv.find((a) => a.startsWith('--records='))?.slice(10) ?? (PGLITE ? 100_000 : 1_000_000),
);
const PROVIDERS = 1000;
// The values of the fixture rulebook's `screening` field, in its order.
const SCREENINGS = ['primary-care', 'dental', 'colorectal', 'mammogram', 'cervical'] as const;
// The API's own dependencies resolve from apps/api.
const apiRequire = createRequire(new URL('../apps/api/package.json', import.meta.url));
const { serve } = apiRequire('@hono/node-server') as {
  serve(
    options: { fetch: (request: Request) => Response | Promise<Response>; port: number; hostname: string },
    listening: (info: { port: number }) => void,
  ): { close(): void };
};

// One measure, residential-screenings: a record per person and screening kind (SCREENINGS).
const RULEBOOK = rulebookFixture('bench-screenings-by-person-and-kind');

const providerId = (p: number) => `V${String(p).padStart(4, '0')}-096`;
const day = (n: number) => {
  const d = new Date(Date.UTC(2026, 6, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Row i: person i/5 of provider (i/5) mod 1,000, screening i mod 5; every 4th is missed. */
async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    'entityId,measure,period,submittedOn,data.personId,data.age,data.screening,data.dueDate,data.screenedOn,data.missedReason\n',
  );
  let lines: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const person = Math.floor(i / 5);
    const due = 60 + (person % 300);
    const missed = i % 4 === 0;
    lines.push(
      `${providerId(person % PROVIDERS)},residential-screenings,2026-27,${day(due + 10)},P${person},${18 + (person % 80)},${SCREENINGS[i % 5]},${day(due)},${missed ? '' : day(due - (i % 30))},${missed ? 'declined' : ''}`,
    );
    if (lines.length === 10_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      lines = [];
    }
  }
  out.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await finished(out);
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'quip-ingest-'));
  const csvPath = join(work, 'screenings.csv');
  let started = performance.now();
  await writeCsv(csvPath);
  const bytes = statSync(csvPath).size;
  console.log(`generated ${RECORDS} records, ${(bytes / 1e6).toFixed(1)} MB of CSV in ${ms(started)}`);

  const pg = PGLITE ? null : startPostgres();
  const database = await createDatabase(pg ? { databaseUrl: pg.url } : {});
  const server = { close: () => {} } as { close: () => void };
  try {
    const db = database.db;
    await seedReferenceData(db);
    await saveRulebookRevision(db, {
      fiscalYear: '2026-27',
      programId: 'dds-qip',
      content: RULEBOOK,
      contentHash: contentHash(RULEBOOK),
      source: 'admin',
      createdBy: null,
      publish: true,
    });
    await upsertEntities(
      db,
      { fiscalYear: '2026-27', programId: 'dds-qip' },
      Array.from({ length: PROVIDERS }, (_, p) => ({
        id: providerId(p),
        name: `Residential provider ${p}`,
        attributes: { serviceCode: '096' },
      })),
    );
    const key = generateApiKey();
    await insertApiKey(db, {
      id: randomUUID(),
      name: 'bench',
      role: 'admin',
      entityIds: null,
      keyHash: hashApiKey(key),
      keyPrefix: apiKeyPrefix(key),
      createdBy: null,
    });
    const app = createApp({
      db,
      databaseKind: database.kind,
      jobs: new InlineJobRunner(),
      logger: createLogger('silent'),
      webDist: null,
      bodyLimitBytes: 512 * 1024 * 1024,
      // An admin's historic load: every row declares its submittedOn (up to 2027-07-05), which may
      // not be after the day received, so the server's clock is set after the year.
      clock: () => new Date('2027-09-01T18:00:00Z'),
    });
    const port = await new Promise<number>((ready) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
      server.close = () => s.close();
    });

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const pgCpuBefore = pg ? postgresCpuSeconds(pg.dir) : new Map<string, number>();
    const profiler = PROFILE ? await startProfiler() : null;
    const cpuBefore = process.cpuUsage();
    started = performance.now();
    // The upload client is a separate process (curl), as an agency's would be: this process's
    // CPU is then the API's alone.
    const upload = await postFile(
      `http://127.0.0.1:${port}/api/v1/fiscal-years/2026-27/programs/dds-qip/submissions`,
      key,
      csvPath,
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    if (profiler && PROFILE) await profiler.stop(PROFILE);
    const pgCpu = pg ? postgresCpuSpent(pgCpuBefore, postgresCpuSeconds(pg.dir)) : new Map<string, number>();
    const pgCpuTotal = [...pgCpu.values()].reduce((a, b) => a + b, 0);
    clearInterval(sampler);
    if (upload.status !== 201)
      throw new Error(`ingest answered ${upload.status}: ${upload.body.slice(0, 500)}`);
    const { rows } = JSON.parse(upload.body) as { rows: number };
    const stored = await db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== RECORDS || rows !== RECORDS) {
      throw new Error(`expected ${RECORDS} rows stored, found ${stored.n} (answer said ${rows})`);
    }
    // The readers of the payee index: a run's chunk of 100 payees, and GET /submissions' first page.
    const t = performance.now();
    const chunk = await loadSnapshotSubmissions(
      db,
      { fiscalYear: '2026-27', programId: 'dds-qip', snapshotSubmissionId: Number.MAX_SAFE_INTEGER },
      Array.from({ length: 100 }, (_, p) => providerId(p)),
    );
    const chunkMs = performance.now() - t;
    console.log(
      `reads after the load: a run chunk of 100 payees (${chunk.length} current submissions) in ${Math.round(chunkMs)} ms`,
    );
    await timeListing(db);
    console.log(`posted ${RECORDS} records in ${seconds.toFixed(2)} s; ${stored.n} rows stored`);
    // The body is streamed: the process (client and server) stays far below the CSV's size.
    console.log(`peak RSS of this process (API + client): ${Math.round(peakRss / 1e6)} MB`);
    // Where the time goes: CPU seconds of this process (API and client) and of PostgreSQL's backends.
    console.log(
      `CPU during the POST: API (Node${pg ? '' : ' + PGlite'}) ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, curl ${upload.cpuSeconds.toFixed(1)} s, PostgreSQL ${pgCpuTotal.toFixed(1)} s (${[
        ...pgCpu,
      ]
        .filter(([, seconds]) => seconds >= 0.05)
        .map(([role, seconds]) => `${role} ${seconds.toFixed(1)}`)
        .join(', ')}); load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(`ingest: ${Math.round(RECORDS / seconds)} records/s`);
  } finally {
    server.close();
    await database.close();
    if (pg) stopPostgres(pg.dir);
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The first page (100 rows, as GET /submissions?limit=100 asks: 101) of each kind of reader, the
 * median of 7 tries after one untimed, and its ratio to the one-payee page measured in the same
 * run. The bench's providers hold 1,000 records each (100 with --pglite), one measure.
 */
async function timeListing(db: Parameters<typeof listSubmissions>[0]): Promise<void> {
  const payees = (n: number) =>
    Array.from({ length: n }, (_, p) => providerId(Math.floor((p * PROVIDERS) / n)));
  const readers: [string, Partial<Parameters<typeof listSubmissions>[1]>][] = [
    ['one payee (entityId=)', { entityId: providerId(7) }],
    ['submitter of 4 payees', { entityIds: payees(4) }],
    ['submitter of 200 payees', { entityIds: payees(200) }],
    ['admin, measure=', { measure: 'residential-screenings' }],
    ['admin, no filter', {}],
  ];
  console.log(
    `listing after the load; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  let baseline = 0;
  for (const history of [false, true]) {
    for (const [name, filter] of readers) {
      const query = {
        fiscalYear: '2026-27',
        programId: 'dds-qip',
        entityIds: null,
        history,
        limit: 101,
        ...filter,
      };
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 8; i++) {
        const t = performance.now();
        const page = await listSubmissions(db, query);
        if (i > 0) times.push(performance.now() - t);
        rows = page.length;
        if (rows === 0) throw new Error(`${name}: an empty first page`);
      }
      const median = times.sort((a, b) => a - b)[times.length >> 1] as number;
      if (baseline === 0) baseline = median;
      console.log(
        `first page, ${history ? 'history=1' : 'current'}, ${name}: ${rows} rows, median ${median.toFixed(1)} ms (x${(median / baseline).toFixed(2)} the one-payee current page; ${times
          .map((x) => x.toFixed(0))
          .join(' ')})`,
      );
    }
  }
}

/**
 * User + system CPU seconds of the server's processes so far (the postmaster and its children),
 * by role: `backend` for client connections, else the process title's role (walwriter,
 * checkpointer, autovacuum worker, ...). Exited processes (an autovacuum worker that finished)
 * are not counted.
 */
function postgresCpuSeconds(dir: string): Map<string, number> {
  const postmaster = readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0];
  const byRole = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      // Fields after the command name: state ppid ... utime (14th) stime (15th).
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[1] !== postmaster && pid !== postmaster) continue;
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const role =
        pid === postmaster
          ? 'postmaster'
          : /\d+\.\d+\.\d+\.\d+\(\d+\)/.test(title)
            ? 'backend'
            : title.replace(/^postgres: /, '').trim();
      byRole.set(role, (byRole.get(role) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The process ended meanwhile.
    }
  }
  return byRole;
}

/** CPU seconds per role spent between two readings of postgresCpuSeconds. */
function postgresCpuSpent(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const spent = new Map<string, number>();
  for (const [role, seconds] of after) spent.set(role, seconds - (before.get(role) ?? 0));
  return spent;
}

/** POSTs a CSV file with curl; its answer, status and the CPU seconds curl used (bash's `times`). */
function postFile(
  url: string,
  key: string,
  path: string,
): Promise<{ status: number; body: string; cpuSeconds: number }> {
  const script = `curl -sS -X POST --data-binary @"$3" -H 'Content-Type: text/csv' -H "Authorization: Bearer $2" -w '\\n%{http_code}\\n' "$1" && times`;
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', script, 'post', url, key, path],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error) return reject(error);
        const lines = stdout.trimEnd().split('\n');
        // `times` prints the shell's and then the children's user and system time: "0m1.234s 0m0.567s".
        const children = (lines.at(-1) ?? '').split(' ').map((t) => {
          const [, m, sec] = /(\d+)m([\d.]+)s/.exec(t) ?? ['', '0', '0'];
          return Number(m) * 60 + Number(sec);
        });
        resolve({
          status: Number(lines.at(-3)),
          body: lines.slice(0, -3).join('\n'),
          cpuSeconds: children.reduce((a, b) => a + b, 0),
        });
      },
    );
  });
}

/** The inspector's CPU profiler on this process; `stop` writes the profile (Chrome DevTools format). */
async function startProfiler(): Promise<{ stop(path: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop(path) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;

await main();
