/**
 * Recompute benchmark: starts its own PostgreSQL 15 and Redis (scripts/services/*.sh), generates the
 * California-scale dds-qip data (@quip/catalog/generator: 100,000 payees, ~3.2M submissions), loads
 * it in bulk (COPY through psql), publishes the catalog rulebook, then times the full recompute
 * (POST-equivalent startRun -> run succeeded) with one worker process and with two, and the I/O
 * floor in the same run: COPY the run's inputs (payees and submissions) out of PostgreSQL and COPY
 * the same number of result rows into a table shaped like run_results. Then the same data in
 * embedded mode (PGlite + the in-process runner). The last line printed is `recompute/floor: R`
 * (R = one-worker wall time / floor time).
 * Run: `pnpm bench:recompute` (`--scale=0.1` for a tenth of the payees; `--no-embedded` to skip PGlite).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogRulebook } from '../packages/catalog/src/index.ts';
import { compileRulebook, contentHash } from '../packages/core/src/index.ts';
import {
  createDatabase,
  findRun,
  type QuipDatabase,
  type RunRecord,
  saveRulebookRevision,
  seedReferenceData,
} from '../packages/db/src/index.ts';
import {
  BullmqJobRunner,
  InlineJobRunner,
  type JobRunner,
  jobDefinitions,
  startRun,
} from '../packages/jobs/src/index.ts';
import {
  AS_OF,
  arg,
  californiaScale,
  FY,
  log,
  openBatch,
  PROGRAM,
  type ProgramData,
  ROOT,
  recordKeyFields,
  recordKeyOf,
  storePayees,
  storeProgram,
} from './bench-support.ts';

const WORKER = fileURLToPath(new URL('../apps/worker/src/main.ts', import.meta.url));
const SCALE = Number(arg('scale') ?? 1);
const EMBEDDED = !process.argv.includes('--no-embedded');
// Iteration aids: skip the two-worker run; write the workers' CPU profiles to a folder.
const TWO_WORKERS = !process.argv.includes('--one-worker');
const PROFILE_DIR = arg('cpu-prof');
const KEEP = process.argv.includes('--keep');
const PG_BIN = process.env.QUIP_PG_BIN ?? '/usr/lib/postgresql/15/bin';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function services(): { pg: string; pgDir: string; redis: string; redisDir: string } {
  const out = execFileSync(
    'bash',
    [
      '-c',
      'source scripts/services/postgres.sh && source scripts/services/redis.sh && start_postgres >&2 && start_redis >&2 && echo "$QUIP_PG_URL $QUIP_PG_DIR $QUIP_REDIS_URL $QUIP_REDIS_DIR"',
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [pg, pgDir, redis, redisDir] = out.trim().split(' ') as [string, string, string, string];
  return { pg, pgDir, redis, redisDir };
}

function stopServices(s: { pgDir: string; redisDir: string }) {
  execFileSync(
    'bash',
    [
      '-c',
      'source scripts/services/postgres.sh && source scripts/services/redis.sh && QUIP_PG_DIR=$1 && QUIP_REDIS_DIR=$2 && if [ "$(id -u)" = 0 ]; then QUIP_PG_AS=(runuser -u postgres --); else QUIP_PG_AS=(); fi && stop_postgres && stop_redis',
      'stop',
      s.pgDir,
      s.redisDir,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Runs psql with one command; `input` is streamed to its stdin (COPY ... FROM STDIN). */
function psql(url: string, command: string, input?: AsyncIterable<string>): Promise<number> {
  const started = performance.now();
  const child = spawn(
    `${PG_BIN}/psql`,
    [url, '-v', 'ON_ERROR_STOP=1', '-q', '-o', '/dev/null', '-c', command],
    {
      stdio: [input ? 'pipe' : 'ignore', 'ignore', 'inherit'],
    },
  );
  const done = new Promise<number>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`psql exited with ${code}`)),
    ),
  );
  if (input && child.stdin) {
    const stdin = child.stdin;
    void (async () => {
      for await (const chunk of input) {
        if (!stdin.write(chunk)) await new Promise<void>((r) => stdin.once('drain', () => r()));
      }
      stdin.end();
    })();
  }
  return done;
}

