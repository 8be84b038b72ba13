import type { Run } from '../api/resources.ts';

/**
 * Above this many results the results tab opens on one measure instead of all of them: the table
 * is built and tested for 100k rows, and the real DDS program (100,000 payees x 18 measures) has
 * 1.8M, which would be 1,800 requests of 1,000 rows and more memory than a tab should hold.
 */
export const ALL_MEASURES_ROW_LIMIT = 100_000;

/** A measure of the run's pinned rulebook: its key, and its name when the rulebook gives one. */
export interface RunMeasure {
  key: string;
  name?: string;
}

/** The measures of a rulebook JSON, in rulebook order; anything malformed is skipped. */
export function measuresOf(rulebook: Record<string, unknown> | undefined): RunMeasure[] {
  const list = rulebook?.measures;
  if (!Array.isArray(list)) return [];
  const out: RunMeasure[] = [];
  for (const m of list) {
    const key = (m as { key?: unknown } | null)?.key;
    if (typeof key !== 'string' || key === '') continue;
    const name = (m as { name?: unknown }).name;
    out.push(typeof name === 'string' && name !== '' ? { key, name } : { key });
  }
  return out;
}

/** The run's payee count: the finished totals when given, else the payees its chunks cover. */
export function runPayees(run: Pick<Run, 'progress' | 'totals'>): number {
  return run.totals?.payees ?? run.progress.total;
}

/**
 * The results "All measures" would load: payees x measures. An upper bound, since a measure that
 * applies to only some payees has fewer rows.
 */
export function allMeasuresRows(payees: number, measureCount: number): number {
  return payees * measureCount;
}

/**
 * The measure the results tab opens on: `null` (all measures) while that is at most
 * ALL_MEASURES_ROW_LIMIT results or no measures are known, else the rulebook's first measure.
 */
export function defaultMeasure(payees: number, measureKeys: readonly string[]): string | null {
  const first = measureKeys[0];
  if (first === undefined) return null;
  return allMeasuresRows(payees, measureKeys.length) <= ALL_MEASURES_ROW_LIMIT ? null : first;
}
