/**
 * The rulebook editor as a program office uses it, in Chromium against the real API on a small
 * DDS QIP data set whose amounts are worked out by hand below: a rate target typed as a percent
 * (and the warning when it is typed as a fraction), measures added, duplicated and removed, a
 * payment parameter changed with its formula and a worked example from the latest run, publishing
 * with a change note after reading the changes in words and their money impact, and the EPT class
 * table gap refused by name. Screenshots go to apps/web/test-results/.
 *
 * Three payees, service code 950 (employment), each at $50.00 a unit: QIP-1 and QIP-2 with 10
 * units, QIP-3 with none. Each reports its employment staff on time, so of the reporting measures
 * that apply to 950 (directory 2, DSP survey 1, non-DSP workforce 1, employment staff 1,
 * employment outcomes 1: weight 6) it meets weight 1: it earns 1/6 of its incentive.
 * Published (incentive share 10%): incentive rate $5.00, base rate $45.00;
 *   QIP-1 and QIP-2: base 10 x $45.00 = $450.00, incentive 10 x $5.00 = $50.00 x 1/6 = $8.33
 *   (8.333 half-up) -> $458.33 each; QIP-3: $0.00. Total $916.66; one payee gets nothing.
 * Draft (incentive share 20%): incentive rate $10.00, base rate $40.00;
 *   base $400.00, incentive $100.00 x 1/6 = $16.67 (16.667) -> $416.67 each. Total $833.34:
 *   -$83.32; still one payee gets nothing.
 * ACRE-trained shares: QIP-1 4/10 = 40%, QIP-2 11/20 = 55%, QIP-3 7/10 = 70%. At least 50%: 2 of 3
 * meet. Typed "0.5" (0.5%): all 3 meet, with a warning.
 * The employment staff measure gets a record rule (employmentStaff <= 500: every payee's 10 or 20
 * staff pass it) and applies to the service codes 950 and 952 listed instead of the same
 * expression: who it applies to, and so every amount, stays the same.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQipProviders, QIP } from './qip-providers.ts';
import { openSignedInPage, quipForFile, resultsDir } from './start-quip.ts';

const quip = quipForFile({ demo: false });
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
const ACRE = 'Share of employment staff with ACRE training';
const STAFF = 'Employment: staff ACRE training and CESP certification';

beforeAll(async () => {
  await loadQipProviders(quip, [10, 10, 0]);
  // The latest run, for the Payment tab's worked example.
  await quip.succeededRun(QIP);

  page = await openSignedInPage(quip, pageErrors, { context: { viewport: { width: 1400, height: 1000 } } });
}, 180_000);

describe('the rulebook editor in Chromium', () => {
  it('types a rate target as a percent, warns on a fraction, and counts who meets it', async () => {
    await page.goto(`${quip.baseUrl}${QIP}/rulebook`);
    await page.getByRole('button', { name: new RegExp(ACRE) }).click();
    const met = page.getByTestId('what-if-met');
    // The peer median of 40%, 55%, 70% is 55%: QIP-2 and QIP-3 meet it.
    await expect.poll(() => met.textContent(), { timeout: 30_000 }).toBe('2 of 3');
    await page.getByLabel('Target kind').selectOption({ label: 'a fixed value' });
    const value = page.getByLabel('Target value (%)');
    await value.fill('0.5');
    await expect.poll(() => met.textContent(), { timeout: 15_000 }).toBe('3 of 3');
    const warning = page.getByTestId('field-warning');
    expect(await warning.textContent()).toContain('0.5 means 0.5%; type the percent itself (50 for 50%)');
    await shot('editor-target-fraction-warning');
    await value.fill('50');
    await expect.poll(() => met.textContent(), { timeout: 15_000 }).toBe('2 of 3');
    expect(await warning.count()).toBe(0);
    expect(await page.getByTestId('target-in-words').textContent()).toBe('Target: at least 50%');
    // The rates carry weight 0 and no payment counts them: the editor says so.
    expect(await page.getByTestId('measure-pays').textContent()).toContain('Pays nothing');
    await shot('editor-target-percent');
  });

  it('edits a field rule and whom a measure applies to, with core messages, and saves them', async () => {
    await page.getByRole('button', { name: new RegExp(STAFF) }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(STAFF) }).waitFor();
    // A record rule on employmentStaff: a check naming no field is refused with core's message.
    await page.getByRole('button', { name: 'Add a rule to employmentStaff' }).click();
    const check = page.getByLabel('Field employmentStaff rule 2 check');
    await check.fill('employmentStaff <= nope');
    const checkCell = page.locator('label', { has: check });
    await expect.poll(() => checkCell.getByRole('alert').textContent()).toBe("unknown field 'nope'");
    expect(await check.getAttribute('aria-invalid')).toBe('true');
    await check.fill('employmentStaff <= 500');
    await page
      .getByLabel('Field employmentStaff rule 2 message')
      .fill('more than 500 employment staff: check the count');
    expect(await checkCell.getByRole('alert').count()).toBe(0);
    // Applies to: from the expression to the service codes listed; an empty list is core's error.
    // As an expression it must be a condition: core says so of a number.
    await page.getByLabel('Applies to payees for whom').fill('units + 1');
    expect(await page.getByRole('alert').filter({ hasText: 'must give boolean' }).textContent()).toContain(
      'expression must give boolean but gives number',
    );
    await page.getByLabel('The measure applies to').selectOption('values');
    await page.getByLabel('Condition 1: payee field').selectOption('serviceCode');
    const codes = page.getByLabel('Condition 1: one of (comma-separated)');
    expect(await codes.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('measure-problems').textContent()).toContain('problem(s) in this measure');
    const codesField = page.locator('div', { has: codes }).last();
    expect(await codesField.getByRole('alert').first().textContent()).toBe(
      'Too small: expected array to have >=1 items',
    );
    await codes.fill('950, 952');
    await expect.poll(() => page.getByTestId('measure-problems').count()).toBe(0);
    await shot('editor-fields-and-applies-to');
    await page
      .getByRole('region', { name: STAFF })
      .screenshot({ path: join(resultsDir, 'editor-fields-and-applies-to-form.png') });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft revision \d+ saved/).waitFor();
    const saved = await quip.api<{ draft: { rulebook: { measures: Record<string, unknown>[] } } }>(
      `${QIP}/rulebook`,
    );
    const staff = saved.draft.rulebook.measures.find((m) => m.key === 'qip-employment-staff') as {
      appliesTo: unknown;
      fields: { employmentStaff: { rules: unknown[] } };
    };
    expect(staff.appliesTo).toEqual({ serviceCode: ['950', '952'] });
    expect(staff.fields.employmentStaff.rules).toEqual([
      { check: 'employmentStaff == floor(employmentStaff)', message: 'employmentStaff is a whole number' },
      { check: 'employmentStaff <= 500', message: 'more than 500 employment staff: check the count' },
    ]);
  });

  it('adds, duplicates and removes measures', async () => {
    const rows = page.getByRole('table', { name: 'Measures' }).locator('tbody tr');
    const before = await rows.count();
    await page.getByRole('button', { name: 'Add measure' }).click();
    await page.getByRole('heading', { level: 2, name: /New measure new-measure-1/ }).waitFor();
    expect(await rows.count()).toBe(before + 1);
    await page.getByLabel('Name', { exact: true }).fill('Annual quality plan');
    await page.getByRole('button', { name: /Annual quality plan/ }).waitFor();
    await shot('editor-measure-added');
    await page.getByRole('button', { name: 'Remove measure' }).click();
    expect(await rows.count()).toBe(before);
    await page
      .getByRole('button', { name: new RegExp(ACRE) })
      .first()
      .click();
    await page.getByRole('button', { name: 'Duplicate measure' }).click();
    await page.getByRole('button', { name: new RegExp(`${ACRE} \\(copy\\)`) }).waitFor();
    expect(await rows.count()).toBe(before + 1);
    await page.getByRole('button', { name: 'Remove measure' }).click();
    expect(await rows.count()).toBe(before);
    expect(await page.getByRole('button', { name: /\(copy\)/ }).count()).toBe(0);
  });

  it('changes the incentive share with its formula and a worked example of a real payee', async () => {
    await page.getByRole('tab', { name: 'Payment' }).click();
    const formula = page.getByTestId('payment-formula');
    expect(await formula.textContent()).toContain("the incentive rate is 10% of the payee's rate");
    const example = page.getByTestId('worked-example');
    await example.getByRole('heading', { name: /Provider QIP-1 \(QIP-1\)/ }).waitFor();
    const text = await example.textContent();
    expect(text).toContain('Base: 10 units x $45.00 = $450.00.');
    expect(text).toContain('Incentive: 10 units x $5.00 = $50.00 potential x earned 16.67% = $8.33.');
    // The lines add up to what was paid: $450.00 + $8.33.
    expect(text).toContain('Paid: base $450.00 + incentive $8.33 = $458.33.');
    expect(text).toContain('Total$458.33');
    await page.getByLabel('incentiveShare').fill('0.2');
    await expect.poll(() => formula.textContent()).toContain("the incentive rate is 20% of the payee's rate");
    await shot('editor-payment-tab');
  });

  it('publishes with a change note after reading the changes and their money impact', async () => {
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this draft?' });
    await dialog.waitFor();
    const changes = await dialog.getByTestId('publish-changes').textContent();
    expect(changes).toContain(`${ACRE}: target 50th percentile of peers -> at least 50%`);
    expect(changes).toContain('Payment: incentive share of the rate 10% -> 20%');
    expect(changes).toContain(
      `${STAFF}: data field employmentStaff: rule added: employmentStaff <= 500 ('more than 500 employment staff: check the count')`,
    );
    expect(changes).toContain(
      `${STAFF}: applies to serviceCode in ['950', '952'] -> serviceCode in 950, 952`,
    );
    await expect
      .poll(() => dialog.getByTestId('impact-draft').textContent(), { timeout: 30_000 })
      .toBe('$833.34');
    expect(await dialog.getByTestId('impact-published').textContent()).toBe('$916.66');
    expect(await dialog.getByTestId('impact-change').textContent()).toBe('-$83.32');
    expect(await dialog.getByTestId('impact-nothing').textContent()).toBe(
      '1 of 3 payees would get nothing (published: 1).',
    );
    const publish = dialog.getByRole('button', { name: 'Publish', exact: true });
    expect(await publish.isDisabled()).toBe(true);
    await dialog
      .getByLabel('Change note (required)')
      .fill('Incentive share doubled for 2026-27 (board, Dec 1)');
    await shot('editor-publish-dialog');
    await publish.click();
    await page.getByText('Published version 2.').waitFor();
    // No draft now: publishing is off, the Versions tab still works.
    expect(await page.getByRole('button', { name: 'Publish…' }).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Versions' }).click();
    const diff = page.getByTestId('diff');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('Payment: incentive share of the rate 10% -> 20%');
    expect(await page.getByRole('table', { name: 'History' }).textContent()).toContain(
      'Incentive share doubled for 2026-27 (board, Dec 1)',
    );
    await shot('editor-versions');
  });

  it('refuses an EPT class table with a gap, by name', async () => {
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dhcs-ept/rulebook`);
    await page.getByRole('tab', { name: 'Payment' }).click();
    await page.getByLabel('Class D members from').fill('900');
    const problems = page.getByTestId('class-table-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toBe(
      'Class D: members 851-899 fall in no class: class C ends at 850 and class D starts at 900',
    );
    expect(await page.getByLabel('Class D members from').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this draft?' });
    expect(await dialog.getByTestId('publish-impact').textContent()).toContain(
      'The draft has 1 problem(s) and cannot be published',
    );
    await dialog.getByLabel('Change note (required)').fill('try');
    expect(await dialog.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await shot('editor-ept-gap');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(pageErrors).toEqual([]);
  });
});
