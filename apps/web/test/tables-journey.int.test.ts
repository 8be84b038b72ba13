/**
 * Issue 17's spreadsheet basics on the run diff, the data inbox's lists and the payee list, in Chromium against the real
 * API with the demo data (the inbox from it; the diff's and the payee list's answers made by page.route from
 * generated rows, so every amount below is worked by hand): names beside ids, dollars not cents,
 * a filter and a search narrowing the rows, the subtotal of what is shown, and the CSV export of
 * exactly what is shown. Screenshots go to apps/web/test-results/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningQuip, resultsDir, signIn, startQuip } from './start-quip.ts';

let quip: RunningQuip;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(resultsDir, `${name}.png`) });

const RUN = 757575;
const AGAINST = 757574;
/**
 * 6,000 payees differ, in two pages of 5,000: payee i (0..5,999) was paid 10,000 + i cents and is
 * now paid 100 cents less (i % 3 = 0), the same (i % 3 = 1) or 100 cents more (i % 3 = 2).
 */
const DIFFERING = 6_000;
const diffPayee = (i: number) => ({
  entityId: `D${String(i).padStart(5, '0')}`,
  name: `Provider ${i}`,
  totalCents: { from: 10_000 + i, to: 10_000 + i + ((i % 3) - 1) * 100 },
  measures: [
    i % 3 === 1
      ? { measure: 'retention', changed: ['target'], from: { target: 0.4 }, to: { target: 0.5 } }
      : { measure: 'cie', changed: ['value', 'met'], from: { value: 0.2 }, to: { value: 0.4 } },
  ],
});
/** 2,500 payees: payee i has service code 950 (i even) or 096 (i odd) and a rate of 5,000 + i cents. */
const PAYEES = 2_500;
const payee = (i: number) => ({
  id: `E${String(i).padStart(5, '0')}`,
  name: `Home ${i}`,
  serviceCode: i % 2 === 0 ? '950' : '096',
  rateCents: 5_000 + i,
});

const run = (id: number, asOf: string) => ({
  id,
  fiscalYear: '2026-27',
  program: 'dds-qip',
  status: 'succeeded',
  progress: { done: 10, total: 10 },
  reason: null,
  rulebook: { version: 1, contentHash: 'sha256:test' },
  rulebookVersion: 1,
  snapshot: { submissionId: 1 },
  asOf,
  official: false,
  stage: 'none',
  reviewUntil: null,
  publishedAt: null,
  issues: null,
  createdAt: '2027-07-01T00:00:00.000Z',
  totals: { payees: 10, totalCents: 0, byLineKind: {} },
});

beforeAll(async () => {
  quip = await startQuip({ demo: true });
  context = await quip.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const api = `${quip.baseUrl}/api/v1`;
  await page.route(`${api}/runs/${RUN}`, (route) => route.fulfill({ json: run(RUN, '2027-06-30') }));
  await page.route(`${api}/runs/${RUN}/events`, (route) => route.fulfill({ status: 404, json: {} }));
  await page.route(new RegExp(`/api/v1/runs/${RUN}/(results|payments)\\?`), (route) =>
    route.fulfill({ json: { items: [], nextCursor: null } }),
  );
  await page.route(/\/api\/v1\/fiscal-years\/2026-27\/programs\/dds-qip\/runs\?/, (route) =>
    route.fulfill({
      json: { items: [run(RUN, '2027-06-30'), run(AGAINST, '2027-05-31')], nextCursor: null },
    }),
  );
  await page.route(new RegExp(`/api/v1/runs/${RUN}/diff\\?`), (route) => {
    const url = new URL(route.request().url());
    expect(url.searchParams.get('against')).toBe(String(AGAINST));
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const to = Math.min(DIFFERING, from + Number(url.searchParams.get('limit') ?? 500));
    return route.fulfill({
      json: {
        run: RUN,
        against: AGAINST,
        inputs: {
          asOf: { from: '2027-05-31', to: '2027-06-30' },
          rulebookVersion: { from: 1, to: 1 },
          rulebookContent: { from: 'sha256:test', to: 'sha256:test' },
          snapshot: { from: 1, to: 1 },
        },
        changedInputs: ['asOf'],
        asOfChanged: true,
        rulebookChanged: false,
        snapshotChanged: false,
        payees: Array.from({ length: to - from }, (_, j) => diffPayee(from + j)),
        nextCursor: to < DIFFERING ? String(to) : null,
        truncated: to < DIFFERING,
      },
    });
  });
  await signIn(page, quip.baseUrl, quip.adminKey);
}, 180_000);

