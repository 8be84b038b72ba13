/**
 * Scorecards, the submitter portal and review requests in Chromium against the real API (issue
 * 16), on the dds-qip worked example of docs/programs/dds-qip.md (the payees of section 4 and the
 * records of section 6, loaded by an administrator, run as of 2027-08-31: section 7's figures).
 * The API runs on the real clock, so no record may be received after today: the records the
 * example receives in 2027 are declared received on 2026-12-01 (on time, dates in their data
 * moved before it), and Bayview's late outcomes file is left out (missing, as late, is not met),
 * which keeps section 7's figures whatever day the test runs.
 * The administrator publishes the run as preliminary, opens Bayview's scorecard from the payments
 * table and prints it (and every payee's); Bayview's submitter signs in, lands on its payees, sees
 * its standing, the published run with its own totals and its own scorecard only, and files a
 * review request; the administrator accepts it; the submitter's page shows the decision without
 * a reload (server-sent events). Screenshots go to apps/web/test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
// The catalog's export-map entry (the SPA's package does not depend on the catalog): the worked
// example's payees and records, as the API's own review test loads them.
import { docExample } from '../../../packages/catalog/src/index.ts';
import { openSignedInPage, quipForFile, resultsDir } from './start-quip.ts';

const PROGRAM = '/fiscal-years/2026-27/programs/dds-qip';
const BAYVIEW = 'PV1234-950';
const VALLEY = 'TR9012-875';
const quip = quipForFile({ demo: false });
let admin: Page;
let submitter: Page;
let runId = 0;
let bayviewKey = '';
let requestId = '';
const pageErrors: string[] = [];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(resultsDir, `review-${name}.png`), fullPage: true });

/** Section 6's records as received by `day`, Bayview's late outcomes file left out. */
function receivedBy(day: string) {
  const records = docExample('dds-qip', 'submissions dds-qip 2026-27 admin received=2027-08-31') as {
    entityId: string;
    measure: string;
    submittedOn: string;
    data: Record<string, unknown>;
  }[];
  // A date in the record's data on or after `day` (a survey completed in 2027) moves to the day before.
  const before = (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= day ? '2026-11-30' : v;
  return records
    .filter((r) => !(r.entityId === BAYVIEW && r.measure === 'qip-employment-outcomes'))
    .map((r) =>
      r.submittedOn < day
        ? r
        : {
            ...r,
            submittedOn: day,
            data: Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, before(v)])),
          },
    );
}

/** The submitter portal's section of dds-qip 2026-27. */
const year = () => submitter.getByRole('region', { name: 'dds-qip 2026-27' });

const signIn = (key: string, lands: RegExp): Promise<Page> =>
  openSignedInPage(quip, pageErrors, { key, lands });

beforeAll(async () => {
  await quip.api(`${PROGRAM}/entities`, {
    method: 'POST',
    body: docExample('dds-qip', 'payees dds-qip 2026-27'),
  });
  await quip.api(`${PROGRAM}/submissions`, { method: 'POST', body: receivedBy('2026-12-01') });
  runId = await quip.succeededRun(PROGRAM, '2027-08-31');
  const created = await quip.api<{ key: string }>('/api-keys', {
    method: 'POST',
    body: { name: 'Bayview Supported Employment', role: 'submitter', entityIds: [`dds-qip:${BAYVIEW}`] },
  });
  bayviewKey = created.key;
  admin = await signIn(quip.adminKey, /\/fiscal-years$/);
}, 180_000);

