/**
 * What the benchmarks share: command-line values and output, the PostgreSQL server they start, a
 * deterministic random source, and the generated California-scale dds-qip program stored in a
 * database (payees, then the submissions as one batch).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generateProgramData } from '../packages/catalog/src/generator/index.ts';
import { catalogRulebook } from '../packages/catalog/src/index.ts';
import { compileRulebook } from '../packages/core/src/index.ts';
import {
  createSubmissionBatch,
  insertSubmissionRows,
  type QuipDatabase,
  submissionRowJson,
  upsertEntities,
} from '../packages/db/src/index.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The generated program's year, program and evaluation day. */
export const FY = '2026-27';
export const PROGRAM = 'dds-qip';
export const AS_OF = '2027-06-30';

/** `--name=value` on the command line: all that follows the first `=`. */
export const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
export const log = (line: string) => process.stdout.write(`${line}\n`);
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A benchmark file run again in a process of its own (through tsx, from the repository root) with
 * these arguments: the child, and all it has written to its standard output so far.
 */
export function spawnBench(file: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (piece: string) => {
    out += piece;
  });
  return { child, output: () => out };
}

/** A TCP port free on 127.0.0.1 just now, for a server the benchmark starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PostgreSQL 15 server of its own (scripts/services/postgres.sh): its URL and data folder. */
export function startPostgres(): { url: string; dir: string } {
  const out = execFileSync(
    'bash',
    ['-c', 'source scripts/services/postgres.sh && start_postgres >&2 && echo "$QUIP_PG_URL $QUIP_PG_DIR"'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [url, dir] = out.trim().split(' ') as [string, string];
  return { url, dir };
}

export function stopPostgres(dir: string) {
  execFileSync(
    'bash',
    [
      '-c',
      'source scripts/services/postgres.sh && QUIP_PG_DIR=$1 && if [ "$(id -u)" = 0 ]; then QUIP_PG_AS=(runuser -u postgres --); else QUIP_PG_AS=(); fi && stop_postgres',
      'stop',
      dir,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

export type ProgramData = ReturnType<typeof generateProgramData>;

/** The dds-qip program at California scale (100,000 payees x `scale`), always the same (seed 42). */
export const californiaScale = (scale: number): ProgramData =>
  generateProgramData(PROGRAM, { seed: 42, size: 'california', scale, fiscalYear: FY });

/** Each measure's record key fields, from the catalog rulebook. */
export const recordKeyFields = (): Map<string, string[]> =>
  new Map(compileRulebook(catalogRulebook(FY, PROGRAM)).measures.map((m) => [m.key, m.recordKey]));

/** A submission's record key as the API stores it: '' without key fields, else their values' JSON. */
export function recordKeyOf(fields: readonly string[] | undefined, data: Record<string, unknown>): string {
  return !fields || fields.length === 0 ? '' : JSON.stringify(fields.map((f) => data[f] ?? null));
}

type Db = QuipDatabase['db'];
type Batch = { id: number; fiscalYear: string; programId: string };

/** The generated payees, 10,000 to a transaction; their number. */
export async function storePayees(db: Db, data: ProgramData): Promise<number> {
  const entities = data.entities.map(({ id, name, ...attributes }) => ({
    id,
    name: String(name),
    attributes,
  }));
  for (let s = 0; s < entities.length; s += 10_000) {
    await db
      .transaction()
      .execute((trx) =>
        upsertEntities(trx, { fiscalYear: FY, programId: PROGRAM }, entities.slice(s, s + 10_000)),
      );
  }
  return entities.length;
}

/** An empty batch for the generated submissions, as a CSV upload received on AS_OF. */
export async function openBatch(db: Db): Promise<Batch> {
  const id = await db.transaction().execute((trx) =>
    createSubmissionBatch(trx, {
      fiscalYear: FY,
      programId: PROGRAM,
      keyId: null,
      format: 'csv',
      receivedOn: AS_OF,
    }),
  );
  return { id, fiscalYear: FY, programId: PROGRAM };
}

/** The generated submissions into `batch`, 10,000 rows to a transaction; their number. */
export async function storeSubmissions(
  db: Db,
  batch: Batch,
  data: ProgramData,
  recordKeys: Map<string, string[]>,
): Promise<number> {
  let rows: string[] = [];
  let count = 0;
  const flush = async () => {
    const part = rows;
    rows = [];
    await db.transaction().execute((trx) => insertSubmissionRows(trx, batch, part));
  };
  for (const s of data.submissions()) {
    const recordKey = recordKeyOf(recordKeys.get(s.measure), s.data);
    const row = submissionRowJson(s.entityId, s.measure, s.period, recordKey, s.submittedOn ?? AS_OF, s.data);
    rows.push(row);
    count++;
    if (rows.length === 10_000) await flush();
  }
  if (rows.length > 0) await flush();
  return count;
}

/** The generated program: its payees, then its submissions as one batch; how many of each. */
export async function storeProgram(
  db: Db,
  data: ProgramData,
): Promise<{ payees: number; submissions: number }> {
  const payees = await storePayees(db, data);
  const submissions = await storeSubmissions(db, await openBatch(db), data, recordKeyFields());
  return { payees, submissions };
}
