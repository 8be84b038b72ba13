/**
 * Steps the spreadsheet journeys share on the SPA's data tables (DataTable's test ids: `{id}-count`,
 * `-search`, `-scroller`, `-subtotal-{column}`, `-csv`) and the page.route answers they give
 * instead of the API: a run, and a list paged by cursor from generated rows.
 */
import { readFile } from 'node:fs/promises';
import type { Page, Route } from 'playwright-core';
import { expect } from 'vitest';

/** The CSV a click downloads, as text. */
export async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile((await file.path()) as string, 'utf8');
}

/** A CSV's data lines (without the header and the empty string after the last CRLF). */
export function csvLines(csv: string): { header: string; lines: string[] } {
  const [header = '', ...rest] = csv.split('\r\n');
  return { header, lines: rest.slice(0, -1) };
}

/** The sum of one column of CSV lines, dollars read back to cents (the lines' fields hold no comma). */
export function sumCents(lines: readonly string[], column: number): number {
  return lines.reduce((sum, line) => sum + Math.round(Number(line.split(',').at(column)) * 100), 0);
}

/** The cells of the first data row a table shows. */
export function firstRowCells(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(`${testId}-scroller`)
    .locator('tbody tr[aria-rowindex]')
    .first()
    .locator('td')
    .allTextContents();
}

/** A table's "n of m … shown" line. */
export function tableCount(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(`${testId}-count`).textContent();
}

/** The rows a table holds: the m of its "n of m … shown". */
export async function rowsHeld(page: Page, testId: string): Promise<number> {
  const m = /^[\d,]+ of ([\d,]+) /.exec((await tableCount(page, testId)) ?? '')?.[1];
  return Number(m?.replace(/,/g, ''));
}

/**
 * Waits until a table says `soFar` rows are fetched while the rest is held (see pagedAnswer's
 * `hold`): the rows it holds by then (the last snapshot of what has arrived).
 */
export async function rowsWhileHeld(page: Page, testId: string, soFar: string): Promise<number> {
  await expect
    .poll(() => tableCount(page, testId), { timeout: 90_000 })
    .toMatch(new RegExp(`^[\\d,]+ of [\\d,]+ \\w+ shown \\(loading: ${soFar} so far\\)$`));
  return rowsHeld(page, testId);
}

/** Clicks a column's heading once (an amount sorts descending first) and waits until it says so. */
export async function sortDescending(page: Page, column: string): Promise<void> {
  const heading = page.getByRole('columnheader', { name: column });
  await heading.getByRole('button').click();
  await expect.poll(() => heading.getAttribute('aria-sort')).toBe('descending');
}

/** A table's subtotal of one amount column, as shown. */
export function subtotal(page: Page, testId: string, column: string): Promise<string | null> {
  return page.getByTestId(`${testId}-subtotal-${column}`).textContent();
}

/**
 * Answers a paged list (`cursor` = index of the first row, `limit` rows a page) from `make(i)` for
 * i = 0 .. total - 1. `hold`: the page starting at that row waits for the promise first, so a
 * test can look at the table while the rest is still loading.
 */
export function pagedAnswer<T>(
  total: number,
  make: (i: number) => T,
  envelope: (items: T[], nextCursor: string | null) => unknown = (items, nextCursor) => ({
    items,
    nextCursor,
  }),
  hold?: { from: number; until: Promise<void> },
) {
  return async (route: Route) => {
    const url = new URL(route.request().url());
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const to = Math.min(total, from + Number(url.searchParams.get('limit') ?? 100));
    if (hold && from === hold.from) await hold.until;
    const items = Array.from({ length: to - from }, (_, j) => make(from + j));
    return route.fulfill({ json: envelope(items, to < total ? String(to) : null) });
  };
}

/** A promise and the function that settles it: a page held until the test lets it go. */
export function gate(): { until: Promise<void>; release: () => void } {
  let release: () => void = () => {};
  const until = new Promise<void>((done) => {
    release = done;
  });
  return { until, release };
}

/** GET /runs/{id} of a succeeded run of dds-qip 2026-27, as the API answers it. */
export function runAnswer(
  id: number,
  asOf: string,
  totals: { payees: number; totalCents: number; byLineKind: Record<string, number> },
) {
  return {
    id,
    fiscalYear: '2026-27',
    program: 'dds-qip',
    status: 'succeeded',
    progress: { done: totals.payees, total: totals.payees },
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
    totals,
  };
}
