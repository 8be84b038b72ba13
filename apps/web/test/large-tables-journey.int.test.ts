/**
 * Issue 17's spreadsheet basics at 100,000 rows on the tables not covered elsewhere at that size: a
 * run's results (with payee and measure names), a data inbox box and the audit log. Chromium
 * against the real SPA and sign-in; the lists are answered by page.route from generated rows, so
 * every count and line below is worked from the generators. Each table: a search and a filter
 * narrowing the rows, sorting, keys typed right after a sort all reaching the search box (the tab
 * is not frozen), and the CSV export of exactly what is shown. None of these tables has an amount
 * column, so none has a subtotal. Screenshots go to apps/web/test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { longTasks, openSignedInPage, quipForFile, resultsDir, watchLongTasks } from './start-quip.ts';
import * as steps from './table-steps.ts';

const quip = quipForFile({ demo: true });
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(resultsDir, `${name}.png`) });
const api = () => `${quip.baseUrl}/api/v1`;

/** Types `text` key by key into a table's search box and checks that every key arrived. */
async function typeIntoSearch(testId: string, text: string) {
  const box = page.getByTestId(`${testId}-search`);
  await box.pressSequentially(text);
  expect(await box.inputValue()).toBe(text);
}

/** The longest main-thread task of the page's document so far, logged. */
async function longestTask(what: string) {
  const tasks = await longTasks(page);
  const worst = Math.max(0, ...tasks);
  console.log(`large tables (${what}): ${tasks.length} long tasks, the longest ${worst.toFixed(0)} ms`);
  return worst;
}

// --- A run's results: 50,000 payees x 2 measures = 100,000 results, all loaded (at the limit). ---
const RUN = 868686;
const VERSION = 9;
const CLINICS = 50_000;
const MEASURES = [
  { key: 'access', name: 'Timely access' },
  { key: 'quality', name: 'Care quality' },
] as const;
/**
 * Result k (k = 0 .. 99,999) is payee k div 2 ('R' and five digits, named 'Clinic {k div 2}') on
 * measure k mod 2, valued ((k x 3,331) mod 100,000) / 100,000: 3,331 shares no factor with
 * 100,000, so every value 0 .. 0.99999 occurs once. Target 0.5: the values from 0.5 up are met.
 */
/** The rulebook version the run pinned, as the API answers it: the measures and their names. */
const resultsVersion = {
  version: VERSION,
  revision: 1,
  contentHash: 'sha256:test',
  publishedAt: '2026-07-01T00:00:00Z',
  rulebook: { program: 'dds-qip', measures: MEASURES },
};
const resultValue = (k: number) => ((k * 3_331) % 100_000) / 100_000;
const clinicResult = (k: number) => {
  const payee = Math.floor(k / 2);
  const value = resultValue(k);
  return {
    entityId: `R${String(payee).padStart(5, '0')}`,
    name: `Clinic ${payee}`,
    measure: MEASURES[k % 2]?.key,
    status: 'scored',
    value,
    target: 0.5,
    met: value >= 0.5,
    points: value >= 0.5 ? 1 : 0,
  };
};

// --- A data inbox: 100,000 homes, every one on time for the one measure 'directory'. ---
const HOMES = 100_000;
const homeId = (i: number) => `H${String(i).padStart(5, '0')}`;
/** Home i's record arrived i seconds after 2026-10-01 00:00 UTC; a quarter (i mod 4 = 0) are a historic load declared 2026-09-30. */
const homeRecord = (i: number) => {
  const receivedAt = new Date(Date.UTC(2026, 9, 1) + i * 1_000).toISOString();
  const declared = i % 4 === 0;
  return {
    id: i + 1,
    batchId: 1,
    entityId: homeId(i),
    measure: 'directory',
    period: '2026-27',
    submittedOn: declared ? '2026-09-30' : receivedAt.slice(0, 10),
    receivedAt,
    declaredOn: declared ? '2026-09-30' : null,
    keyName: null,
    data: { phone: '916-555-0100' },
    findings: [],
  };
};
const inboxRulebook = {
  schemaVersion: 1,
  program: 'dds-qip',
  fiscalYear: '2026-27',
  payment: { method: 'rate-incentive' },
  measures: [
    {
      key: 'directory',
      name: 'Provider directory',
      domain: 'provider-directory',
      kind: 'reporting',
      fields: { phone: { type: 'string', required: true } },
      compute: { kind: 'reporting', timely: { dueDate: '2026-10-31' } },
    },
  ],
};

