/**
 * Payment cycles in Chromium against the real API with the demo data set (WPC 2026-27): admin A
 * creates a cycle from a succeeded run and sees the preview of what is due, is refused approving
 * its own draft in the API's words, admin B (a second key made through the API) approves it, the
 * cycle's CSV downloads with its trailer, a later run's cycle marks its recoveries, and a payee's
 * ledger shows its entries and an entitled-vs-paid chart with a text summary. Screenshots go to
 * apps/web/.tmp/payment-cycles/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedInPage, quipForFile, webDir } from './start-quip.ts';

const shots = join(webDir, '.tmp', 'payment-cycles');
const WPC = '/fiscal-years/2026-27/programs/dhcs-wpc';
const paymentsPath = `${WPC}/payments`;
const quip = quipForFile({ demo: true });
let pageA: Page;
let pageB: Page;
let firstRun = 0;
let cycleId = '';
let payee = '';
const pageErrors: string[] = [];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

async function signIn(key: string): Promise<Page> {
  return openSignedInPage(quip, pageErrors, {
    key,
    context: { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
  });
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  firstRun = await quip.succeededRun(WPC);
  pageA = await signIn(quip.adminKey);
}, 240_000);

describe('payment cycles in Chromium', () => {
  it('links the Payments page from the program list', async () => {
    await pageA
      .getByRole('link', { name: /^Payments of .*WPC|^Payments of / })
      .first()
      .waitFor();
    await pageA.goto(`${quip.baseUrl}${paymentsPath}`);
    await pageA.getByRole('heading', { level: 1, name: 'Payments: dhcs-wpc 2026-27' }).waitFor();
    await pageA.getByText('No payment cycles yet.').waitFor();
    await shot(pageA, '01-empty');
  });

  it('creates a draft cycle from the run as admin A and previews what is due by kind', async () => {
    await pageA.getByLabel('From run').selectOption(String(firstRun));
    await pageA.getByLabel('Label (optional)').fill('Interim payment, October');
    await pageA.getByRole('button', { name: 'Create draft cycle' }).click();
    const detail = pageA.getByTestId('cycle-detail');
    await detail.getByTestId('totals-by-kind').waitFor();
    const heading = (await detail.getByRole('heading', { level: 2 }).textContent()) ?? '';
    cycleId = /Cycle (\d+)/.exec(heading)?.[1] ?? '';
    expect(cycleId).not.toBe('');
    expect(heading).toContain('Draft');
    expect(await detail.textContent()).toContain(
      'not approved yet: this draft is the preview of what is due',
    );
    const row = pageA.getByRole('row', { name: new RegExp(`Cycle ${cycleId}`) });
    expect(await row.textContent()).toContain(`Run ${firstRun}`);
    payee = (await detail.getByTestId('cycle-lines').locator('tbody th').first().textContent()) ?? '';
    expect(payee).not.toBe('');
    await shot(pageA, '02-draft-preview');
  });

  it('refuses admin A approving its own draft, in the API words', async () => {
    await pageA.getByRole('button', { name: `Approve cycle ${cycleId}` }).click();
    const refusal = pageA.getByRole('alert').filter({ hasText: `Cycle ${cycleId} was not approved.` });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'a second person approves it. Ask an admin with another key.',
    );
    await shot(pageA, '03-own-approval-refused');
  });

  it('approves as admin B, a second admin key', async () => {
    const b = await quip.api<{ key: string }>('/api-keys', {
      method: 'POST',
      body: { name: 'second admin', role: 'admin' },
    });
    pageB = await signIn(b.key);
    await pageB.goto(`${quip.baseUrl}${paymentsPath}`);
    await pageB.getByRole('button', { name: `Cycle ${cycleId}` }).click();
    await pageB.getByRole('button', { name: `Approve cycle ${cycleId}` }).click();
    await pageB.getByText(`Cycle ${cycleId} is approved: its lines are in the ledger.`).waitFor();
    const row = pageB.getByRole('row', { name: new RegExp(`Cycle ${cycleId}`) });
    await expect.poll(() => row.textContent()).toContain('Approved');
    expect(await row.textContent()).toContain('second admin');
    await shot(pageB, '04-approved-by-b');
  });

  it('downloads the cycle CSV with its trailer', async () => {
    const [download] = await Promise.all([
      pageB.waitForEvent('download'),
      pageB.getByRole('button', { name: 'Download payment file (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`payment-cycle-dhcs-wpc-2026-27-${cycleId}.csv`);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toContain('cycle_id,payee_id');
    expect(csv).toContain(`${cycleId},${payee},`);
    expect(csv).toMatch(/TRAILER,.*lines/);
  });

  it('previews a later run as a second cycle, recoveries marked', async () => {
    const secondRun = await quip.succeededRun(WPC, '2027-06-30');
    await pageA.goto(`${quip.baseUrl}${paymentsPath}`);
    await pageA.getByLabel('From run').selectOption(String(secondRun));
    await pageA.getByRole('button', { name: 'Create draft cycle' }).click();
    const detail = pageA.getByTestId('cycle-detail');
    await detail.getByRole('heading', { level: 2, name: /Draft/ }).waitFor();
    // As of 2027-06-30 the housing pool shares are not yet earned: what cycle 1 paid is recovered.
    await detail.getByText(/\d+ recoveries, listed first and marked “Recovery”/).waitFor();
    const first = detail.getByTestId('cycle-lines').locator('tbody tr').first();
    expect(await first.textContent()).toContain('Recovery');
    expect(await first.getAttribute('class')).toContain('bg-red-50');
    expect(await detail.getByTestId('totals-by-kind').textContent()).toMatch(
      /pool-share\d+ \(\d+ recoveries\)/,
    );
    await shot(pageA, '05-second-draft');
  });

  it("opens a payee's ledger with running balances and an entitled-vs-paid chart", async () => {
    await pageA.getByLabel('Payee id').fill(payee);
    await pageA.getByRole('button', { name: 'Show ledger' }).click();
    const entries = pageA.getByTestId('ledger-entries');
    await entries.waitFor();
    expect(await entries.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await entries.textContent()).toContain(`Cycle ${cycleId}`);
    const chart = pageA.getByRole('figure', { name: `${payee}: entitled vs paid over cycles` });
    await chart.waitFor();
    expect(await pageA.getByTestId('payee-history-summary').textContent()).toContain(
      `Cycle ${cycleId}: paid`,
    );
    await shot(pageA, '06-payee-ledger');
    expect(pageErrors).toEqual([]);
  });
});
