import type { MeasureResult } from '@quip/core';

/**
 * `flagged`: stored with completeness or accuracy findings (the API no longer rejects such a
 * record; it keeps and flags it, its reporting measure scores it so, and no rate reads it).
 */
export type InboxState = 'on-time' | 'late' | 'missing' | 'flagged' | 'not-scored';

export interface InboxItem {
  entityId: string;
  state: InboxState;
  reasons: string[];
}

export interface InboxMeasure {
  measure: string;
  counts: Record<InboxState, number>;
  items: InboxItem[];
}

/**
 * Sorts each payee's submissions for each measure into the inbox: missing (nothing submitted),
 * flagged (stored but incomplete or inaccurate, with core's reasons), late (after the due date), not
 * scored (data in, but the measure could not be computed from it, with the reason) or on time.
 * Measures a payee is not subject to are left out.
 */
export function submissionInbox(
  measures: readonly string[],
  results: readonly MeasureResult[],
): InboxMeasure[] {
  const byMeasure = new Map<string, InboxMeasure>(
    measures.map((m) => [
      m,
      { measure: m, counts: { 'on-time': 0, late: 0, missing: 0, flagged: 0, 'not-scored': 0 }, items: [] },
    ]),
  );
  for (const r of results) {
    const box = byMeasure.get(r.measure);
    if (!box || r.status === 'not-applicable') continue;
    let state: InboxState;
    let reasons: string[] = [];
    const parts = r.reporting;
    const problems = parts?.problems ?? [];
    if (r.records === 0) state = 'missing';
    else if (parts && (parts.complete === false || parts.accurate === false)) {
      state = 'flagged';
      reasons = problems.filter((p) => !p.includes(', due '));
      if (reasons.length === 0) reasons = [parts.complete === false ? 'incomplete' : 'inaccurate'];
    } else if (parts && parts.timely === false) {
      state = 'late';
      reasons = problems;
    } else if (!parts && r.status === 'not-scored') {
      // Data came in but the measure could not be computed from it (e.g. too small a denominator).
      state = 'not-scored';
      reasons = r.reason ? [r.reason] : [];
    } else state = 'on-time';
    box.counts[state]++;
    box.items.push({ entityId: r.entityId, state, reasons });
  }
  return [...byMeasure.values()];
}