describe('review and correction in Chromium', () => {
  it('publishes the run as preliminary with a review end date', async () => {
    await admin.goto(`${quip.baseUrl}/runs/${runId}`);
    await expect
      .poll(() => admin.getByTestId('run-stage').textContent())
      .toBe('Not published to its payees.');
    await admin.getByLabel('Review requests until').fill('2027-09-30');
    await admin.getByRole('button', { name: 'Publish as preliminary' }).click();
    await expect
      .poll(() => admin.getByTestId('run-stage').textContent())
      .toBe('Published as preliminary: payees may ask for a review until September 30, 2027.');
    await shot(admin, 'run-published');
  });

  it("opens Bayview's scorecard from the payments table, with section 7's amounts", async () => {
    await admin.getByRole('tab', { name: 'Payments' }).click();
    await admin.getByRole('link', { name: `Scorecard of ${BAYVIEW}` }).click();
    await admin.waitForURL(new RegExp(`/runs/${runId}/scorecards/${BAYVIEW}$`));
    const card = admin.getByTestId(`scorecard-${BAYVIEW}`);
    await card.waitFor();
    // Section 7: base 1,000 hours x $45.00 = $45,000.00; incentive $5,000.00 x 5/6 of the weights
    // met = $4,166.67; earned $49,166.67 of a possible $50,000.00; not earned $833.33 (the
    // outcomes file, weight 1 of 6, due 2027-07-31, is not met: here it never came).
    expect(await card.getByTestId('scorecard-total').textContent()).toBe('$49,166.67');
    expect(await card.getByTestId('scorecard-potential').textContent()).toBe('$50,000.00');
    expect(await card.getByTestId('scorecard-forgone').textContent()).toBe('$833.33');
    expect(await card.getByTestId('scorecard-stage').textContent()).toBe(
      'Preliminary results: open for review',
    );
    const outcomes = card.getByTestId('measure-qip-employment-outcomes');
    expect(await outcomes.textContent()).toContain('Not met');
    expect(await outcomes.textContent()).toContain('Due:July 31, 2027');
    expect(await outcomes.textContent()).toContain('Received:nothing');
    expect(await outcomes.textContent()).toContain('Meeting it adds:$833.33');
    await shot(admin, 'scorecard');
  });

  it('prints the scorecard without the navigation', async () => {
    await admin.emulateMedia({ media: 'print' });
    expect(await admin.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await admin.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await admin.getByTestId('scorecard-total').isVisible()).toBe(true);
    await shot(admin, 'scorecard-print');
    await admin.emulateMedia({ media: 'screen' });
  });

  it("prints every payee's scorecard of the run, one a page", async () => {
    await admin.goto(`${quip.baseUrl}/runs/${runId}/scorecards`);
    await expect
      .poll(() => admin.getByTestId('print-progress').textContent())
      .toBe('3 of 3 scorecards loaded');
    await admin.emulateMedia({ media: 'print' });
    const cards = admin.locator('article.scorecard');
    expect(await cards.count()).toBe(3);
    expect(await cards.evaluateAll((all) => all.map((a) => getComputedStyle(a).breakAfter))).toEqual([
      'page',
      'page',
      'page',
    ]);
    // Maple House (section 7): incentive rate 10% of 1,250,000 = 125,000 cents, base rate 1,125,000;
    // every measure met: 48 x 1,125,000 + 48 x 125,000 = 54,000,000 + 6,000,000 = 60,000,000 cents.
    expect(await admin.getByTestId('scorecard-HR5678-915').getByTestId('scorecard-total').textContent()).toBe(
      '$600,000.00',
    );
    await shot(admin, 'print-all');
    await admin.emulateMedia({ media: 'screen' });
  });

  it('lands a submitter on its payees: standing, calendar, and the run published to it', async () => {
    submitter = await signIn(bayviewKey, /\/portal$/);
    const standing = year().getByTestId(`standing-${BAYVIEW}`);
    await standing.waitFor();
    // The calendar is the API's: every due date of the standing answer, in words.
    const answer = await quip.api<{ calendar: { dueDate: string; status: string }[] }>(
      `${PROGRAM}/entities/${BAYVIEW}/standing`,
      { key: bayviewKey },
    );
    const rows = standing.getByTestId('standing-calendar').locator('tbody tr');
    expect(await rows.count()).toBe(answer.calendar.length);
    expect(await standing.getByTestId('standing-calendar').textContent()).toContain('September 30, 2026');
    await shot(submitter, 'portal-standing');

    // Its key reaches dds-qip in every open year (2026-27 and 2025-26): the run is 2026-27's.
    await year().getByRole('tab', { name: 'Published results' }).click();
    const run = submitter.getByTestId(`published-run-${runId}`);
    await run.waitFor();
    // Its own payee's totals only: Bayview's 4,916,667 cents, not the run's 73,041,042.
    expect(await run.textContent()).toContain(
      'preliminary results, open for review until September 30, 2027',
    );
    expect(await run.textContent()).toContain('$49,166.67 to your payee.');
    expect(await run.getByRole('link', { name: /^Scorecard of / }).allTextContents()).toEqual([
      `Scorecard of ${BAYVIEW}`,
    ]);
    await shot(submitter, 'portal-results');
  });

  it('shows the submitter its own scorecard and not another payee’s', async () => {
    await submitter.goto(`${quip.baseUrl}/runs/${runId}/scorecards/${BAYVIEW}`);
    expect(await submitter.getByTestId('scorecard-total').textContent()).toBe('$49,166.67');
    await submitter.goto(`${quip.baseUrl}/runs/${runId}/scorecards/${VALLEY}`);
    await submitter.getByRole('alert').filter({ hasText: 'The scorecard could not be loaded.' }).waitFor();
    expect(await submitter.getByTestId(`scorecard-${VALLEY}`).count()).toBe(0);
  });

  it('files a review request of a measure', async () => {
    await submitter.goto(`${quip.baseUrl}/portal`);
    await year().getByRole('tab', { name: 'Published results' }).click();
    await year().getByText(`Ask for a review of ${BAYVIEW}`).click();
    const form = submitter.getByRole('form', { name: 'Ask for a review of Bayview Supported Employment' });
    await form
      .getByLabel('What you dispute')
      .selectOption({ label: "Employment: people's job moves and retention" });
    await form.getByLabel('Reason').fill('We emailed the outcomes file on 2027-07-29, before the due date.');
    await form.getByLabel('The value you say is right (optional)').fill('true');
    await form.getByRole('button', { name: 'File the request' }).click();
    const filed = await form
      .getByRole('status')
      .filter({ hasText: /^Request \d+ filed: it is open\.$/ })
      .textContent();
    requestId = /Request (\d+)/.exec(filed ?? '')?.[1] ?? '';
    const listed = submitter.getByTestId(`request-${requestId}`);
    await listed.waitFor();
    expect(await listed.getByTestId('request-status').textContent()).toBe('Open: waiting for a decision');
    await shot(submitter, 'request-filed');
  });

  it('lets the administrator accept it, and the submitter sees the decision without reloading', async () => {
    await admin.goto(`${quip.baseUrl}/requests`);
    const request = admin.getByTestId(`request-${requestId}`);
    await request.waitFor();
    expect(await request.textContent()).toContain('We emailed the outcomes file on 2027-07-29');
    await request
      .getByLabel('Note to the payee (required to reject)')
      .fill('The email of 2027-07-29 is on file.');
    await shot(admin, 'queue');
    await request.getByRole('button', { name: 'Accept' }).click();
    // The queue shows open requests: the decided one leaves it.
    await expect.poll(() => admin.getByTestId(`request-${requestId}`).count()).toBe(0);

    // The submitter's page was not reloaded: the request.decided event refreshed its list.
    await expect
      .poll(() => submitter.getByTestId(`request-${requestId}`).getByTestId('request-status').textContent())
      .toBe('Accepted: The email of 2027-07-29 is on file.');
    await shot(submitter, 'request-decided');
    expect(pageErrors).toEqual([]);
  });
});
