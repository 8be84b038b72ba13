/**
 * The driver's hands on the hosts of scripts/faults/hosts.sh: start a process on a host (its network
 * namespace, through `ip netns exec`), run one of hosts.sh's commands (restart PostgreSQL or Redis,
 * partition two hosts), and see which hosts hold connections to Redis.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ID = process.env.QUIPF_ID;
export const DIR = process.env.QUIPF_DIR ?? '';
if (!ID || !DIR) throw new Error('QUIPF_ID and QUIPF_DIR are not set: run scripts/faults/faults.sh');

export type Host = 'pg' | 'redis' | 'api' | 'w1' | 'w2' | 'ctl';
export const ADDRESS: Record<Host, string> = {
  pg: '10.213.0.2',
  redis: '10.213.0.3',
  api: '10.213.0.10',
  w1: '10.213.0.11',
  w2: '10.213.0.12',
  ctl: '10.213.0.20',
};
export const DATABASE_URL = `postgres://postgres@${ADDRESS.pg}:5432/postgres`;
export const REDIS_URL = `redis://${ADDRESS.redis}:6379`;
export const namespace = (host: Host) => `quipf-${host}-${ID}`;

export interface HostProcess {
  name: string;
  host: Host;
  child: ChildProcess;
  exited: Promise<number | string | null>;
  exitCode(): number | string | null | undefined;
}

/** Starts `node --import tsx <script>` on a host; its output goes to <DIR>/logs/<name>.log. */
export function startNode(
  name: string,
  host: Host,
  script: string,
  env: Record<string, string>,
): HostProcess {
  mkdirSync(join(DIR, 'logs'), { recursive: true });
  const log = createWriteStream(join(DIR, 'logs', `${name}.log`));
  // `ip netns exec` execs the command itself: the child's pid is node's, so a kill reaches it.
  const child = spawn('ip', ['netns', 'exec', namespace(host), process.execPath, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let code: number | string | null | undefined;
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (c, signal) => {
      code = c ?? signal;
      resolve(code);
    }),
  );
  return { name, host, child, exited, exitCode: () => code };
}

/** Runs one command of hosts.sh (`pg_restart`, `redis_restart`, `partition w2 redis on`, ...). */
export function hostCommand(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', `source scripts/faults/hosts.sh && ${command}`],
      { cwd: ROOT, env: process.env },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`${command}: ${stderr || error.message}`)) : resolve(),
    );
  });
}

/** Output of a command run here (the driver's own host). */
export function output(command: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { cwd: ROOT, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args[0] ?? ''}: ${stderr || error.message}`)) : resolve(stdout),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/**
 * Per host, the seconds since its most recently used connection to Redis last sent a command: a
 * BullMQ worker keeps one blocking read going, so a live worker stays near 0; one cut off from Redis
 * counts up (Redis cannot tell a silent partition from a quiet client).
 */
export async function redisIdleSeconds(): Promise<Map<Host, number>> {
  const list = await output('redis-cli', ['-h', ADDRESS.redis, 'client', 'list']);
  const idle = new Map<Host, number>();
  for (const match of list.matchAll(/\baddr=([\d.]+):\d+ .*?\bidle=(\d+)/g)) {
    const host = (Object.keys(ADDRESS) as Host[]).find((h) => ADDRESS[h] === match[1]);
    if (host) idle.set(host, Math.min(idle.get(host) ?? Number.POSITIVE_INFINITY, Number(match[2])));
  }
  return idle;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
