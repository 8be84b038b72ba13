/**
 * The fault test's driver, on the `ctl` host (scripts/faults/faults.sh builds the hosts and starts
 * PostgreSQL and Redis): generates the DDS QIP data set (@quip/catalog's generator, California size
 * times QUIP_FAULTS_SCALE), starts the API (QUIP_ROLE=api) and two workers on their hosts, uploads
 * the data through the API, runs a clean recompute for the reference totals and payment file, then
 * one recompute per fault (each fault injected while its run is going). Each run must end
 * succeeded with the reference totals and a byte-identical payment file, or failed with a reason
 * and then succeed when started again; every run's stored output is counted (nothing twice). Prints
 * a markdown table (for RELIABILITY.md) and exits 1 on any breach.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  ADDRESS,
  DATABASE_URL,
  DIR,
  type Host,
  type HostProcess,
  hostCommand,
  REDIS_URL,
  ROOT,
  redisIdleSeconds,
  sleep,
  startNode,
} from './hosts.ts';
import { loadProgramData } from './load-data.ts';
import { ended, QuipClient, type RunView } from './quip-client.ts';
import { runsStored, type StoredOutput, storedOutput } from './run-checks.ts';

const SCALE = Number(process.env.QUIP_FAULTS_SCALE ?? '0.1');
const PARTITION_MS = Number(process.env.QUIP_FAULTS_PARTITION_SECONDS ?? '30') * 1000;
/** A dead or cut-off worker's job is taken over after this long (QUIP_WORKER_LOCK_MS). */
const LOCK_MS = 10_000;
const ADMIN_KEY = `quip-faults-${randomBytes(18).toString('hex')}`;
const WORKER = 'apps/worker/src/main.ts';