afterAll(async () => {
  await quip?.stop();
}, 30_000);

async function download(click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile((await file.path()) as string, 'utf8');
}

const firstRow = (testId: string) =>
  page.getByTestId(`${testId}-scroller`).locator('tbody tr[aria-rowindex]').first();

describe('spreadsheet basics on the run diff and the payee list, in Chromium', () => {
  it('lists every differing payee by name, filters the gains, subtotals them and exports what is shown', async () => {
    await page.goto(`${quip.baseUrl}/runs/${RUN}`);
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByLabel('Compare with').selectOption({ label: `Run ${AGAINST} (as of 2027-05-31)` });
    const count = page.getByTestId('diff-count');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe('6,000 of 6,000 payees shown');
    // Names beside ids; dollars, not cents: payee 0 went from 10,000 to 9,900 cents.
    expect(await firstRow('diff').locator('td').allTextContents()).toEqual([
      'D00000',
      'Provider 0',
      '$100.00',
      '$99.00',
      '-$1.00',
      'cie (value, met)',
    ]);
    // Every payee: from = 6,000 x 10,000 + (0 + ... + 5,999) = 60,000,000 + 17,997,000 cents;
    // the changes cancel out (2,000 x -100 + 2,000 x +100).
    expect(await page.getByTestId('diff-subtotal-from').textContent()).toBe('$779,970.00');
    expect(await page.getByTestId('diff-subtotal-change').textContent()).toBe('$0.00');
    // The gains: i % 3 = 2, i = 2, 5, ..., 5,999 (2,000 payees, sum of i 2,000 x 3,000.5 = 6,001,000),
    // now paid 10,100 + i: 20,200,000 + 6,001,000 = 26,201,000 cents; +100 each: $2,000.00.
    await page.getByRole('combobox', { name: 'Total' }).selectOption('gain');
    await expect.poll(() => count.textContent()).toBe('2,000 of 6,000 payees shown');
    expect(await page.getByTestId('diff-subtotal-to').textContent()).toBe('$262,010.00');
    expect(await page.getByTestId('diff-subtotal-change').textContent()).toBe('$2,000.00');
    // And a search on top: "Provider 59" among the gains is i = 59; 590, 593, 596, 599;
    // 5,900, 5,903, ..., 5,999 (34): 39 payees, sum of i 59 + 2,378 + 202,283 = 204,720, so
    // now paid 39 x 10,100 + 204,720 = 598,620 cents, each +100 cents.
    await page.getByTestId('diff-search').fill('Provider 59');
    await expect.poll(() => count.textContent()).toBe('39 of 6,000 payees shown');
    expect(await page.getByTestId('diff-subtotal-to').textContent()).toBe('$5,986.20');
    expect(await page.getByTestId('diff-subtotal-change').textContent()).toBe('$39.00');
    await page.getByTestId('diff-scroller').scrollIntoViewIfNeeded();
    await shot('tables-diff-filtered');
    const csv = await download(() => page.getByTestId('diff-csv').click());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`Payee,Name,Run ${AGAINST} ($),Run ${RUN} ($),Change ($),Measures changed`);
    expect(lines[1]).toBe('D00059,Provider 59,100.59,101.59,1.00,"cie (value, met)"');
    expect(lines.length).toBe(41); // header, 39 payees, '' after the last CRLF
    const cents = (line: string, column: number) => Math.round(Number(line.split(',')[column]) * 100);
    expect(lines.slice(1, 40).reduce((sum, line) => sum + cents(line, 3), 0)).toBe(598_620);
    expect(lines.slice(1, 40).reduce((sum, line) => sum + cents(line, 4), 0)).toBe(3_900);
  }, 120_000);

  it('lists the payees of an inbox box by name, searches them and exports what is shown', async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dds-qip/data`);
    const directory = page
      .getByRole('table', { name: 'Submissions by measure' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'qip-provider-directory' }) });
    await directory.getByRole('button', { name: /On time/ }).click();
    const count = page.getByTestId('inbox-payees-count');
    await expect
      .poll(() => count.textContent(), { timeout: 60_000 })
      .toMatch(/^[1-9][\d,]* of [\d,]+ payees shown$/);
    const all = Number((await count.textContent())?.split(' ')[0]?.replace(/,/g, ''));
    // The first payee's name, as the API names it, beside its id.
    const [id, name] = await firstRow('inbox-payees').locator('td').allTextContents();
    const entity = (await (
      await fetch(`${quip.baseUrl}/api/v1/fiscal-years/2026-27/programs/dds-qip/entities/${id}`, {
        headers: { Authorization: `Bearer ${quip.adminKey}` },
      })
    ).json()) as { name: string };
    expect(name).toBe(entity.name);
    // The demo's records are a historic load: every one on time is declared; none is missing a record.
    await page.getByRole('combobox', { name: 'Record' }).selectOption('declared');
    await expect
      .poll(() => count.textContent())
      .toBe(`${all.toLocaleString('en-US')} of ${all.toLocaleString('en-US')} payees shown`);
    await page.getByRole('combobox', { name: 'Record' }).selectOption('none');
    await expect.poll(() => count.textContent()).toBe(`0 of ${all.toLocaleString('en-US')} payees shown`);
    await page.getByRole('combobox', { name: 'Record' }).selectOption('');
    // A search by the payee's id narrows to that payee; the export is that one line.
    await page.getByTestId('inbox-payees-search').fill(id as string);
    await expect.poll(() => count.textContent()).toBe(`1 of ${all.toLocaleString('en-US')} payees shown`);
    await shot('tables-inbox-search');
    const csv = await download(() => page.getByTestId('inbox-payees-csv').click());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Payee,Name,Received,Why');
    expect(lines.length).toBe(3);
    expect(
      lines[1]?.startsWith(`${id},${entity.name.includes(',') ? `"${entity.name}"` : entity.name},`),
    ).toBe(true);
    expect(lines[1]).toMatch(/declared \d{4}-\d{2}-\d{2}/);
  }, 120_000);

  it('lists every payee by name with rates in dollars, filters by service code, subtotals and exports', async () => {
    await page.route(/\/api\/v1\/fiscal-years\/2026-27\/programs\/dds-qip\/entities\?/, (route) => {
      const url = new URL(route.request().url());
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const to = Math.min(PAYEES, from + Number(url.searchParams.get('limit') ?? 100));
      const items = Array.from({ length: to - from }, (_, j) => payee(from + j));
      return route.fulfill({ json: { items, nextCursor: to < PAYEES ? String(to) : null } });
    });
    // From here on the program's payees are the generated ones (the inbox above read the demo's).
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dds-qip/data`);
    await page.getByRole('tab', { name: 'Payees' }).click();
    const count = page.getByTestId('payees-count');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe('2,500 of 2,500 payees shown');
    expect(await firstRow('payees').locator('td').allTextContents()).toEqual([
      'E00000',
      'Home 0',
      '950',
      '$50.00',
    ]);
    // All: 2,500 x 5,000 + (0 + ... + 2,499) = 12,500,000 + 3,123,750 cents.
    expect(await page.getByTestId('payees-subtotal-rateCents').textContent()).toBe('$156,237.50');
    // Service code 950: the even i, 1,250 payees: 6,250,000 + 2 x (0 + ... + 1,249) = 6,250,000 + 1,561,250.
    await page.getByRole('combobox', { name: 'Service code' }).selectOption('950');
    await expect.poll(() => count.textContent()).toBe('1,250 of 2,500 payees shown');
    expect(await page.getByTestId('payees-subtotal-rateCents').textContent()).toBe('$78,112.50');
    // "Home 24" among them: 24; 240, 242, ..., 248 (5); 2,400, 2,402, ..., 2,498 (50): 56 payees,
    // sum of i 24 + 1,220 + 122,450 = 123,694: 56 x 5,000 + 123,694 = 403,694 cents.
    await page.getByTestId('payees-search').fill('Home 24');
    await expect.poll(() => count.textContent()).toBe('56 of 2,500 payees shown');
    expect(await page.getByTestId('payees-subtotal-rateCents').textContent()).toBe('$4,036.94');
    await shot('tables-payees-filtered');
    const csv = await download(() => page.getByTestId('payees-csv').click());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Payee,Name,Service code,Rate ($)');
    expect(lines[1]).toBe('E00024,Home 24,950,50.24');
    expect(lines.length).toBe(58); // header, 56 payees, ''
    expect(lines.slice(1, 57).every((line) => line.split(',')[2] === '950')).toBe(true);
    expect(
      lines.slice(1, 57).reduce((sum, line) => sum + Math.round(Number(line.split(',')[3]) * 100), 0),
    ).toBe(403_694);
  }, 120_000);

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
