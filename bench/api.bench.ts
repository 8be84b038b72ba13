/**
 * The read API under load (issue 16, speed): starts Quip as `npm start` does (a child process:
 * apps/api/src/main.ts) and drives it with autocannon from another process (this file again,
 * `--load=...`), printing p50 / p99 and throughput for three reads a deadline brings at once:
 *   - a payee's scorecard (GET /runs/{id}/scorecards/{entityId}, a different payee each request);
 *   - a page of 100 run results (GET /runs/{id}/results?limit=100, walking the run's first pages);
 *   - a page of 100 payments (GET /runs/{id}/payments?limit=100, likewise).
 * Each read is driven with 20 and with `--connections` (default 100) connections as fast as it
 * answers (autocannon), then at the goal's fixed rate over up to as many connections (requests
 * paced evenly, open loop, latencies from when each was due: pacedLoad). Each line also gives the
 * CPU time the Quip process spent per answer (from /proc), which does not depend on the load.
 * Databases (`--db=pglite,postgres`, both by default):
 *   - pglite: the embedded database with the demo data set (QUIP_DEMO=1), goal p99 < 250 ms at 100 req/s;
 *   - postgres: a throw-away PostgreSQL 15 (scripts/services/postgres.sh) with the California-scale
 *     dds-qip data of 2025-26 (@quip/catalog/generator, seed 42; `--scale=0.1` for a tenth of the 100,000
 *     payees), loaded through the API's own bulk uploads; goal p99 < 100 ms at 200 req/s.
 * The bench key's rate limit is lifted (QUIP_RATE_LIMIT_PER_MINUTE=1000000): the limiter would
 * otherwise answer 429 after 600 requests a minute.
 * Run: `pnpm bench:api` (`--seconds=10` per measurement, `--scale=1`, `--db=pglite`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProgramData } from '../packages/catalog/src/generator/index.ts';
import { catalogRulebook } from '../packages/catalog/src/index.ts';
import { compileRulebook } from '../packages/core/src/index.ts';
import {
  arg,
  freePort,
  log,
  PROGRAM,
  pause,
  ROOT,
  spawnBench,
  startPostgres,
  stopPostgres,
} from './bench-support.ts';

const SCALE = Number(arg('scale') ?? 1);
const SECONDS = Number(arg('seconds') ?? 10);
const MANY = Number(arg('connections') ?? 100);
const DATABASES = (arg('db') ?? 'pglite,postgres').split(',');
// The demo data set is of 2026-27. The California-scale load goes through the API, which takes
// no record received after today: it loads the last whole year, 2025-26, whose generated receipt
// days have all passed.
const DEMO = { fiscalYear: '2026-27', asOf: '2027-06-30' };
const LOADED = { fiscalYear: '2025-26', asOf: '2026-06-30' };
const ADMIN_KEY = `quip_bench_${'a'.repeat(32)}`;
const SELF = fileURLToPath(import.meta.url);
const MAIN = fileURLToPath(new URL('../apps/api/src/main.ts', import.meta.url));
const GOALS = {
  pglite: { rate: 100, p99: 250, what: 'the demo data' },
  postgres: {
    rate: 200,
    p99: 100,
    what: `${(100_000 * SCALE).toLocaleString('en-US')} payees (--scale=${SCALE})`,
  },
} as const;

const HEADER = [
  '| database | read | connections | rate asked | p50 | p99 | max | answered | Quip CPU per answer | load average |',
  '|---|---|---|---|---|---|---|---|---|---|',
].join('\n');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------------
// The load generator (`--load=FILE`, the spec as JSON): autocannon in this process, the figures as one JSON line.

interface LoadSpec {
  url: string;
  paths: string[];
  connections: number;
  seconds: number;
  rate?: number;
}

interface LoadFigures {
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  total: number;
  non2xx: number;
  errors: number;
}

/**
 * A fixed rate as readers arrive: one request every 1/rate s, open loop (a slow answer does not
 * hold the next request back), over keep-alive connections (at most `connections`; a request
 * finding them all busy waits for one, and that wait counts). Each latency is measured from the
 * moment the request was due, so queueing is never hidden (no coordinated omission). autocannon's
 * own rate mode was not used for this: it lets each connection send its share of a second's
 * requests at the top of each second, so 100 connections at 100/s sent bursts of 100 at once.
 */