const say = (line: string) => process.stderr.write(`faults: ${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const problems: string[] = [];

const client = new QuipClient(ADMIN_KEY);
const workers: Record<'w1' | 'w2', HostProcess | null> = { w1: null, w2: null };
let api: HostProcess | null = null;
let workerSeq = 0;

function startWorker(host: 'w1' | 'w2'): HostProcess {
  workerSeq += 1;
  const worker = startNode(`worker-${workerSeq}-${host}`, host, WORKER, {
    DATABASE_URL,
    REDIS_URL,
    QUIP_LOG_LEVEL: 'warn',
    QUIP_WORKER_LOCK_MS: String(LOCK_MS),
  });
  workers[host] = worker;
  return worker;
}

async function waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await probe())) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`timed out after ${secs(timeoutMs)} waiting for ${what}`);
    await sleep(250);
  }
  return performance.now() - started;
}

/**
 * Waits until each of these hosts talks to Redis: a worker has sent a command in the last 6 s (its
 * blocking reads time out every 5 s), the API holds a connection; the time it took, or null (never).
 */
async function reconnected(hosts: Host[], timeoutMs = 120_000): Promise<number | null> {
  try {
    return await waitFor(`${hosts.join(', ')} to talk to Redis`, timeoutMs, async () => {
      const idle = await redisIdleSeconds().catch(() => new Map<Host, number>());
      return hosts.every((h) => (idle.get(h) ?? Number.POSITIVE_INFINITY) <= (h === 'api' ? 1e9 : 6));
    });
  } catch {
    return null;
  }
}

let runDeadlineMs = 30 * 60_000;

/** Waits until the run has computed this share of its payees; null if it ended first; throws at the run's deadline. */
async function progressed(id: number, share: number): Promise<RunView | null> {
  const until = performance.now() + runDeadlineMs;
  while (performance.now() < until) {
    const run = await client.run(id);
    if (ended(run)) return null;
    if (run && run.progress.total > 0 && run.progress.done >= share * run.progress.total) return run;
    await sleep(100);
  }
  throw new Error(`run ${id} did not reach ${share * 100}% of its payees in ${secs(runDeadlineMs)}`);
}

const at = (run: RunView) =>
  run.progress.done < run.progress.total
    ? `phase 1, ${Math.round((100 * run.progress.done) / run.progress.total)}% of payees`
    : 'phase 2 (every chunk done)';

interface Scenario {
  fault: string;
  /** The fault goes in once the run has computed this share of its payees (1: in phase 2). */
  share: number;
  /** Injects the fault into the run; answers what happened, or throws. */
  act(run: RunView): Promise<string>;
}

/** kill -9 of the workers on these hosts, a replacement started on each. */
async function killWorkers(hosts: ('w1' | 'w2')[]): Promise<string> {
  const victims = hosts.map((host) => workers[host] as HostProcess);
  for (const victim of victims) victim.child.kill('SIGKILL');
  await Promise.all(victims.map((victim) => victim.exited));
  for (const host of hosts) startWorker(host);
  const back = await reconnected(hosts);
  if (back === null) problems.push(`the replacement workers on ${hosts.join(', ')} did not talk to Redis`);
  return `replacement${hosts.length > 1 ? 's' : ''} talking to Redis after ${back === null ? 'never' : secs(back)}`;
}

async function restartPostgres(): Promise<string> {
  const started = performance.now();
  await hostCommand('pg_restart');
  return `down and up in ${secs(performance.now() - started)}`;
}

/** Redis stopped and started by a hosts.sh command; the API and both workers must come back to it. */
async function replaceRedis(command: 'redis_restart' | 'redis_lose'): Promise<string> {
  const started = performance.now();
  await hostCommand(command);
  const down = performance.now() - started;
  const back = await reconnected(['api', 'w1', 'w2']);
  if (back === null)
    problems.push(`the API and both workers did not all reconnect within 120 s (${command})`);
  return `down and up in ${secs(down)}, API and workers reconnected ${back === null ? 'never' : `${secs(back)} after`}`;
}

const SCENARIOS: Scenario[] = [
  {
    fault: 'kill -9 of worker w1, a replacement started on w1',
    share: 0.3,
    act: () => killWorkers(['w1']),
  },
  {
    fault: `worker w2 partitioned from Redis for ${PARTITION_MS / 1000} s`,
    share: 0.2,
    async act() {
      await hostCommand('partition w2 redis on');
      await sleep(PARTITION_MS);
      // The partition held: nothing of w2's reached Redis while it lasted.
      const silent = (await redisIdleSeconds()).get('w2') ?? Number.POSITIVE_INFINITY;
      await hostCommand('partition w2 redis off');
      if (silent < PARTITION_MS / 1000 - 10)
        problems.push(`w2 talked to Redis during the partition (idle ${silent} s)`);
      const back = await reconnected(['w2']);
      if (back === null) problems.push('w2 did not talk to Redis again within 120 s after the partition');
      return `w2 silent on Redis for ${silent === Number.POSITIVE_INFINITY ? 'the whole partition (its connections closed)' : `${silent} s`}, talking again ${back === null ? 'never' : `${secs(back)} after`}`;
    },
  },
  { fault: 'PostgreSQL restart (pg_ctl restart -m fast) in phase 1', share: 0.5, act: restartPostgres },
  { fault: 'PostgreSQL restart (pg_ctl restart -m fast) in phase 2', share: 1, act: restartPostgres },
  {
    fault: 'kill -9 of both workers in phase 2, replacements started on w1 and w2',
    share: 1,
    act: () => killWorkers(['w1', 'w2']),
  },
  {
    fault: 'Redis restart (SIGTERM, append-only file kept, start)',
    share: 0.5,
    act: () => replaceRedis('redis_restart'),
  },
  {
    fault: 'Redis lost: SIGKILL, its files removed, an empty Redis started (every job gone)',
    share: 0.5,
    act: () => replaceRedis('redis_lose'),
  },
];

/** Injects the scenario's fault into run `id` once it has progressed far enough. */
async function inject(scenario: Scenario, id: number): Promise<string> {
  const run = await progressed(id, scenario.share);
  if (!run) throw new Error('the run ended before the fault');
  return `${at(run)}; ${await scenario.act(run)}`;
}

interface Row {
  run: number;
  fault: string;
  when: string;
  outcome: string;
  ms: number;
  reason: string;
  identical: string;
}
const rows: Row[] = [];
let runsStarted = 0;

async function recompute(deadlineMs: number, inject?: (id: number) => Promise<string>) {
  const started = performance.now();
  const id = await client.startRun();
  runsStarted += 1;
  let injected: Promise<string> = Promise.resolve('');
  if (inject) injected = inject(id).catch((error: Error) => `not injected: ${error.message}`);
  let run: RunView | null = null;
  while (performance.now() - started < deadlineMs) {
    run = await client.run(id);
    if (ended(run)) break;
    await sleep(250);
  }
  const ms = performance.now() - started;
  const when = await injected;
  return { id, run, ms, when };
}

interface Reference {
  totals: string;
  file: Buffer;
  stored: StoredOutput;
}

/** Checks an ended run against the reference; answers its problems (none when all is well). */
async function check(id: number, run: RunView | null, reference: Reference | null): Promise<string[]> {
  const found: string[] = [];
  if (!run || !ended(run)) return [`run ${id} did not end: status ${run?.status ?? 'unknown'}`];
  const stored = await storedOutput(id);
  if (stored.duplicates > 0) found.push(`run ${id}: ${stored.duplicates} keys stored twice`);
  if (run.status === 'failed') {
    if (!run.reason) found.push(`run ${id} failed without a reason`);
    // Output is stored whole (one transaction) or not at all.
    if (stored.payeePayments !== 0 && stored.payeePayments !== stored.payees)
      found.push(`failed run ${id} holds ${stored.payeePayments} of ${stored.payees} payments`);
    return found;
  }
  if (run.status !== 'succeeded') return [...found, `run ${id} ended ${run.status}`];
  if (stored.chunksDone !== stored.chunks || stored.valueDocuments !== stored.chunks)
    found.push(
      `run ${id}: ${stored.chunksDone} chunks done, ${stored.valueDocuments} value documents, of ${stored.chunks}`,
    );
  if (stored.payeePayments !== stored.payees)
    found.push(`run ${id}: ${stored.payeePayments} payee payments for ${stored.payees} payees`);
  if (reference) {
    const ref = reference.stored;
    if (
      stored.payees !== ref.payees ||
      stored.results !== ref.results ||
      stored.paymentLines !== ref.paymentLines
    )
      found.push(
        `run ${id}: ${stored.payees} payees, ${stored.results} results, ${stored.paymentLines} payment lines; the clean run ${ref.payees}, ${ref.results}, ${ref.paymentLines}`,
      );
    if (JSON.stringify(run.totals) !== reference.totals)
      found.push(
        `run ${id}: totals ${JSON.stringify(run.totals)} differ from the clean run's ${reference.totals}`,
      );
    const file = await client.paymentFile(id);
    if (!file.equals(reference.file))
      found.push(
        `run ${id}: payment file (${file.length} bytes) differs from the clean run's (${reference.file.length} bytes)`,
      );
  }
  return found;
}

