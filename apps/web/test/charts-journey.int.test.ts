/**
 * The charts as people read them, in Chromium against the real API: each chart has an accessible
 * name and a "Show as table" alternative with the same numbers in dollars; the EPT cliff chart has
 * a logarithmic member axis, a zoom, labelled axes, tooltips in dollars with plain names, and the
 * program's practices marked where they sit. Screenshots go to apps/web/test-results/.
 *
 * Worked by hand from the catalog class table (packages/catalog/src/rulebooks/dhcs-ept/
 * ept-pmpy-classes.csv) and docs/programs/dhcs-ept.md (sections 4, 6 and 7):
 *   Class A 1..500 at $580.00: 1 x $580 = $580.00 .. 500 x $580 = $290,000.00
 *   Class B 501..700 at $397.00: 501 x $397 = $198,897.00 .. 700 x $397 = $277,900.00
 *   Class VV 120,001..138,000 at $23.00: $2,760,023.00 .. $3,174,000.00
 *   Mission Family Health (ept-0001), 920 members: class D ($305.00) -> $280,600.00
 *   Delta Pediatrics (ept-0002), 1,234 members: class F ($260.00) -> $320,840.00
 *   Harbor OB/GYN (ept-0003), 501 members: class B ($397.00) -> $198,897.00
 *   Mission Family Health, 25 milestones, milestones 3 and 4 completed: 2 x $280,600 / 25 =
 *   2 x $11,224.00 = $22,448.00 entitled by the run, and paid by the approved cycle.
 * The what-if histogram (DDS QIP, as in the rulebook editor journey): ACRE-trained shares 40%,
 * 55%, 70% of three payees.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQipProviders, QIP } from './qip-providers.ts';
import { openSignedInPage, quipForFile, resultsDir } from './start-quip.ts';

const quip = quipForFile({ demo: false });
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) =>
  page.screenshot({ path: join(resultsDir, `charts-${name}.png`), fullPage: true });
const EPT = '/fiscal-years/2026-27/programs/dhcs-ept';

/** The rows of a table as arrays of cell texts (header cell first). */
async function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
}

beforeAll(async () => {
  await quip.api(`${EPT}/entities`, {
    method: 'POST',
    body: [
      { id: 'ept-0001', name: 'Mission Family Health', assignedMembers: 920, milestoneCount: 25 },
      { id: 'ept-0002', name: 'Delta Pediatrics', assignedMembers: 1234, milestoneCount: 23 },
      { id: 'ept-0003', name: 'Harbor OB/GYN', assignedMembers: 501, milestoneCount: 25 },
    ],
  });
  const milestone = (entityId: string, n: number, submittedOn: string, completedOn: string) => ({
    entityId,
    measure: 'ept-milestone',
    period: '2026-27',
    submittedOn,
    data: { milestone: n, completedOn },
  });
  await quip.api(`${EPT}/submissions`, {
    method: 'POST',
    body: [
      milestone('ept-0001', 3, '2026-10-02', '2026-09-30'),
      milestone('ept-0001', 4, '2026-11-10', '2026-11-05'),
      milestone('ept-0002', 1, '2026-12-01', '2026-11-28'),
    ],
  });
  const runId = await quip.succeededRun(EPT, '2027-06-30');
  // A cycle from that run, approved by a second admin: the payee ledger's chart has a bar to show.
  const cycle = await quip.api<{ id: number }>(`${EPT}/payment-cycles`, {
    method: 'POST',
    body: { runId, label: 'Charts journey' },
  });
  const second = await quip.api<{ key: string }>('/api-keys', {
    method: 'POST',
    body: { name: 'second admin', role: 'admin' },
  });
  await quip.api(`/payment-cycles/${cycle.id}/approve`, { method: 'POST', key: second.key });

  // The what-if histogram's three payees: ACRE-trained shares 40%, 55% and 70%.
  await loadQipProviders(quip, [10, 10, 10]);

  page = await openSignedInPage(quip, pageErrors, { context: { viewport: { width: 1400, height: 1000 } } });
}, 240_000);

