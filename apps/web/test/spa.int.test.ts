/**
 * The admin SPA in a real browser against the real API process: sign-in with a wrong and a right
 * key, the fiscal years page, a reload of a client route, sign-out. Needs the built SPA
 * (`pnpm --filter @quip/web build`) and Debian's chromium (CHROMIUM_PATH overrides the path).
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { quipForFile, resultsDir } from './start-quip.ts';

const quip = quipForFile({ demo: false });
let adminKey = '';
let baseUrl = '';
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  ({ adminKey, baseUrl } = quip);
  context = await quip.browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:')) foreignRequests.push(url);
  });
}, 120_000);

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

  it('says a page broke in its place, keeping the navigation, not that Quip is unavailable', async () => {
    // A run answer the run page cannot read (no rulebook): the page breaks while rendering.
    const runUrl = `${baseUrl}/api/v1/runs/424242`;
    await page.route(runUrl, (route) =>
      route.fulfill({ json: { id: 424242, fiscalYear: '2026-27', program: 'dds-qip', status: 'succeeded' } }),
    );
    await page.route(`${runUrl}/events`, (route) => route.fulfill({ status: 404, json: {} }));
    await page.goto(`${baseUrl}/runs/424242`);
    await page.getByRole('heading', { level: 1, name: 'This page could not be shown' }).waitFor();
    await page.screenshot({ path: join(resultsDir, 'page-error.png'), fullPage: true });
    expect(await page.getByRole('heading', { name: 'Quip is not available' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fiscal years' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fiscal years' }).waitFor();
    await page.unroute(runUrl);
    await page.unroute(`${runUrl}/events`);
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