function row(r: Row) {
  rows.push(r);
  say(
    `run ${r.run}: ${r.fault} -> ${r.outcome} in ${secs(r.ms)}${r.reason ? ` (${r.reason})` : ''}${r.when ? `; ${r.when}` : ''}`,
  );
}

function report(meta: string[]) {
  const lines = [
    ...meta,
    '',
    '| run | fault injected | when | outcome | time | reason (failed runs) | totals and payment file |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.run} | ${r.fault} | ${r.when || '-'} | ${r.outcome} | ${secs(r.ms)} | ${r.reason || '-'} | ${r.identical} |`,
    ),
    '',
    problems.length === 0 ? 'No breach.' : `Breaches (${problems.length}):`,
    ...problems.map((p) => `- ${p}`),
  ];
  const text = `${lines.join('\n')}\n`;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(join(ROOT, '.tmp', `faults-report-scale-${SCALE}.md`), text);
  process.stdout.write(`\n${text}`);
}

async function main() {
  const begun = performance.now();
  const load = loadavg().map((l) => l.toFixed(1));
  api = startNode('api', 'api', 'apps/api/src/main.ts', {
    DATABASE_URL,
    REDIS_URL,
    QUIP_ROLE: 'api',
    HOST: ADDRESS.api,
    PORT: '3000',
    QUIP_ADMIN_KEY: ADMIN_KEY,
    QUIP_DEMO: '0',
    QUIP_LOG_LEVEL: 'warn',
    QUIP_DATA_DIR: join(DIR, 'api-data'),
    QUIP_MAX_ROWS_PER_REQUEST: '5000000',
    QUIP_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  await waitFor('the API to answer /healthz', 180_000, async () => {
    if (api?.exitCode() !== undefined)
      throw new Error(`the API exited (${api?.exitCode()}); see ${DIR}/logs/api.log`);
    return client.healthy();
  });
  const t = performance.now();
  say(`loading dds-qip, California size x ${SCALE}, through the API`);
  // Yesterday by UTC: on or before today in the program's time zone (a later day is refused).
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const loaded = await loadProgramData(client, SCALE, yesterday);
  const loadMs = performance.now() - t;
  say(
    `uploaded ${loaded.payees} payees and ${loaded.submissions} submissions (${loaded.uploads} uploads) in ${secs(loadMs)}`,
  );
  startWorker('w1');
  startWorker('w2');
  if ((await reconnected(['api', 'w1', 'w2'], 300_000)) === null)
    throw new Error('the workers did not connect to Redis');

  // (0) the clean run
  const clean = await recompute(30 * 60_000);
  const cleanProblems = await check(clean.id, clean.run, null);
  if (clean.run?.status !== 'succeeded' || cleanProblems.length > 0)
    throw new Error(
      `the clean run did not succeed: ${clean.run?.status} ${clean.run?.reason ?? ''} ${cleanProblems.join('; ')}`,
    );
  const reference: Reference = {
    totals: JSON.stringify(clean.run.totals),
    file: await client.paymentFile(clean.id),
    stored: await storedOutput(clean.id),
  };
  row({
    run: clean.id,
    fault: 'none (clean run: the reference)',
    when: '',
    outcome: 'succeeded',
    ms: clean.ms,
    reason: '',
    identical: `reference: ${reference.file.length} bytes`,
  });
  const deadline = Math.max(240_000, 6 * clean.ms + PARTITION_MS);
  runDeadlineMs = deadline;

  for (const scenario of SCENARIOS) {
    // A worker that died by itself is a breach; a replacement keeps the next faults meaningful.
    for (const host of ['w1', 'w2'] as const) {
      const worker = workers[host];
      if (worker && worker.exitCode() !== undefined) {
        problems.push(`${worker.name} exited by itself (${worker.exitCode()}); see ${worker.name}.log`);
        startWorker(host);
      }
    }
    const r = await recompute(deadline, (id) => inject(scenario, id));
    const found = await check(r.id, r.run, reference);
    problems.push(...found);
    if (r.when.startsWith('not injected')) problems.push(`run ${r.id}: ${scenario.fault}: ${r.when}`);
    const outcome = !ended(r.run) ? `did not end in ${secs(deadline)}` : (r.run?.status ?? 'unknown');
    row({
      run: r.id,
      fault: scenario.fault,
      when: r.when,
      outcome,
      ms: r.ms,
      reason: r.run?.status === 'failed' ? (r.run.reason ?? '(none)') : '',
      identical: r.run?.status === 'succeeded' ? (found.length === 0 ? 'identical' : 'DIFFERENT') : '-',
    });
    if (r.run?.status === 'failed') {
      const retry = await recompute(deadline);
      const again = await check(retry.id, retry.run, reference);
      problems.push(...again);
      if (retry.run?.status !== 'succeeded')
        problems.push(`run ${retry.id}, the retry of run ${r.id}, ended ${retry.run?.status ?? 'never'}`);
      row({
        run: retry.id,
        fault: `none (retry of run ${r.id})`,
        when: '',
        outcome: ended(retry.run) ? (retry.run?.status ?? 'unknown') : `did not end in ${secs(deadline)}`,
        ms: retry.ms,
        reason: retry.run?.reason ?? '',
        identical: retry.run?.status === 'succeeded' && again.length === 0 ? 'identical' : 'DIFFERENT',
      });
    }
  }

  for (const p of [api, workers.w1, workers.w2]) {
    if (p && p.exitCode() !== undefined)
      problems.push(`${p.name} exited by itself (${p.exitCode()}); see ${p.name}.log`);
  }
  const stored = await runsStored();
  if (stored.runs !== runsStarted || stored.auditStarts !== runsStarted)
    problems.push(`${runsStarted} runs started, ${stored.runs} stored, ${stored.auditStarts} audited`);

  report([
    `Faults across hosts: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, load average at the start ${load.join(' ')}.`,
    `Data: dds-qip 2026-27, California size x ${SCALE}: ${loaded.payees} payees, ${loaded.submissions} submissions (generated and uploaded through the API in ${loaded.uploads} uploads, ${secs(loadMs)}); ${reference.stored.chunks} chunks, ${reference.stored.results} results and ${reference.stored.paymentLines} payment lines per run; total ${clean.run.totals?.totalCents} cents.`,
    `Hosts: API, two workers (QUIP_WORKER_LOCK_MS=${LOCK_MS}), PostgreSQL 15, Redis (append-only file), test driver, each in its own network namespace on one bridge (10.213.0.0/24). Runs: ${runsStarted} (${runsStarted} stored, ${stored.auditStarts} audited). Wall time ${secs(performance.now() - begun)}.`,
  ]);
  // The API and the workers are this process's children: exit without waiting for them (faults.sh
  // stops everything in the test's namespaces).
  process.exit(problems.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  if (rows.length > 0) report(['(incomplete)']);
  process.exit(1);
});
