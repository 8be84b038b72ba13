/**
 * Issue 17's spreadsheet basics on the run diff, the data inbox's lists, the payee list and a run's
 * results, in Chromium against the real API with the demo data (the inbox and the results from
 * it; the diff's and the payee list's answers made by page.route from 100,000 generated rows, so
 * every amount below is worked by hand): names beside ids, dollars not cents, a filter and a
 * search narrowing the rows, the subtotal of what is shown, sorting, and the CSV export of exactly
 * what is shown; at 100,000 rows the table answers while pages are still arriving and after.
 * Screenshots go to apps/web/test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedInPage, quipForFile, resultsDir } from './start-quip.ts';
import {
  csvLines,
  download,
  firstRowCells,
  gate,
  pagedAnswer,
  rowsHeld,
  rowsWhileHeld,
  runAnswer,
  sortDescending,
  subtotal,
  sumCents,
  tableCount,
} from './table-steps.ts';

const quip = quipForFile({ demo: true });
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(resultsDir, `${name}.png`) });

const RUN = 757575;
const AGAINST = 757574;
/**
 * 100,000 payees differ, in 20 pages of 5,000: payee i (0..99,999) was paid 10,000 + i cents and
 * is now paid 100 cents less (i % 3 = 0), the same (i % 3 = 1) or 100 cents more (i % 3 = 2).
 */
const DIFFERING = 100_000;
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
/** 100,000 payees: payee i has service code 950 (i even) or 096 (i odd) and a rate of 5,000 + i cents. */
const PAYEES = 100_000;
const payee = (i: number) => ({
  id: `E${String(i).padStart(5, '0')}`,
  name: `Home ${i}`,
  serviceCode: i % 2 === 0 ? '950' : '096',
  rateCents: 5_000 + i,
});
/** The last page of each list waits until the test has used the table while it loads. */
const diffHeld = gate();
const payeesHeld = gate();
const count = (n: number) => n.toLocaleString('en-US');

beforeAll(async () => {
  const api = `${quip.baseUrl}/api/v1`;
  const run = (id: number, asOf: string) =>
    runAnswer(id, asOf, { payees: 10, totalCents: 0, byLineKind: {} });
  page = await openSignedInPage(quip, pageErrors, {
    context: { viewport: { width: 1400, height: 900 }, acceptDownloads: true },
    prepare: async (p) => {
      await p.route(`${api}/runs/${RUN}`, (route) => route.fulfill({ json: run(RUN, '2027-06-30') }));
      await p.route(`${api}/runs/${RUN}/events`, (route) => route.fulfill({ status: 404, json: {} }));
      await p.route(new RegExp(`/api/v1/runs/${RUN}/(results|payments)\\?`), (route) =>
        route.fulfill({ json: { items: [], nextCursor: null } }),
      );
      await p.route(/\/api\/v1\/fiscal-years\/2026-27\/programs\/dds-qip\/runs\?/, (route) =>
        route.fulfill({
          json: { items: [run(RUN, '2027-06-30'), run(AGAINST, '2027-05-31')], nextCursor: null },
        }),
      );
      await p.route(
        new RegExp(`/api/v1/runs/${RUN}/diff\\?against=${AGAINST}&`),
        pagedAnswer(
          DIFFERING,
          diffPayee,
          (payees, nextCursor) => ({
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
            payees,
            nextCursor,
            truncated: nextCursor !== null,
          }),
          { from: 95_000, until: diffHeld.until },
        ),
      );
    },
  });
}, 180_000);