// --- The audit log: 100,000 entries, ids 1 .. 100,000. ---
const ENTRIES = 100_000;
const ACTIONS = ['rulebook.publish', 'submission.batch', 'run.start', 'run.official', 'api-key.create'];
const KEYS = ['Program office', 'Valley uploads', 'Harbor uploads', 'Analyst desk'];
/** Entry i (i = 0 .. 99,999) has id i + 1, was written i minutes after 2026-07-01 00:00 UTC, by key i mod 4, action i mod 5. */
const auditEntry = (i: number) => ({
  id: i + 1,
  at: new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString(),
  actor: `key-${i % 4}`,
  actorName: KEYS[i % 4] ?? null,
  action: ACTIONS[i % 5] ?? '',
  subject: 'dds-qip/2026-27',
  details: { batch: i },
  hash: 'sha256:test',
});
/** The page after entry `after` (an id) whose action contains `actionContains`, as the API pages it. */
function auditPage(url: URL) {
  const after = Number(url.searchParams.get('after') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const part = (url.searchParams.get('actionContains') ?? '').toLowerCase();
  const items = [];
  for (let i = after; i < ENTRIES && items.length < limit; i++) {
    const entry = auditEntry(i);
    if (entry.action.includes(part)) items.push(entry);
  }
  return { items, nextAfter: items.length === limit ? (items.at(-1)?.id ?? null) : null };
}
const auditHeld = steps.gate();
/** en-US times as Chromium's ICU writes them, with a narrow no-break space before AM/PM, read with a plain one. */
const plainSpaces = (text: string) => text.replace(/\u202f/g, ' ');
const auditCells = async () => (await steps.firstRowCells(page, 'audit')).map(plainSpaces);

beforeAll(async () => {
  page = await openSignedInPage(quip, pageErrors, {
    context: {
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      locale: 'en-US',
      timezoneId: 'UTC',
    },
    prepare: async (p) => {
      await watchLongTasks(p);
      const base = api();
      await p.route(`${base}/runs/${RUN}`, (route) =>
        route.fulfill({
          json: {
            ...steps.runAnswer(RUN, '2027-06-30', {
              payees: CLINICS,
              totalCents: 0,
              byLineKind: {},
            }),
            rulebook: { version: VERSION, contentHash: 'sha256:test' },
            rulebookVersion: VERSION,
          },
        }),
      );
      await p.route(`${base}/runs/${RUN}/events`, (route) => route.fulfill({ status: 404, json: {} }));
      await p.route(`${base}/fiscal-years/2026-27/programs/dds-qip/rulebook/versions/${VERSION}`, (route) =>
        route.fulfill({ json: resultsVersion }),
      );
      await p.route(
        new RegExp(`/api/v1/runs/${RUN}/results\\?`),
        steps.pagedAnswer(2 * CLINICS, clinicResult),
      );
      await p.route(new RegExp(`/api/v1/runs/${RUN}/payments\\?`), (route) =>
        route.fulfill({ json: { items: [], nextCursor: null } }),
      );
      await p.route(/\/api\/v1\/audit\?/, async (route) => {
        const url = new URL(route.request().url());
        // The last page of the unfiltered log waits until the test has looked at the table.
        if (url.searchParams.get('after') === '99000' && !url.searchParams.has('actionContains'))
          await auditHeld.until;
        return route.fulfill({ json: auditPage(url) });
      });
    },
  });
}, 180_000);

describe('spreadsheet basics at 100,000 rows: results, an inbox box and the audit log, in Chromium', () => {
  it("lists a run's 100,000 results by payee and measure name, sorts, searches, filters and exports what is shown", async () => {
    await page.goto(`${quip.baseUrl}/runs/${RUN}`);
    await expect
      .poll(() => steps.tableCount(page, 'results'), { timeout: 90_000 })
      .toBe('100,000 of 100,000 results shown');
    // Names beside ids: result 0 is Clinic 0 on 'access' (Timely access), value 0, not met.
    expect(await steps.firstRowCells(page, 'results')).toEqual([
      'R00000',
      'Clinic 0',
      'access Timely access',
      'scored',
      '0',
      '0.5000',
      'not met',
      '0',
      'scorecard',
    ]);
    // Sorted by value, descending (the first click on a number): the largest value, 0.99999, is
    // result k with 3,331k = 99,999 (mod 100,000): k = 41,429 (3,331 x 41,429 = 137,999,999),
    // that is payee 20,714 on 'quality'.
    expect(resultValue(41_429)).toBe(0.99999);
    await steps.sortDescending(page, 'Value');
    expect((await steps.firstRowCells(page, 'results')).slice(0, 3)).toEqual([
      'R20714',
      'Clinic 20714',
      'quality Care quality',
    ]);
    // Right after sorting 100,000 rows every key typed reaches the search box. 'Clinic 4999'
    // names payees 4,999 and 49,990 .. 49,999: 11 payees x 2 measures = 22 results.
    await typeIntoSearch('results', 'Clinic 4999');
    await expect.poll(() => steps.tableCount(page, 'results')).toBe('22 of 100,000 results shown');
    // Their results k = 9,998, 9,999 and 99,980 .. 99,999; the met ones (value >= 0.5), by value
    // descending, as shown and as exported. 3,331k mod 100,000: k = 9,998 -> 3,338 and 9,999 ->
    // 6,669 (not met); k = 99,980 -> 33,380, then 3,331 more each k: 36,711, 40,042, 43,373,
    // 46,704 (not met), 50,035 (k = 99,985) .. 96,669 (k = 99,999): 15 met.
    const ks = [9_998, 9_999, ...Array.from({ length: 20 }, (_, j) => 99_980 + j)];
    const met = ks.filter((k) => resultValue(k) >= 0.5).sort((a, b) => resultValue(b) - resultValue(a));
    expect(met).toEqual(Array.from({ length: 15 }, (_, j) => 99_999 - j));
    await page.getByRole('combobox', { name: 'Met' }).selectOption('met');
    await expect.poll(() => steps.tableCount(page, 'results')).toBe('15 of 100,000 results shown');
    await page.getByTestId('results-scroller').scrollIntoViewIfNeeded();
    await shot('large-tables-results');
    const { header, lines } = steps.csvLines(
      await steps.download(page, () => page.getByTestId('results-csv').click()),
    );
    expect(header).toBe('Payee,Name,Measure,Status,Value,Target,Met,Points');
    expect(lines.length).toBe(15);
    const line = (k: number) => {
      const r = clinicResult(k);
      const measure = MEASURES[k % 2] as { key: string; name: string };
      return `${r.entityId},${r.name},${measure.key} ${measure.name},scored,${r.value},0.5,met,1`;
    };
    expect(lines).toEqual(met.map(line));
    expect(await longestTask('results')).toBeLessThan(1_000);
  }, 240_000);

  it('lists the 100,000 payees of an inbox box by name, filters, sorts, searches and exports what is shown', async () => {
    const base = api();
    await page.route(`${base}/fiscal-years/2026-27/programs/dds-qip/rulebook`, (route) =>
      route.fulfill({
        json: {
          published: {
            version: 1,
            revision: 1,
            contentHash: 'sha256:test',
            publishedAt: '2026-07-01T00:00:00Z',
            rulebook: inboxRulebook,
          },
          draft: null,
        },
      }),
    );
    await page.route(
      /\/api\/v1\/fiscal-years\/2026-27\/programs\/dds-qip\/entities\?/,
      steps.pagedAnswer(HOMES, (i) => ({ id: homeId(i), name: `Home ${i}`, rateCents: 5_000, units: 1 })),
    );
    await page.route(/\/api\/v1\/fiscal-years\/2026-27\/programs\/dds-qip\/submissions\?/, (route) => {
      // One home's versions (its history), or every home's, paged.
      const entityId = new URL(route.request().url()).searchParams.get('entityId');
      if (entityId === null) return steps.pagedAnswer(HOMES, homeRecord)(route);
      return route.fulfill({ json: { items: [homeRecord(Number(entityId.slice(1)))], nextCursor: null } });
    });
    await page.goto(`${quip.baseUrl}/fiscal-years/2026-27/programs/dds-qip/data`);
    const directory = page
      .getByRole('table', { name: 'Submissions by measure' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'directory' }) });
    // Every home sent its record by the due date (2026-10-31): 100,000 on time.
    const onTime = directory.getByRole('button', { name: '100,000 On time' });
    await onTime.waitFor({ timeout: 120_000 });
    // The long tasks so far are the page's in-browser evaluation of the 100,000 payees (the
    // counts above); those from here on are the table's.
    const before = (await longTasks(page)).length;
    await longestTask('inbox counts');
    await onTime.click();
    await expect
      .poll(() => steps.tableCount(page, 'inbox-payees'), { timeout: 60_000 })
      .toBe('100,000 of 100,000 payees shown');
    // Names beside ids; home 0's record is declared (a historic load), received 2026-10-01
    // 00:00 UTC = 2026-09-30 17:00 PDT on the program's clock (America/Los_Angeles).
    expect((await steps.firstRowCells(page, 'inbox-payees')).slice(0, 3)).toEqual([
      'H00000',
      'Home 0',
      '2026-09-30 17:00 PDTdeclared 2026-09-30',
    ]);
    // The declared records: i mod 4 = 0, 25,000 homes.
    await page.getByRole('combobox', { name: 'Record' }).selectOption('declared');
    await expect.poll(() => steps.tableCount(page, 'inbox-payees')).toBe('25,000 of 100,000 payees shown');
    // Sorted by when received: ascending on the first click, descending on the second; the
    // latest declared record is home 99,996's.
    const received = page.getByRole('columnheader', { name: 'Received' });
    await received.getByRole('button').click();
    await expect.poll(() => received.getAttribute('aria-sort')).toBe('ascending');
    await received.getByRole('button').click();
    await expect.poll(() => received.getAttribute('aria-sort')).toBe('descending');
    expect((await steps.firstRowCells(page, 'inbox-payees')).slice(0, 2)).toEqual(['H99996', 'Home 99996']);
    // Right after sorting, every key typed reaches the search box. 'Home 777' names homes 777,
    // 7,770 .. 7,779 and 77,700 .. 77,799; the declared ones (i mod 4 = 0): 7,772 and 7,776, and
    // 77,700, 77,704, ..., 77,796 (25): 27 homes.
    await typeIntoSearch('inbox-payees', 'Home 777');
    await expect.poll(() => steps.tableCount(page, 'inbox-payees')).toBe('27 of 100,000 payees shown');
    await shot('large-tables-inbox');
    // The export is what is shown, latest first: home 77,796, received 77,796 s = 21 h 36 min 36 s
    // after 2026-10-01 00:00 UTC, 14:36 PDT; home 7,772 last, 2 h 9 min 32 s after, 2026-09-30
    // 19:09 PDT.
    const { header, lines } = steps.csvLines(
      await steps.download(page, () => page.getByTestId('inbox-payees-csv').click()),
    );
    expect(header).toBe('Payee,Name,Received,Why');
    expect(lines.length).toBe(27);
    expect(lines[0]).toBe('H77796,Home 77796,2026-10-01 14:36 PDT declared 2026-09-30,');
    expect(lines.at(-1)).toBe('H07772,Home 7772,2026-09-30 19:09 PDT declared 2026-09-30,');
    // A home's history opens below the table; the rows shown stay as they were.
    await page.getByRole('button', { name: 'History of H77796' }).click();
    const versions = page.getByRole('table', { name: 'Versions of H77796 / directory, oldest first' });
    expect(await versions.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()).toBe(
      '2026-10-01 14:36 PDT',
    );
    expect(await page.getByRole('button', { name: 'History of H77796' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(await steps.tableCount(page, 'inbox-payees')).toBe('27 of 100,000 payees shown');
    const tableTasks = (await longTasks(page)).slice(before);
    console.log(`large tables (inbox table): the longest task ${Math.max(0, ...tableTasks).toFixed(0)} ms`);
    expect(Math.max(0, ...tableTasks)).toBeLessThan(1_000);
  }, 240_000);

  it('loads 100,000 audit entries page by page, filters on the server, searches, sorts and exports what is shown', async () => {
    await page.goto(`${quip.baseUrl}/audit`);
    // 99,000 entries are in, the last page is held: the table already shows and searches them.
    const loaded = await steps.rowsWhileHeld(page, 'audit', '99,000');
    expect(loaded).toBeGreaterThan(0);
    auditHeld.release();
    await expect
      .poll(() => steps.tableCount(page, 'audit'), { timeout: 90_000 })
      .toBe('100,000 of 100,000 entries shown');
    // Who by key name: entry 1 (i = 0) by 'Program office', a rulebook.publish.
    expect(await auditCells()).toEqual([
      '1',
      '7/1/2026, 12:00:00 AM',
      'Program office',
      'rulebook.publish',
      'dds-qip/2026-27',
      '{"batch":0}',
    ]);
    // A part of an action, filtered on the server: 'run.st' is run.start, i mod 5 = 2, 20,000 entries.
    await page.getByLabel('Action', { exact: true }).fill('run.st');
    await expect
      .poll(() => steps.tableCount(page, 'audit'), { timeout: 90_000 })
      .toBe('20,000 of 20,000 entries shown');
    // Sorted by #, descending (the first click on a number): entry 99,998 (i = 99,997, key 1,
    // written 99,997 min = 69 days 10 h 37 min after 2026-07-01 00:00: 2026-09-08 10:37) first.
    await steps.sortDescending(page, '#');
    expect((await auditCells()).slice(0, 4)).toEqual([
      '99998',
      '9/8/2026, 10:37:00 AM',
      'Valley uploads',
      'run.start',
    ]);
    // Right after sorting, every key typed reaches the search box. 'harbor' is key 2, i mod 4 = 2;
    // with i mod 5 = 2, i mod 20 = 2: 5,000 entries.
    await typeIntoSearch('audit', 'harbor');
    await expect.poll(() => steps.tableCount(page, 'audit')).toBe('5,000 of 20,000 entries shown');
    await shot('large-tables-audit');
    // The export is what is shown, by # descending: i = 99,982 (id 99,983, written 99,982 min =
    // 69 days 10 h 22 min after 2026-07-01 00:00: 2026-09-08 10:22) first, i = 2 last.
    const { header, lines } = steps.csvLines(
      plainSpaces(await steps.download(page, () => page.getByTestId('audit-csv').click())),
    );
    expect(header).toBe('#,When,Who,Action,Subject,Details');
    expect(lines.length).toBe(5_000);
    expect(lines[0]).toBe(
      '99983,"9/8/2026, 10:22:00 AM",Harbor uploads,run.start,dds-qip/2026-27,"{""batch"":99982}"',
    );
    expect(lines.at(-1)).toBe(
      '3,"7/1/2026, 12:02:00 AM",Harbor uploads,run.start,dds-qip/2026-27,"{""batch"":2}"',
    );
    expect(await longestTask('audit')).toBeLessThan(1_000);
  }, 240_000);

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
