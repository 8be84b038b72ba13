/**
 * The administrator's journeys in Chromium against the real API with the demo data set: sign in,
 * an invalid expression, a target edit moving the live what-if, publish, the EPT cliff chart, a
 * run to the end with its payment file, API keys, and a submitter kept out of admin pages.
 * Screenshots go to apps/web/test-results/ before each check, so a failure leaves a picture.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { quipForFile, resultsDir, signIn as signInWith, startRunInPage } from './start-quip.ts';

const quip = quipForFile({ demo: true });
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];
const eventStreams: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
const rulebookUrl = (program: string) => `${quip.baseUrl}/fiscal-years/2026-27/programs/${program}/rulebook`;

beforeAll(async () => {
  context = await quip.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(quip.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreignRequests.push(url);
    if (url.endsWith('/events')) eventStreams.push(url);
  });
}, 120_000);

/** Signs in; an admin lands on the fiscal years, a submitter on its payees' portal. */
const signIn = (p: Page, key: string, landing?: RegExp) => signInWith(p, quip.baseUrl, key, landing);

describe('admin journeys in Chromium', () => {
  it('signs in as an admin and sees the admin navigation and program pages', async () => {
    await signIn(page, quip.adminKey);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'API keys' }).waitFor();
    await page
      .getByRole('link', { name: /Rulebook of / })
      .first()
      .waitFor();
    await shot('journey-fiscal-years');
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(1);
  });

  it('explains what closing a fiscal year means before doing it', async () => {
    await page.getByRole('button', { name: 'Close 2025-26…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close fiscal year 2025-26?' });
    await dialog.waitFor();
    await shot('journey-close-dialog');
    expect(await dialog.textContent()).toContain('read-only');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('creates the next fiscal year and clones the published rulebooks into it', async () => {
    await page.getByLabel('New fiscal year').fill('2027-28');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /2027-28/ }).waitFor();
    await page.getByRole('button', { name: 'Clone into 2027-28' }).click();
    const done = page.getByText(/Cloned \d+ rulebooks? into 2027-28/);
    await done.waitFor();
    await shot('journey-clone');
    // All five programs have a published 2026-27 rulebook in the catalog, and 2027-28 had none:
    // all five cloned, none skipped.
    expect(await done.textContent()).toBe('Cloned 5 rulebooks into 2027-28 as drafts.');
  });

  it('shows an invalid expression error at its position', async () => {
    await page.goto(rulebookUrl('dds-qip'));
    await page.getByRole('button', { name: /Share of employment staff with ACRE training/ }).click();
    const applies = page.getByLabel(/Applies to/);
    await applies.fill("serviceCod in ['950', '952']");
    const alert = page.getByRole('alert').filter({ hasText: "did you mean 'serviceCode'" });
    await alert.waitFor();
    await shot('journey-invalid-expression');
    expect(await alert.textContent()).toContain('Line 1, column 1');
    expect(await applies.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('expression-caret').first().textContent()).toContain('^');
    await applies.fill("serviceCode in ['950', '952']");
    await alert.waitFor({ state: 'detached' });
  });

  it('edits a target and sees the what-if numbers change', async () => {
    // QWI: plans earn back their 0.5% withhold by meeting absolute targets; the first measure,
    // controlling blood pressure, has a target of 0.6.
    await page.goto(rulebookUrl('dhcs-qwi'));
    const met = page.getByTestId('what-if-met');
    await expect.poll(() => met.textContent(), { timeout: 30_000 }).toMatch(/ of /);
    const before = await met.textContent();
    const totalBefore = await page.getByTestId('what-if-total').textContent();
    expect(await page.getByTestId('what-if-change').textContent()).toBe('no change');
    // A lower bar: more plans meet it. A rate's target is typed as a percent (60 = 0.6).
    expect(await page.getByLabel('Target value (%)').inputValue()).toBe('60');
    await page.getByLabel('Target value (%)').fill('50');
    await expect.poll(() => met.textContent(), { timeout: 15_000 }).not.toBe(before);
    await shot('journey-what-if');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('journey-what-if-narrow');
    await page.setViewportSize({ width: 1400, height: 900 });
    const [metBefore, metAfter] = [before, await met.textContent()].map((t) => Number(t?.split(' of ')[0]));
    expect(metAfter).toBeGreaterThan(metBefore as number);
    // A lower bar earns back more withhold, and the unearned pool shrinks by as much: paid out
    // again in full as incentives the total would stay; where the 105% cap left part of the pool
    // unpaid (plans that report few measures leave much of it unearned) the total rises. Never
    // falls.
    const dollars = (t: string | null) => Number(t?.replace(/[$,]/g, ''));
    const totalAfter = await page.getByTestId('what-if-total').textContent();
    expect(dollars(totalAfter)).toBeGreaterThanOrEqual(dollars(totalBefore));
  });

  it('publishes the edited draft as version 2', async () => {
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this draft?' });
    await dialog.getByLabel('Change note (required)').fill('blood pressure target lowered to 50%');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published version 2.').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByTestId('diff').waitFor();
    await shot('journey-published-diff');
    // Version 1 -> 2 changed the target value, said in words and in the measure's unit.
    expect(await page.getByTestId('diff').textContent()).toContain(
      'Controlling High Blood Pressure (CBP): target at least 60% -> at least 50%',
    );
  });

  it('draws the EPT class table with the 500 -> 501 member cliff', async () => {
    await page.goto(rulebookUrl('dhcs-ept'));
    await page.getByRole('tab', { name: 'Payment' }).click();
    const cliffs = page.getByTestId('cliffs');
    await cliffs.waitFor();
    await shot('journey-ept-class-table');
    // 500 x $580 = $290,000.00; 501 x $397 = $198,897.00.
    expect(await cliffs.textContent()).toContain('500 → 501 members: $290,000.00 → $198,897.00');
    // A payment parameter moves the payout: class A at $600 instead of $580 a member pays more.
    await expect
      .poll(() => page.getByTestId('what-if-change').textContent(), { timeout: 30_000 })
      .toBe('no change');
    await page.getByLabel('Class A PMPY').fill('600.00');
    await expect
      .poll(() => page.getByTestId('what-if-change').textContent(), { timeout: 15_000 })
      .toMatch(/^\+\$/);
    await shot('journey-ept-what-if');
    // 500 x $600 = $300,000 now; 501 x $397 is still $198,897.
    expect(await cliffs.textContent()).toContain('500 → 501 members: $300,000.00 → $198,897.00');
  });

  it('starts a run, watches it finish and downloads the payment file', async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dhcs-ept/runs`);
    // The demo's milestones are dated through 2027: evaluate after all of them.
    await startRunInPage(page, { asOf: '2027-12-31' });
    await page
      .getByTestId('payments-total')
      .or(page.getByRole('tab', { name: 'Payments' }))
      .first()
      .waitFor();
    // The page followed the run's progress over server-sent events.
    expect(eventStreams.some((url) => /\/api\/v1\/runs\/[^/]+\/events$/.test(url))).toBe(true);
    await page.getByRole('tab', { name: 'Payments' }).click();
    await page.getByTestId('payments-total').waitFor();
    await shot('journey-run');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download payment file (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/payee_id/);
    // A payee's drill-down shows its payment down to the cent.
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.getByTestId('results-scroller').getByRole('button', { name: /^ept-/ }).first().click();
    await page.getByRole('heading', { level: 3, name: /^Payment \$/ }).waitFor();
    await shot('journey-run-payee');
    expect(await page.getByText(/count of milestones completed/).count()).toBeGreaterThan(0);
  });

  it('compares a second run with the first', async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dhcs-ept/runs`);
    // Evaluated earlier: fewer milestones count, so payees differ between the two runs.
    await startRunInPage(page, { asOf: '2027-03-31' });
    await page.getByRole('tab', { name: 'Compare' }).click();
    await shot('journey-run-compare-tab');
    await page.getByLabel('Compare with').selectOption({ index: 1 });
    await page.getByText(/payee\(s\) differ/).waitFor();
    await shot('journey-run-compare');
    expect(
      await page.getByRole('table', { name: 'Differences by payee' }).getByRole('row').count(),
    ).toBeGreaterThan(1);
  });

  it('shows the submissions inbox and the rows a bulk upload got wrong', async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dds-qip/data`);
    const inbox = page.getByRole('table', { name: 'Submissions by measure' });
    await inbox.waitFor({ timeout: 30_000 });
    await shot('journey-data-inbox');
    expect(await inbox.getByRole('rowheader', { name: 'qip-provider-directory' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Bulk upload' }).click();
    // Row 2 names a measure the rulebook does not have; row 1 is fine but the batch is all or nothing.
    await page
      .getByLabel('Or paste CSV / JSON')
      .fill(
        'entityId,measure,period,submittedOn,data.zip\nHR-000001-096,qip-provider-directory,2026-27,2026-09-01,95814\nHR-000001-096,no-such-measure,2026-27,2026-09-01,95814',
      );
    await page.getByRole('button', { name: 'Upload' }).click();
    const errors = page.getByTestId('row-errors');
    await errors.waitFor();
    await shot('journey-upload-errors');
    // Both rows are named: row 1's unknown field, row 2's unknown measure.
    expect(await errors.textContent()).toContain('unknown measure');
    expect(await errors.getByRole('row').count()).toBe(3);
    // Checking the same file finds the same errors, and says the file would be refused.
    await page.getByRole('button', { name: 'Check file' }).click();
    await page
      .getByRole('alert')
      .getByText(/The check found errors/)
      .waitFor();
    expect(await errors.getByRole('row').count()).toBe(3);
  });

  it('checks a file with a finding, uploads it, and sees its receipt and history in the inbox', async () => {
    // A 9-digit phone breaks the directory's accuracy rule: a finding, so stored and flagged.
    const file =
      'entityId,measure,period,data.businessName,data.phone,data.email,data.zipCodesServed,data.languages,data.providerType,data.verifiedOn\n' +
      'HR-000001-096,qip-provider-directory,2026-27,Harbor Homes,916555010,info@harbor.example,95814,en;es,agency,2026-09-10';
    const stamp = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} P[DS]T/;
    await page.getByLabel('Or paste CSV / JSON').fill(file);
    await page.getByRole('button', { name: 'Check file' }).click();
    const summary = page.getByTestId('batch-summary');
    await summary.getByText('nothing stored').waitFor();
    await shot('journey-upload-dry-run');
    expect(await summary.textContent()).toMatch(/1 row would be accepted/);
    expect(await page.getByTestId('row-warnings').textContent()).toContain('data.phone');
    expect(await page.getByTestId('row-errors').count()).toBe(0);

    await page.getByRole('button', { name: 'Upload' }).click();
    await summary.getByText(/Stored 1 row/).waitFor();
    await shot('journey-upload-warnings');
    expect(await summary.textContent()).toMatch(stamp);
    const warnings = page.getByTestId('row-warnings');
    // The phone, and (the demo has a clean record for this payee) that it replaces a clean version.
    expect(await warnings.textContent()).toContain('data.phone');
    // The record is line 2 of the file: the CSV header is line 1.
    expect(await warnings.getByRole('cell').first().textContent()).toBe('line 2');

    await page.getByRole('tab', { name: 'Submissions inbox' }).click();
    const directory = page
      .getByRole('table', { name: 'Submissions by measure' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'qip-provider-directory' }) });
    await directory.getByRole('button', { name: /Incomplete or inaccurate/ }).click();
    const payee = page
      .getByRole('table', { name: 'Payees of qip-provider-directory' })
      .getByRole('row')
      .filter({ hasText: 'HR-000001-096' });
    await payee.waitFor();
    expect(await payee.getByTestId('received').textContent()).toMatch(stamp);
    await payee.getByRole('button', { name: 'History of HR-000001-096' }).click();
    const versions = page.getByRole('table', { name: /Versions of HR-000001-096/ });
    await versions.getByRole('row').nth(1).waitFor();
    await shot('journey-inbox-history');
    const last = versions.getByRole('row').last();
    expect(await last.textContent()).toMatch(stamp);
    expect(await last.textContent()).toContain('data.phone');

    // The demo's records were loaded as historic ones: their declared day shows beside the receipt.
    await directory.getByRole('button', { name: /On time/ }).click();
    const onTime = page
      .getByRole('table', { name: 'Payees of qip-provider-directory' })
      .getByTestId('received');
    await onTime.first().waitFor();
    await shot('journey-inbox-declared');
    expect(await onTime.first().textContent()).toMatch(/P[DS]Tdeclared \d{4}-\d{2}-\d{2}/);
  });

  it('creates an API key, shows it once, and revokes it', async () => {
    await page.goto(`${quip.baseUrl}/api-keys`);
    await page.getByLabel('Name').fill('Journey analyst');
    await page.getByLabel('Role').selectOption('analyst');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = page.getByTestId('new-key');
    await key.waitFor();
    expect((await key.textContent())?.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Revoke Journey analyst' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('cell', { name: /revoked/ }).waitFor();
    await shot('journey-api-keys');
  });

  it('verifies the audit log hash chain', async () => {
    await page.goto(`${quip.baseUrl}/audit`);
    await page.getByTestId('audit-count').waitFor();
    // The server filters by part of the action: this journey published once (QWI version 2),
    // and the entry carries the change note typed in the publish dialog.
    await page.getByLabel('Action').fill('rulebook.publish');
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('1 of 1 entries shown');
    const entry = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'rulebook.publish' }) });
    expect(await entry.textContent()).toContain('dhcs-qwi');
    expect(await entry.textContent()).toContain('blood pressure target lowered to 50%');
    await page.getByRole('button', { name: 'Verify the hash chain' }).click();
    await page.getByText('The chain is intact').waitFor();
    await shot('journey-audit');
  });

  it('keeps a submitter key out of admin pages', async () => {
    const { key } = await quip.api<{ key: string }>('/api-keys', {
      method: 'POST',
      body: { name: 'Journey submitter', role: 'submitter', entityIds: ['ept-0001'] },
    });
    const other = await quip.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await other.newPage();
    p.setDefaultTimeout(20_000);
    await signIn(p, key, /\/portal$/);
    const nav = p.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Your payees' }).waitFor();
    await nav.getByRole('link', { name: 'Fiscal years' }).waitFor();
    expect(await nav.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    expect(await p.getByRole('link', { name: /Rulebook of/ }).count()).toBe(0);
    for (const path of ['/api-keys', '/audit', '/fiscal-years/2026-27/programs/dhcs-ept/rulebook']) {
      await p.goto(`${quip.baseUrl}${path}`);
      await p.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    }
    await p.screenshot({ path: join(resultsDir, 'journey-submitter-not-allowed.png'), fullPage: true });
    await other.close();
  });

  it('threw no page errors and loaded nothing from another origin', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
