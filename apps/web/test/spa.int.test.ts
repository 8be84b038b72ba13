/**
 * The admin SPA in a real browser against the real API process: sign-in with a wrong and a right
 * key, the fiscal years page, a reload of a client route, sign-out. Needs the built SPA
 * (`pnpm --filter @quip/web build`) and Debian's chromium (CHROMIUM_PATH overrides the path).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(webDir, '../..');
const resultsDir = join(webDir, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const adminKey = `quip_test_admin_${randomBytes(16).toString('hex')}`;

let api: ChildProcess | undefined;
let apiOutput = '';
let dataDir: string | undefined;
let baseUrl = '';
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(webDir, 'dist', 'index.html'))) {
    throw new Error('apps/web/dist is missing: build the SPA first with `pnpm --filter @quip/web build`.');
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }

  dataDir = await mkdtemp(join(tmpdir(), 'quip-web-test-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    QUIP_DATA_DIR: dataDir,
    QUIP_ADMIN_KEY: adminKey,
    QUIP_DEMO: '0',
  };
  // The embedded database and in-process queue, whatever the surrounding suite has configured.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.QUIP_ROLE;
  api = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    apiOutput = (apiOutput + chunk.toString()).slice(-8_000);
  };
  api.stdout?.on('data', keep);
  api.stderr?.on('data', keep);
  await waitForHealth(`${baseUrl}/healthz`, 60_000);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    // Playwright gives each launch a fresh temporary profile (it refuses --user-data-dir here).
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
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  await mkdir(resultsDir, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (api && api.exitCode === null && api.signalCode === null) {
    const exited = new Promise((done) => api?.once('exit', done));
    api.kill('SIGTERM');
    const timer = setTimeout(() => api?.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('admin SPA in Chromium against the API', () => {
  it('sends a signed-out visitor of a client route to the sign-in page', async () => {
    await page.goto(`${baseUrl}/fiscal-years`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in · Quip');
  });

  it('shows an error for a wrong key and keeps nothing', async () => {
    await page.getByLabel('API key').fill('not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Your API key was not accepted.');
    expect(await page.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');
    expect(await storedKey()).toBeNull();
    expect(page.url()).toContain('/sign-in');
    await page.screenshot({ path: join(resultsDir, 'sign-in-wrong-key.png'), fullPage: true });
  });

  it('signs in with the admin key and lists fiscal year 2026-27 with its programs', async () => {
    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/fiscal-years$/);
    await page.getByRole('heading', { level: 1, name: 'Fiscal years' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /2026-27/ }).waitFor();
    const year = page.getByRole('region', { name: /2026-27/ });
    // The programs settle into a table or an empty message; neither a spinner nor an error stays.
    await year.locator('table, p:has-text("No programs")').first().waitFor();
    // Screenshots before the assertions, so a failure leaves a picture of what went wrong.
    await page.screenshot({ path: join(resultsDir, 'fiscal-years.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(resultsDir, 'fiscal-years-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    expect(await page.getByRole('alert').count()).toBe(0);

    expect(await storedKey()).toBe(adminKey);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Fiscal years' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('banner').textContent()).toContain('Admin');
  });

  it('stays signed in when a client route is reloaded', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /2026-27/ }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/fiscal-years`);
  });

  it('sends a signed-in visitor of the sign-in page on to the app', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.waitForURL(/\/fiscal-years$/);
    await page.getByRole('heading', { level: 1, name: 'Fiscal years' }).waitFor();
  });

  it('signs out, forgets the key and guards the pages again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await storedKey()).toBeNull();
    await page.goto(`${baseUrl}/fiscal-years`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('ends a session whose key the API no longer accepts', async () => {
    await page.evaluate(() => sessionStorage.setItem('quip.apiKey', 'quip_revoked_key_0000000000000000'));
    await page.goto(`${baseUrl}/fiscal-years`);
    await page.waitForURL(/\/sign-in/);
    await page.getByText('Your session ended. Sign in again to continue.').waitFor();
    expect(await storedKey()).toBeNull();
  });

  it('threw no page errors and loaded nothing from another origin', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

function storedKey(): Promise<string | null> {
  return page.evaluate(() => sessionStorage.getItem('quip.apiKey'));
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

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api?.exitCode !== null || api?.signalCode !== null) {
      throw new Error(`The API exited before it was healthy:\n${apiOutput}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`The API was not healthy at ${url} within ${timeoutMs / 1000} s:\n${apiOutput}`);
}