describe('spreadsheet basics on the run diff, the payee list and the results, in Chromium', () => {
  it('lists 100,000 differing payees by name, filters the gains, subtotals, sorts and exports what is shown', async () => {
    await page.goto(`${quip.baseUrl}/runs/${RUN}`);
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByLabel('Compare with').selectOption({ label: `Run ${AGAINST} (as of 2027-05-31)` });
    const total = page.getByRole('combobox', { name: 'Total' });
    // 95,000 payees are in, the last page is held: the table already filters what it has.
    const loaded = await rowsWhileHeld(page, 'diff', '95,000');
    await total.selectOption('gain');
    // The gains among payees 0 .. loaded - 1: i = 2, 5, 8, ...
    const gainsLoaded = Array.from({ length: loaded }, (_, i) => i).filter((i) => i % 3 === 2).length;
    await expect
      .poll(() => tableCount(page, 'diff'))
      .toBe(`${count(gainsLoaded)} of ${count(loaded)} payees shown (loading: 95,000 so far)`);
    await total.selectOption('');
    diffHeld.release();
    await expect
      .poll(() => tableCount(page, 'diff'), { timeout: 90_000 })
      .toBe('100,000 of 100,000 payees shown');
    // Names beside ids; dollars, not cents: payee 0 went from 10,000 to 9,900 cents.
    expect(await firstRowCells(page, 'diff')).toEqual([
      'D00000',
      'Provider 0',
      '$100.00',
      '$99.00',
      '-$1.00',
      'cie (value, met)',
    ]);
    // Every payee: from = 100,000 x 10,000 + (0 + ... + 99,999) = 1,000,000,000 + 4,999,950,000
    // cents; the changes: 33,334 payees (i % 3 = 0) -100 each, 33,333 (i % 3 = 2) +100: -100 cents.
    expect(await subtotal(page, 'diff', 'from')).toBe('$59,999,500.00');
    expect(await subtotal(page, 'diff', 'change')).toBe('-$1.00');
    // The gains: i % 3 = 2, i = 2, 5, ..., 99,998 (33,333 payees, sum of i 33,333 x 50,000 =
    // 1,666,650,000), now paid 10,100 + i: 336,663,300 + 1,666,650,000 = 2,003,313,300 cents.
    await total.selectOption('gain');
    await expect.poll(() => tableCount(page, 'diff')).toBe('33,333 of 100,000 payees shown');
    expect(await subtotal(page, 'diff', 'to')).toBe('$20,033,133.00');
    expect(await subtotal(page, 'diff', 'change')).toBe('$33,333.00');
    // Sorted by this run's total, descending (the first click on an amount): the largest gain is
    // payee 99,998, now paid 10,100 + 99,998 = 110,098 cents.
    await sortDescending(page, `Run ${RUN}`);
    expect((await firstRowCells(page, 'diff')).slice(0, 4)).toEqual([
      'D99998',
      'Provider 99998',
      '$1,099.98',
      '$1,100.98',
    ]);
    // The page answers at once after sorting 33,333 of 100,000 rows: every key typed lands in
    // the search box, and the search on top narrows the rows. "Provider 59" among the gains:
    // i = 59; 590, 593, 596, 599 (sum 2,378); 5,900 .. 5,999 (34, sum 202,283); 59,000, 59,003,
    // ..., 59,999 (334, sum 334 x 59,499.5 = 19,872,833): 373 payees, sum of i 20,077,553, now
    // paid 373 x 10,100 + 20,077,553 = 23,844,853 cents, each +100 cents.
    await page.getByTestId('diff-search').pressSequentially('Provider 59');
    expect(await page.getByTestId('diff-search').inputValue()).toBe('Provider 59');
    await expect.poll(() => tableCount(page, 'diff')).toBe('373 of 100,000 payees shown');
    expect(await subtotal(page, 'diff', 'to')).toBe('$238,448.53');
    expect(await subtotal(page, 'diff', 'change')).toBe('$373.00');
    await page.getByTestId('diff-scroller').scrollIntoViewIfNeeded();
    await shot('tables-diff-filtered');
    // The export is what is shown, in its order: payee 59,999 first (69,999 -> 70,099 cents), 59 last.
    const { header, lines } = csvLines(await download(page, () => page.getByTestId('diff-csv').click()));
    expect(header).toBe(`Payee,Name,Run ${AGAINST} ($),Run ${RUN} ($),Change ($),Measures changed`);
    expect(lines[0]).toBe('D59999,Provider 59999,699.99,700.99,1.00,"cie (value, met)"');
    expect(lines.at(-1)).toBe('D00059,Provider 59,100.59,101.59,1.00,"cie (value, met)"');
    expect(lines.length).toBe(373);
    expect(sumCents(lines, 3)).toBe(23_844_853);
    expect(sumCents(lines, 4)).toBe(37_300);
  }, 240_000);

  it('lists the payees of an inbox box by name, searches them and exports what is shown', async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dds-qip/data`);
    const directory = page
      .getByRole('table', { name: 'Submissions by measure' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'qip-provider-directory' }) });
    await directory.getByRole('button', { name: /On time/ }).click();
    await expect
      .poll(() => tableCount(page, 'inbox-payees'), { timeout: 60_000 })
      .toMatch(/^[1-9][\d,]* of [\d,]+ payees shown$/);
    const all = count(await rowsHeld(page, 'inbox-payees'));
    // The first payee's name, as the API names it, beside its id.
    const [id, name] = await firstRowCells(page, 'inbox-payees');
    const entity = await quip.api<{ name: string }>(`/fiscal-years/2026-27/programs/dds-qip/entities/${id}`);
    expect(name).toBe(entity.name);
    // The demo's records are a historic load: every one on time is declared; none is missing a record.
    await page.getByRole('combobox', { name: 'Record' }).selectOption('declared');
    await expect.poll(() => tableCount(page, 'inbox-payees')).toBe(`${all} of ${all} payees shown`);
    await page.getByRole('combobox', { name: 'Record' }).selectOption('none');
    await expect.poll(() => tableCount(page, 'inbox-payees')).toBe(`0 of ${all} payees shown`);
    await page.getByRole('combobox', { name: 'Record' }).selectOption('');
    // A search by the payee's id narrows to that payee; the export is that one line.
    await page.getByTestId('inbox-payees-search').fill(id as string);
    await expect.poll(() => tableCount(page, 'inbox-payees')).toBe(`1 of ${all} payees shown`);
    await shot('tables-inbox-search');
    const { header, lines } = csvLines(
      await download(page, () => page.getByTestId('inbox-payees-csv').click()),
    );
    expect(header).toBe('Payee,Name,Received,Why');
    expect(lines.length).toBe(1);
    expect(
      lines[0]?.startsWith(`${id},${entity.name.includes(',') ? `"${entity.name}"` : entity.name},`),
    ).toBe(true);
    expect(lines[0]).toMatch(/declared \d{4}-\d{2}-\d{2}/);
  }, 120_000);

  it('lists 100,000 payees by name with rates in dollars, filters by service code, subtotals, sorts and exports', async () => {
    await page.route(
      /\/api\/v1\/fiscal-years\/2026-27\/programs\/dds-qip\/entities\?/,
      pagedAnswer(PAYEES, payee, undefined, { from: 99_000, until: payeesHeld.until }),
    );
    // From here on the program's payees are the generated ones (the inbox above read the demo's).
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dds-qip/data`);
    await page.getByRole('tab', { name: 'Payees' }).click();
    const serviceCode = page.getByRole('combobox', { name: 'Service code' });
    // 99,000 payees are in, the last page is held: the filter already works on what is loaded,
    // half of it (the even i) with service code 950.
    const loaded = await rowsWhileHeld(page, 'payees', '99,000');
    await serviceCode.selectOption('950');
    await expect
      .poll(() => tableCount(page, 'payees'))
      .toBe(`${count(Math.ceil(loaded / 2))} of ${count(loaded)} payees shown (loading: 99,000 so far)`);
    // The filter stays chosen while the rest arrives: service code 950 is the even i, 50,000
    // payees: 50,000 x 5,000 + 2 x (0 + ... + 49,999) = 250,000,000 + 2,499,950,000 cents.
    payeesHeld.release();
    await expect
      .poll(() => tableCount(page, 'payees'), { timeout: 90_000 })
      .toBe('50,000 of 100,000 payees shown');
    expect(await subtotal(page, 'payees', 'rateCents')).toBe('$27,499,500.00');
    await serviceCode.selectOption('');
    await expect.poll(() => tableCount(page, 'payees')).toBe('100,000 of 100,000 payees shown');
    expect(await firstRowCells(page, 'payees')).toEqual(['E00000', 'Home 0', '950', '$50.00']);
    // All: 100,000 x 5,000 + (0 + ... + 99,999) = 500,000,000 + 4,999,950,000 cents.
    expect(await subtotal(page, 'payees', 'rateCents')).toBe('$54,999,500.00');
    // Sorted by rate, descending (the first click on an amount): payee 99,999 first.
    await sortDescending(page, 'Rate');
    expect(await firstRowCells(page, 'payees')).toEqual(['E99999', 'Home 99999', '096', '$1,049.99']);
    // The page answers at once after sorting 100,000 rows: the keys typed land in the search box.
    // "Home 24" among service code 950: 24; 240, 242, ..., 248 (5, sum 1,220); 2,400 .. 2,498
    // (50, sum 122,450); 24,000 .. 24,998 (500, sum 500 x 24,499 = 12,249,500): 556 payees, sum of
    // i 12,373,194: 556 x 5,000 + 12,373,194 = 15,153,194 cents.
    await serviceCode.selectOption('950');
    await page.getByTestId('payees-search').pressSequentially('Home 24');
    expect(await page.getByTestId('payees-search').inputValue()).toBe('Home 24');
    await expect.poll(() => tableCount(page, 'payees')).toBe('556 of 100,000 payees shown');
    expect(await subtotal(page, 'payees', 'rateCents')).toBe('$151,531.94');
    await shot('tables-payees-filtered');
    // The export is what is shown, by rate descending: 24,998 (29,998 cents) first, 24 last.
    const { header, lines } = csvLines(await download(page, () => page.getByTestId('payees-csv').click()));
    expect(header).toBe('Payee,Name,Service code,Rate ($)');
    expect(lines[0]).toBe('E24998,Home 24998,950,299.98');
    expect(lines.at(-1)).toBe('E00024,Home 24,950,50.24');
    expect(lines.length).toBe(556);
    expect(lines.every((line) => line.split(',')[2] === '950')).toBe(true);
    expect(sumCents(lines, 3)).toBe(15_153_194);
  }, 240_000);

  it("names each result's payee beside its id, finds the results by the name and exports it", async () => {
    // A run of the demo's QWI program: its payees are the catalog's 25 managed care plans, plan
    // mcp-01 named 'Sample Health Plan 01' (managed-care-plans.ts).
    const runId = await quip.succeededRun('/fiscal-years/2026-27/programs/dhcs-qwi');
    const answer = await quip.api<{ items: { entityId: string }[]; nextCursor: string | null }>(
      `/runs/${runId}/results?limit=1000`,
    );
    expect(answer.nextCursor).toBeNull();
    const ofPlan = answer.items.filter((r) => r.entityId === 'mcp-01').length;
    expect(ofPlan).toBeGreaterThan(0);
    const all = count(answer.items.length);
    await page.goto(`${quip.baseUrl}/runs/${runId}`);
    await expect
      .poll(() => tableCount(page, 'results'), { timeout: 60_000 })
      .toBe(`${all} of ${all} results shown`);
    // The search finds the plan by its name: its results only, its name beside its id.
    await page.getByTestId('results-search').fill('sample health plan 01');
    await expect.poll(() => tableCount(page, 'results')).toBe(`${ofPlan} of ${all} results shown`);
    expect((await firstRowCells(page, 'results')).slice(0, 2)).toEqual(['mcp-01', 'Sample Health Plan 01']);
    await page.getByTestId('results-scroller').scrollIntoViewIfNeeded();
    await shot('tables-results-by-name');
    const { header, lines } = csvLines(await download(page, () => page.getByTestId('results-csv').click()));
    expect(header).toBe('Payee,Name,Measure,Status,Value,Target,Met,Points');
    expect(lines.length).toBe(ofPlan);
    expect(lines.every((line) => line.startsWith('mcp-01,Sample Health Plan 01,'))).toBe(true);
  }, 180_000);

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
