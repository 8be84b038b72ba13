/**
 * Starts the real API process (embedded database, in-process jobs, the built SPA) on a free
 * loopback port and Debian's Chromium, for the browser journeys. Needs `pnpm --filter @quip/web
 * build` first; CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const webDir = resolve(import.meta.dirname, '..');
export const resultsDir = join(webDir, 'test-results');
const repoRoot = resolve(webDir, '../..');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface RunningQuip {
  baseUrl: string;
  adminKey: string;
  browser: Browser;
  /** The API's last output, for failure messages. */
  output: () => string;
  /**
   * A call under /api/v1 with a JSON body, as `key` (the admin's by default): the JSON answer, or
   * an error naming the method, path and status.
   */
  api: <T = Record<string, unknown>>(path: string, init?: ApiInit) => Promise<T>;
  /**
   * Starts a run of a program (`/fiscal-years/{fy}/programs/{program}`) through the API, as of
   * `asOf` when given, and waits (up to 120 s) until it has succeeded: the run's id.
   */
  succeededRun: (program: string, asOf?: string) => Promise<number>;
  stop: () => Promise<void>;
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  key?: string;
}

export async function startQuip({ demo }: { demo: boolean }): Promise<RunningQuip> {
  if (!existsSync(join(webDir, 'dist', 'index.html'))) {
    throw new Error('apps/web/dist is missing: build the SPA first with `pnpm --filter @quip/web build`.');
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  const adminKey = `quip_test_admin_${randomBytes(16).toString('hex')}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'quip-web-journeys-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    QUIP_DATA_DIR: dataDir,
    QUIP_ADMIN_KEY: adminKey,
    QUIP_DEMO: demo ? '1' : '0',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.QUIP_ROLE;
  const api: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  api.stdout?.on('data', keep);
  api.stderr?.on('data', keep);

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (api.exitCode !== null || api.signalCode !== null)
      throw new Error(`The API exited before it was healthy:\n${output}`);
    if (Date.now() > deadline) {
      // Not left running (and holding its data folder) when the journey gives up on it.
      api.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`The API was not healthy within 90 s:\n${output}`);
    }
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir(resultsDir, { recursive: true });

  const callApi = async <T>(path: string, init: ApiInit = {}): Promise<T> => {
    const method = init.method ?? 'GET';
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${init.key ?? adminKey}`, 'Content-Type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  return {
    baseUrl,
    adminKey,
    browser,
    output: () => output,
    api: callApi,
    succeededRun: async (program, asOf) => {
      const { id } = await callApi<{ id: number }>(`${program}/runs`, {
        method: 'POST',
        body: asOf ? { asOf } : {},
      });
      const runDeadline = Date.now() + 120_000;
      for (;;) {
        const { status } = await callApi<{ status: string }>(`/runs/${id}`);
        if (status === 'succeeded') return Number(id);
        if (status === 'failed' || status === 'cancelled' || Date.now() > runDeadline)
          throw new Error(`Run ${id} is ${status}:\n${output}`);
        await new Promise((wait) => setTimeout(wait, 500));
      }
    },
    stop: async () => {
      await browser.close();
      if (api.exitCode === null && api.signalCode === null) {
        const exited = new Promise((done) => api.once('exit', done));
        api.kill('SIGTERM');
        const timer = setTimeout(() => api.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The running Quip of a journey file: started before the file's tests (its own `beforeAll`, so a
 * file's `beforeAll` that seeds data or signs in comes after it) and stopped after them. Its
 * fields are there once the file's hooks and tests run.
 */
export function quipForFile(options: { demo: boolean }): RunningQuip {
  const quip = {} as RunningQuip;
  beforeAll(async () => {
    Object.assign(quip, await startQuip(options));
  }, 120_000);
  afterAll(async () => {
    await quip.stop?.();
  }, 30_000);
  return quip;
}

/**
 * On a program's runs page: fills the as-of date (when given), starts a run, waits for its page
 * (another than `leaving`, when given) and for the run to have succeeded there; the run page's URL.
 */
export async function startRunInPage(
  page: Page,
  { asOf, leaving }: { asOf?: string; leaving?: string } = {},
) {
  if (asOf) await page.getByLabel('Evaluate as of (optional)').fill(asOf);
  await page.getByRole('button', { name: 'Start a run' }).click();
  await page.waitForURL((url) => url.href !== leaving && /\/runs\/[^/]+$/.test(url.href));
  const runUrl = page.url();
  await expect
    .poll(() => page.getByTestId('run-status').textContent(), { timeout: 60_000 })
    .toBe('succeeded');
  return runUrl;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Records the page's long tasks (> 50 ms of main-thread work) from its next load on: see longTasks. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The durations (ms) of the long tasks watchLongTasks recorded since the page loaded. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

/** Signs in with a key on the sign-in page and waits for where that key's role lands. */
export async function signIn(
  page: Page,
  baseUrl: string,
  key: string,
  lands = /\/fiscal-years$/,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(lands);
}

/**
 * A page in a new browser context: 30 s default timeout, its page errors pushed to `pageErrors`,
 * `prepare` run before it signs in (request routes, init scripts), then signed in with `key`.
 */
export async function openSignedInPage(
  quip: RunningQuip,
  pageErrors: string[],
  {
    key = quip.adminKey,
    lands,
    context = { viewport: { width: 1280, height: 900 } },
    prepare,
  }: {
    key?: string;
    lands?: RegExp;
    context?: BrowserContextOptions;
    prepare?: (page: Page) => Promise<void>;
  } = {},
): Promise<Page> {
  const page = await (await quip.browser.newContext(context)).newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await prepare?.(page);
  await signIn(page, quip.baseUrl, key, lands);
  return page;
}