// Empty strings quoted: COPY reads an unquoted empty CSV field as null.
const csv = (v: string) => (v === '' || /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The generated submissions as CSV rows of the submissions table (record keys as the API makes them). */
async function* submissionCsv(data: ProgramData, batchId: number, recordKeys: Map<string, string[]>) {
  let lines: string[] = [];
  for (const s of data.submissions()) {
    const recordKey = recordKeyOf(recordKeys.get(s.measure), s.data);
    lines.push(
      [
        batchId,
        FY,
        PROGRAM,
        csv(s.entityId),
        csv(s.measure),
        csv(s.period),
        csv(recordKey),
        s.submittedOn ?? AS_OF,
        csv(JSON.stringify(s.data)),
      ].join(','),
    );
    if (lines.length === 10_000) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/** The reference data and the published catalog rulebook. */
async function prepare(database: QuipDatabase) {
  await seedReferenceData(database.db);
  const rulebook = catalogRulebook(FY, PROGRAM);
  await saveRulebookRevision(database.db, {
    fiscalYear: FY,
    programId: PROGRAM,
    content: rulebook,
    contentHash: contentHash(rulebook),
    source: 'catalog',
    createdBy: null,
    publish: true,
  });
}

/** Starts the program's run on `jobs` and waits until it has ended: the run and the wall time. */
async function timedRun(database: QuipDatabase, jobs: JobRunner): Promise<{ run: RunRecord; ms: number }> {
  const started = performance.now();
  const begun = await startRun(database.db, jobs, {
    fiscalYear: FY,
    programId: PROGRAM,
    asOf: AS_OF,
    createdBy: null,
  });
  for (;;) {
    const run = await findRun(database.db, begun!.run.id);
    if (run && run.status !== 'queued' && run.status !== 'running')
      return { run, ms: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** CPU seconds (user + system) of a process from /proc, with its reaped children's when asked. */
function cpuSeconds(pid: number | string, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
    return ticks / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of one PostgreSQL server: the postmaster (with the backends it reaped) and its live children. */
function postgresCpuSeconds(pgDir: string): number {
  const postmaster = readFileSync(`${pgDir}/data/postmaster.pid`, 'utf8').split('\n')[0] as string;
  let total = cpuSeconds(postmaster, true);
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === postmaster) total += cpuSeconds(pid);
    } catch {}
  }
  return total;
}

function spawnWorker(env: Record<string, string>): ChildProcess {
  const prof = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...prof, '--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', QUIP_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Phase 1 (from the run's start to the last chunk done) and phase 2 (from there to the end), from the database's clock. */
async function phases(database: QuipDatabase, run: RunRecord): Promise<string> {
  const chunks = await database.db
    .selectFrom('run_chunks')
    .select((eb) => eb.fn.max('done_at').as('last'))
    .where('run_id', '=', run.id)
    .executeTakeFirstOrThrow();
  const at = (iso: string | null) => new Date(iso ?? 0).getTime();
  const last = at(chunks.last as string | null);
  return `phase 1 ${seconds(last - at(run.startedAt))}, phase 2 ${seconds(at(run.finishedAt) - last)}`;
}

/** One timed run with `workers` worker processes: wall time from startRun to the run's end. */
async function scaledRun(
  database: QuipDatabase,
  urls: { pg: string; pgDir: string; redis: string },
  workers: number,
) {
  const prefix = `quip-bench-${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: urls.pg,
    REDIS_URL: urls.redis,
    QUIP_QUEUE_PREFIX: prefix,
    QUIP_WORKER_LOCK_MS: '120000',
  };
  const children = Array.from({ length: workers }, () => spawnWorker(env));
  const producer = new BullmqJobRunner(urls.redis, prefix);
  await new Promise((resolve) => setTimeout(resolve, 3000)); // the workers connect
  try {
    const pgCpu = postgresCpuSeconds(urls.pgDir);
    const { run, ms } = await timedRun(database, producer);
    const cpu = `CPU: workers ${children.reduce((t, c) => t + cpuSeconds(c.pid ?? 0), 0).toFixed(1)} s, PostgreSQL ${(postgresCpuSeconds(urls.pgDir) - pgCpu).toFixed(1)} s`;
    return { run, ms, phases: `${await phases(database, run)}; ${cpu}` };
  } finally {
    await producer.close(1000);
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.on('exit', resolve))),
      ),
    );
  }
}

/** The I/O floor: COPY the inputs out, COPY as many result rows in. */
async function floor(url: string, run: RunRecord) {
  const where = `fiscal_year = '${FY}' and program_id = '${PROGRAM}'`;
  const out1 = await psql(url, `\\copy (select id, name, attributes from entities where ${where}) to stdout`);
  const out2 = await psql(
    url,
    `\\copy (select entity_id, measure, period, record_key, submitted_on, data from submissions where ${where} and id <= ${run.snapshotSubmissionId}) to stdout`,
  );
  const rows = `/tmp/quip-bench-results-${process.pid}.copy`;
  await psql(url, `\\copy (select * from run_results where run_id = ${run.id}) to '${rows}'`);
  await psql(url, 'create table floor_results (like run_results including all)');
  const into = await psql(url, `\\copy floor_results from '${rows}'`);
  execFileSync('rm', ['-f', rows]);
  return { out: out1 + out2, into };
}

async function embedded(data: ProgramData) {
  const database = await createDatabase({});
  try {
    await prepare(database);
    await storeProgram(database.db, data);
    const jobs = new InlineJobRunner();
    await jobs.startWorker(jobDefinitions({ db: database.db }));
    const timed = await timedRun(database, jobs);
    await jobs.close(1000);
    return timed;
  } finally {
    await database.close();
  }
}

async function main() {
  const data = californiaScale(SCALE);
  const compiled = compileRulebook(catalogRulebook(FY, PROGRAM));
  const recordKeys = recordKeyFields();
  log(
    `recompute benchmark: ${PROGRAM} ${FY}, ${data.entities.length} payees, ${compiled.measures.length} measures`,
  );
  const svc = services();
  try {
    const database = await createDatabase({ databaseUrl: svc.pg, maxConnections: 4 });
    try {
      let t = performance.now();
      await prepare(database);
      await storePayees(database.db, data);
      const batch = await openBatch(database.db);
      await psql(
        svc.pg,
        '\\copy submissions (batch_id, fiscal_year, program_id, entity_id, measure, period, record_key, submitted_on, data) from stdin with (format csv)',
        submissionCsv(data, batch.id, recordKeys),
      );
      await psql(svc.pg, 'analyze');
      const count = await database.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      log(
        `load: ${Number(count.n)} submissions and ${data.entities.length} payees in ${seconds(performance.now() - t)} (COPY)`,
      );

      const one = await scaledRun(database, svc, 1);
      log(
        `one worker: ${one.run.status} in ${seconds(one.ms)} (${one.phases}); ${one.run.totals?.payees} payees, ${one.run.totals?.totalCents} cents`,
      );
      const two = TWO_WORKERS ? await scaledRun(database, svc, 2) : one;
      log(
        `two workers: ${two.run.status} in ${seconds(two.ms)} (${two.phases}); same totals: ${JSON.stringify(two.run.totals) === JSON.stringify(one.run.totals)}`,
      );
      if (one.run.status !== 'succeeded' || two.run.status !== 'succeeded')
        throw new Error(`a run failed: ${one.run.reason ?? two.run.reason}`);
      const results = await database.db
        .selectFrom('run_results')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('run_id', '=', one.run.id)
        .executeTakeFirstOrThrow();
      t = performance.now();
      const f = await floor(svc.pg, one.run);
      const floorMs = f.out + f.into;
      log(
        `floor: COPY inputs out ${seconds(f.out)} + COPY ${Number(results.n)} result rows in ${seconds(f.into)} = ${seconds(floorMs)}`,
      );
      if (EMBEDDED) {
        const e = await embedded(data);
        log(
          `embedded (PGlite + in-process): ${e.run.status} in ${seconds(e.ms)}; same totals: ${JSON.stringify(e.run.totals) === JSON.stringify(one.run.totals)}`,
        );
      }
      log(`recompute/floor: ${(one.ms / floorMs).toFixed(2)}`);
    } finally {
      await database.close();
    }
  } finally {
    if (KEEP) log(`kept running: ${svc.pg} (${svc.pgDir}) ${svc.redis} (${svc.redisDir})`);
    else stopServices(svc);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