async function pacedLoad(spec: LoadSpec & { rate: number }): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const every = 1000 / spec.rate;
  const start = performance.now();
  const answers: Promise<void>[] = [];
  for (let k = 0; k < spec.rate * spec.seconds; k++) {
    const due = start + k * every;
    const wait = due - performance.now();
    if (wait > 0) await pause(wait);
    const path = spec.paths[k % spec.paths.length] as string;
    answers.push(
      new Promise<void>((resolve) => {
        const request = httpGet(
          `${spec.url}${path}`,
          { agent, headers: { Authorization: `Bearer ${ADMIN_KEY}` } },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - due);
              if ((res.statusCode ?? 0) >= 300) non2xx++;
              resolve();
            });
          },
        );
        request.on('error', () => {
          errors++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(answers);
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    p50: at(0.5),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? 0,
    perSecond: latencies.length / seconds,
    total: latencies.length,
    non2xx,
    errors,
  };
}

async function generateLoad(spec: LoadSpec): Promise<void> {
  if (spec.rate) {
    process.stdout.write(`${JSON.stringify(await pacedLoad({ ...spec, rate: spec.rate }))}\n`);
    return;
  }
  // autocannon ships no types; the options and result fields used are those its README documents.
  const { default: autocannon } = (await import('autocannon')) as {
    default: (options: Record<string, unknown>) => Promise<{
      latency: { p50: number; p99: number; max: number };
      requests: { average: number; total: number };
      non2xx: number;
      errors: number;
    }>;
  };
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    headers: { Authorization: `Bearer ${ADMIN_KEY}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (request: Record<string, unknown>) => {
          const path = spec.paths[next++ % spec.paths.length];
          return { ...request, path };
        },
      },
    ],
  });
  const figures: LoadFigures = {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    perSecond: result.requests.average,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Runs the load generator in a process of its own (its paths in a file) and returns its figures. */
function driveLoad(spec: LoadSpec): Promise<LoadFigures> {
  const file = join(tmpdir(), `quip-api-bench-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return new Promise<LoadFigures>((resolve, reject) => {
    const { child, output } = spawnBench(SELF, [`--load=${file}`]);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`));
      resolve(JSON.parse(output().trim().split('\n').pop() ?? '{}') as LoadFigures);
    });
  }).finally(() => rmSync(file, { force: true }));
}

// ---------------------------------------------------------------------------------------------
// Quip, its data and the reads.

async function startQuip(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      QUIP_ADMIN_KEY: ADMIN_KEY,
      QUIP_LOG_LEVEL: 'warn',
      QUIP_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Quip exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url };
    } catch {}
    await pause(250);
  }
}

async function stopQuip(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function call<T>(url: string, method: string, path: string, body?: string, type = 'application/json') {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': type },
    ...(body === undefined ? {} : { body }),
  }).catch((error: unknown) => {
    throw new Error(
      `${method} ${path} got no answer: ${String((error as { cause?: unknown }).cause ?? error)}`,
    );
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 400)}`);
  return JSON.parse(text) as T;
}

/**
 * The California-scale payees and submissions through the API's bulk uploads (an administrator's
 * historic load: each record keeps its generated receipt day), in uploads of up to 5,000 rows. A
 * record sent again (an interim report replaced by the final one) goes in a later upload, as one
 * upload carries a record once.
 */
async function loadCaliforniaScale(url: string): Promise<{ payees: number; submissions: number }> {
  const { fiscalYear, asOf } = LOADED;
  const data = generateProgramData(PROGRAM, { seed: 42, size: 'california', scale: SCALE, fiscalYear });
  const program = `/fiscal-years/${fiscalYear}/programs/${PROGRAM}`;
  const recordKeys = new Map(
    compileRulebook(catalogRulebook(fiscalYear, PROGRAM)).measures.map((m) => [m.key, m.recordKey]),
  );
  // Each record's first version goes in the first upload, its resubmission in the next, and so
  // on: the versions keep their order and no upload carries a record twice.
  const uploads: { lines: string[]; keys: Set<string> }[] = [];
  let count = 0;
  for (const s of data.submissions()) {
    const fields = recordKeys.get(s.measure) ?? [];
    const key = JSON.stringify([s.entityId, s.measure, s.period, fields.map((f) => s.data[f] ?? null)]);
    let upload = uploads.find((u) => !u.keys.has(key));
    if (!upload) {
      upload = { lines: [], keys: new Set() };
      uploads.push(upload);
    }
    upload.keys.add(key);
    upload.lines.push(JSON.stringify({ ...s, submittedOn: s.submittedOn ?? asOf }));
    count++;
  }
  // The uploads are built before the first request: at California size that takes longer than the
  // server keeps an idle connection (5 s), and a POST sent on the connection it was closing got
  // `write EPIPE` instead of an answer.
  for (let s = 0; s < data.entities.length; s += 10_000) {
    await call(url, 'POST', `${program}/entities`, JSON.stringify(data.entities.slice(s, s + 10_000)));
  }
  let sent = 0;
  for (const upload of uploads) {
    for (let s = 0; s < upload.lines.length; s += 5_000) {
      const body = `${upload.lines.slice(s, s + 5_000).join('\n')}\n`;
      await call(url, 'POST', `${program}/submissions`, body, 'application/x-ndjson');
      sent += Math.min(5_000, upload.lines.length - s);
      if (sent % 50_000 < 5_000) log(`postgres: ${sent} of ${count} submissions sent`);
    }
  }
  return { payees: data.entities.length, submissions: count };
}

async function succeededRun(
  url: string,
  { fiscalYear, asOf }: { fiscalYear: string; asOf: string },
): Promise<{ id: number; payees: number; ms: number }> {
  const started = performance.now();
  const { id } = await call<{ id: number }>(
    url,
    'POST',
    `/fiscal-years/${fiscalYear}/programs/${PROGRAM}/runs`,
    JSON.stringify({ asOf }),
  );
  for (;;) {
    await pause(1000);
    const run = await call<{ status: string; reason?: string; totals?: { payees?: number } }>(
      url,
      'GET',
      `/runs/${id}`,
    );
    if (run.status === 'succeeded')
      return { id, payees: run.totals?.payees ?? 0, ms: performance.now() - started };
    if (run.status !== 'queued' && run.status !== 'running')
      throw new Error(`run ${id} ended ${run.status}: ${run.reason ?? ''}`);
  }
}

/** The paths each read walks: up to `pages` pages of results and payments, and their payees' scorecards. */
async function readPaths(url: string, runId: number, pages = 50) {
  const walk = async (kind: 'results' | 'payments') => {
    const paths: string[] = [];
    const payees: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < pages; i++) {
      const path: string = `/api/v1/runs/${runId}/${kind}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      paths.push(path);
      const page = await call<{ items: { entityId: string }[]; nextCursor: string | null }>(
        url,
        'GET',
        path.slice('/api/v1'.length),
      );
      payees.push(...page.items.map((item) => item.entityId));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return { paths, payees };
  };
  const results = await walk('results');
  const payments = await walk('payments');
  const scorecards = payments.payees.map(
    (entityId) => `/api/v1/runs/${runId}/scorecards/${encodeURIComponent(entityId)}`,
  );
  // One scorecard answers before the load starts: a broken route fails here, not as 5,000 non-2xx.
  await call(url, 'GET', (scorecards[0] ?? '').slice('/api/v1'.length));
  return { scorecards, results: results.paths, payments: payments.paths };
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

/** CPU seconds (user + system) a process has used, from /proc: the cost of an answer whatever the load. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

async function measure(
  database: 'pglite' | 'postgres',
  quip: { child: ChildProcess; url: string },
  runId: number,
  rows: string[],
) {
  const url = quip.url;
  const reads = await readPaths(url, runId);
  const goal = GOALS[database];
  const verdicts: string[] = [];
  for (const [name, paths] of Object.entries(reads)) {
    for (const [connections, rate] of [
      [20, undefined],
      [MANY, undefined],
      [MANY, goal.rate],
    ] as const) {
      const cpu = cpuSeconds(quip.child.pid ?? 0);
      const f = await driveLoad({ url, paths, connections, seconds: SECONDS, ...(rate ? { rate } : {}) });
      const cpuMs = ((cpuSeconds(quip.child.pid ?? 0) - cpu) * 1000) / Math.max(1, f.total);
      const failed = f.non2xx + f.errors > 0 ? ` (${f.non2xx} non-2xx, ${f.errors} errors)` : '';
      rows.push(
        `| ${database} | ${name} | ${connections} | ${rate ? `${rate}/s` : 'as fast as it answers'} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.max)} | ${f.perSecond.toFixed(0)}/s${failed} | ${cpuMs.toFixed(1)} ms | ${load()} |`,
      );
      log(rows[rows.length - 1] as string);
      if (rate)
        verdicts.push(
          `${database} ${name}: p99 ${ms(f.p99)} at ${f.perSecond.toFixed(0)} of ${rate} req/s (goal p99 < ${goal.p99} ms at ${rate} req/s with ${goal.what}): ${f.p99 < goal.p99 && f.perSecond >= rate * 0.95 && failed === '' ? 'met' : 'not met'}`,
        );
    }
  }
  return verdicts;
}

async function benchPglite(rows: string[]): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quip-api-bench-'));
  const t = performance.now();
  const quip = await startQuip({ QUIP_DATA_DIR: dataDir, QUIP_DEMO: '1' });
  try {
    log(`pglite: Quip with the demo data set up in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const run = await succeededRun(quip.url, DEMO);
    log(
      `pglite: run ${run.id} of ${PROGRAM}, ${run.payees} payees, succeeded in ${(run.ms / 1000).toFixed(1)} s`,
    );
    return await measure('pglite', quip, run.id, rows);
  } finally {
    await stopQuip(quip.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(rows: string[]): Promise<string[]> {
  const { url: pgUrl, dir: pgDir } = startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'quip-api-bench-'));
  let quip: { child: ChildProcess; url: string } | null = null;
  try {
    quip = await startQuip({ QUIP_DATA_DIR: dataDir, QUIP_DEMO: '0', DATABASE_URL: pgUrl });
    const t = performance.now();
    const loaded = await loadCaliforniaScale(quip.url);
    log(
      `postgres: loaded ${loaded.payees} payees and ${loaded.submissions} submissions of ${LOADED.fiscalYear} through the API in ${((performance.now() - t) / 1000).toFixed(1)} s (scale ${SCALE})`,
    );
    const run = await succeededRun(quip.url, LOADED);
    log(`postgres: run ${run.id}, ${run.payees} payees, succeeded in ${(run.ms / 1000).toFixed(1)} s`);
    return await measure('postgres', quip, run.id, rows);
  } finally {
    if (quip) await stopQuip(quip.child);
    rmSync(dataDir, { recursive: true, force: true });
    stopPostgres(pgDir);
  }
}

async function main() {
  log(
    `bench:api ${new Date().toISOString()}: ${SECONDS} s per measurement, 20 and ${MANY} connections; load average ${load()}`,
  );
  const rows: string[] = [];
  const verdicts: string[] = [];
  log(HEADER);
  if (DATABASES.includes('pglite')) verdicts.push(...(await benchPglite(rows)));
  if (DATABASES.includes('postgres')) verdicts.push(...(await benchPostgres(rows)));
  log('');
  log(HEADER);
  for (const row of rows) log(row);
  log('');
  for (const verdict of verdicts) log(verdict);
}

const spec = arg('load');
if (spec) {
  generateLoad(JSON.parse(readFileSync(spec, 'utf8')) as LoadSpec).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
