import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** The worker process (src/main.ts) with only PATH, the log level and `env` set; its output kept. */
export function spawnWorker(env: Record<string, string>, logLevel: 'info' | 'warn') {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', QUIP_LOG_LEVEL: logLevel, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => {
    output += c;
  });
  child.stderr.on('data', (c) => {
    output += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

/** The test Redis (QUIP_TEST_REDIS_URL). */
export function testRedisUrl(): string {
  const url = process.env.QUIP_TEST_REDIS_URL;
  if (!url) throw new Error('QUIP_TEST_REDIS_URL is not set: run the suite with `npm test`');
  return url;
}
