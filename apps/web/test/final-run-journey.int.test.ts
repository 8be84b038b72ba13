/**
 * Dates of a run and the final run, in Chromium against the real API with the demo data set: a
 * run started without a date takes the rulebook's last due date (WPC 2026-27: reports due
 * 2027-07-31, after the year's 2027-06-30), its page shows that date and its rulebook version, an
 * admin marks it final and sees it shown as final; a run as of another day compares with it
 * naming the date as what changed; closing the year then lists the programs that
 * are not ready, closing anyway works, and the final run shows as locked. Screenshots go to apps/web/test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedInPage, quipForFile, resultsDir, startRunInPage } from './start-quip.ts';

const quip = quipForFile({ demo: true });
let page: Page;
let runUrl = '';
let secondUrl = '';
const idOf = (url: string) => url.split('/').pop();
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });

beforeAll(async () => {
  page = await openSignedInPage(quip, pageErrors);
}, 120_000);

describe('the dates of a run and the final run in Chromium', () => {
  it("starts a run on the rulebook's last due date and shows its date and rulebook version", async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dhcs-wpc/runs`);
    // WPC's enrollment and progress reports are due 2027-07-31, after the year ends on 2027-06-30.
    const hint = page.locator('#as-of-hint');
    await expect.poll(() => hint.textContent()).toContain('Default: 2027-07-31');
    runUrl = await startRunInPage(page);
    expect(await page.getByTestId('run-as-of').textContent()).toBe('2027-07-31');
    expect(await page.getByTestId('run-rulebook-version').textContent()).toBe('version 1');
    expect(await page.getByTestId('run-final').textContent()).toBe('No');
    await shot('final-run-page-before');
  });

  it('marks the run final and shows it as final on the run page and in the runs list', async () => {
    await page.getByRole('button', { name: 'Mark as the final run…' }).click();
    const dialog = page.getByRole('dialog', { name: /Mark run \S+ as the final run\?/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('as of 2027-07-31, rulebook version 1');
    await shot('final-run-confirm');
    await dialog.getByRole('button', { name: /Mark run \S+ final/ }).click();
    await expect.poll(() => page.getByTestId('run-final').textContent()).toBe('Yes, the official run');
    await page.getByText('Final (official)').waitFor();
    expect(await page.getByRole('button', { name: 'Mark as the final run…' }).count()).toBe(0);
    await shot('final-run-page-after');

    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dhcs-wpc/runs`);
    const item = page.getByRole('listitem').filter({ hasText: 'as of 2027-07-31' });
    await item.getByText('Final (official)').waitFor();
    expect(await item.textContent()).toContain('rulebook version 1');
    await shot('final-run-list');
  });

  it('compares a run as of 2027-06-30 with the final run and names the date as what changed', async () => {
    await startRunInPage(page, { asOf: '2027-06-30', leaving: runUrl });
    expect(await page.getByTestId('run-as-of').textContent()).toBe('2027-06-30');
    await page.getByRole('tab', { name: 'Compare' }).click();
    secondUrl = page.url();
    await page.getByLabel('Compare with').selectOption({ label: `Run ${idOf(runUrl)} (as of 2027-07-31)` });
    const inputs = page.getByRole('list', { name: 'Inputs compared' });
    await inputs.waitFor();
    // Same rulebook and data, another day: the date is named as the change, not "data the same" alone.
    expect(await inputs.getByRole('listitem').allTextContents()).toEqual([
      '● As-of date changed: 2027-07-31 → 2027-06-30',
      '○ Rulebook the same: version 1',
      expect.stringMatching(/^○ Data the same: submissions up to #\d+$/),
    ]);
    await shot('final-run-compare');
  });

  it('refuses to close the year while other programs have no final run, listing them', async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years`);
    await page.getByRole('button', { name: 'Close 2026-27…' }).click();
    await page
      .getByRole('dialog', { name: 'Close fiscal year 2026-27?' })
      .getByRole('button', { name: 'Close 2026-27' })
      .click();
    const refusal = page.getByRole('alert').filter({ hasText: '2026-27 was not closed' });
    await refusal.waitFor();
    await shot('final-run-close-refused');
    const text = (await refusal.textContent()) ?? '';
    // dhcs-wpc has its final run and a newer one (as of 2027-06-30); the four other catalog
    // programs have no final run yet.
    for (const program of ['dds-qip', 'dhcs-ept', 'dhcs-mcas', 'dhcs-qwi'])
      expect(text).toContain(`${program} has no official run`);
    expect(text).toContain(`dhcs-wpc has run ${idOf(secondUrl)} newer than its official run ${idOf(runUrl)}`);
  });

  it('closes the year only when the administrator confirms closing anyway', async () => {
    await page.getByRole('button', { name: 'Close 2026-27 anyway…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close 2026-27 although it is not ready?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('The audit log records that you closed it anyway');
    await shot('final-run-close-anyway');
    await dialog.getByRole('button', { name: 'Close 2026-27 anyway' }).click();
    const section = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2, name: /2026-27/ }) });
    await section.getByText('Closed (read-only)').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '2026-27 was not closed' }).count()).toBe(0);
    await shot('final-run-closed-anyway');
  });

  it('shows the final run as locked once its year is closed, and starts no run in it', async () => {
    await page.goto(runUrl);
    await page.getByText('Locked: the fiscal year is closed.').waitFor();
    expect(await page.getByTestId('run-final').textContent()).toBe('Yes, the official run');
    expect(await page.getByRole('button', { name: 'Mark as the final run…' }).count()).toBe(0);
    await shot('final-run-locked');
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dhcs-wpc/runs`);
    await page.getByRole('button', { name: 'Start a run' }).click();
    await page.getByRole('alert').filter({ hasText: 'no run can start' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