describe('charts people read, in Chromium', () => {
  it('names the EPT cliff chart and lists its classes and practices as a table in dollars', async () => {
    await page.goto(`${quip.baseUrl}${EPT}/rulebook`);
    await page.getByRole('tab', { name: 'Payment' }).click();
    const chart = page.getByRole('img', {
      name: /potential payment .* by members assigned, on a logarithmic/i,
    });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('48 classes, 39 cliff(s)');
    // The practices arrive with the what-if's payee data.
    await expect.poll(() => page.getByTestId('practice-mark').count(), { timeout: 30_000 }).toBe(3);
    expect(await chart.getAttribute('aria-label')).toContain('3 practice(s) of the program marked');

    const figure = page.getByRole('figure', { name: 'Potential payment by members assigned' });
    const classes = figure.getByTestId('class-table-chart-classes');
    expect(await classes.isVisible()).toBe(false);
    await figure.getByText('Show as table').click();
    const rows = await rowsOf(classes);
    expect(rows).toHaveLength(48);
    expect(rows[0]).toEqual(['A', '1–500', '$580.00', '$580.00', '$290,000.00']);
    expect(rows[1]).toEqual(['B', '501–700', '$397.00', '$198,897.00', '$277,900.00']);
    expect(rows[47]).toEqual(['VV', '120,001–138,000', '$23.00', '$2,760,023.00', '$3,174,000.00']);
    expect(await rowsOf(figure.getByTestId('class-table-chart-practices'))).toEqual([
      ['Harbor OB/GYN (ept-0003)', '501', 'B', '$198,897.00'],
      ['Mission Family Health (ept-0001)', '920', 'D', '$280,600.00'],
      ['Delta Pediatrics (ept-0002)', '1,234', 'F', '$320,840.00'],
    ]);
    await shot('ept-table');
    await figure.getByText('Show as table').click();
  });

  it('draws members on a logarithmic axis, labelled, with the practices marked where they sit', async () => {
    const chart = page.getByTestId('class-table-chart');
    await chart.scrollIntoViewIfNeeded();
    const ticks = await chart
      .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
    expect(ticks).toEqual(['1', '10', '100', '1,000', '10,000', '100,000']);
    const xs = await chart
      .locator('.recharts-xAxis-tick-lines .recharts-cartesian-axis-tick-line')
      .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('x1'))));
    // Equal steps per power of ten: a logarithmic axis.
    const steps = xs.slice(1).map((x, i) => x - (xs[i] ?? 0));
    for (const step of steps) expect(Math.abs(step - (steps[0] ?? 0))).toBeLessThan(1);
    // recharts 3 draws labels in their own layer, outside the axis group: read them from the chart.
    const labels = await chart.locator('.recharts-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Members assigned', 'Potential payment']));
    const members = await page
      .getByTestId('practice-mark')
      .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-members')));
    expect(members.sort()).toEqual(['1234', '501', '920']);
    await shot('ept-chart');
  });

  it('shows the hovered point in dollars with plain names', async () => {
    await page.locator('[data-testid="practice-mark"][data-members="920"]').hover();
    const tooltip = page.getByTestId('chart-tooltip');
    await tooltip.waitFor();
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain('920 members assigned, class D');
    expect(text).toContain('Potential payment: $280,600.00');
    expect(text).toContain('Mission Family Health (ept-0001)');
    expect(text).not.toContain('potentialCents');
    await shot('ept-tooltip');
  });

  it('zooms on a member range', async () => {
    await page.getByLabel('Zoom from (members)').fill('400');
    await page.getByLabel('to (members)').fill('1500');
    const chart = page.getByRole('img', { name: /from 400 to 1,500/ });
    await chart.waitFor();
    expect(
      await chart
        .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
        .allTextContents(),
    ).toEqual(['500', '700', '1,000', '1,500']);
    expect(await page.getByTestId('practice-mark').count()).toBe(3);
    await shot('ept-zoomed');
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.getByRole('img', { name: /from 1 to 138,000/ }).waitFor();
  });

  it('names the what-if histogram and lists its ranges as a table', async () => {
    await page.goto(`${quip.baseUrl}${QIP}/rulebook`);
    await page.getByRole('button', { name: /Share of employment staff with ACRE training/ }).click();
    const chart = page.getByRole('img', {
      name: /^Bar chart of how many payees have each value of /,
    });
    await chart.waitFor({ timeout: 30_000 });
    const figure = page.locator('figure').filter({ has: page.getByTestId('what-if-histogram') });
    await figure.getByText('Show as table').click();
    const rows = await rowsOf(figure.locator('table'));
    const total = rows.reduce((t, r) => t + Number(r[1]), 0);
    expect(total).toBe(3);
    expect(rows.every((r) => /^\d+% to \d+%$/.test(r[0] ?? ''))).toBe(true);
    await shot('what-if-histogram');
  }, 60_000);

  it("names a payee's entitled-vs-paid chart and lists it as a table in dollars", async () => {
    await page.goto(`${quip.baseUrl}${EPT}/payments`);
    await page.getByLabel('Payee id').fill('ept-0001');
    await page.getByRole('button', { name: 'Show ledger' }).click();
    const chart = page.getByRole('img', {
      name: 'Bar chart of what ept-0001 was entitled to and was paid in each of 1 cycle(s), in dollars.',
    });
    await chart.waitFor();
    const figure = page.getByTestId('payee-history');
    await figure.getByText('Show as table').click();
    const rows = await rowsOf(figure.locator('table'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(1)).toEqual(['$22,448.00', '$22,448.00']);
    await chart.locator('.recharts-bar-rectangle').first().hover();
    const tooltip = chart.locator('.recharts-tooltip-wrapper');
    await expect.poll(() => tooltip.textContent()).toContain("Entitled by the cycle's run : $22,448.00");
    expect(await tooltip.textContent()).not.toContain('Cents');
    await shot('payee-ledger');
    expect(pageErrors).toEqual([]);
  });
});
