import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface QuipProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs `node --import tsx apps/api/src/main.ts` as a real process with the given environment. */
export function spawnQuip(env: Record<string, string>): QuipProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', QUIP_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** spawnQuip listening on a free loopback port (PORT set): the process, its port and its URL. */
export async function spawnQuipOnFreePort(
  env: Record<string, string>,
): Promise<QuipProcess & { port: number; url: string }> {
  const port = await freePort();
  return { ...spawnQuip({ PORT: String(port), ...env }), port, url: `http://127.0.0.1:${port}` };
}

export async function waitForHealth(url: string, quip: QuipProcess, timeoutMs = 150_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (quip.child.exitCode !== null) throw new Error(`Quip exited early:\n${quip.output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return await res.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Quip did not become healthy in ${timeoutMs} ms:\n${quip.output()}`);
}
