import { describe, expect, it } from 'vitest';
import { staleKeys } from './review-event-keys.ts';

describe('staleKeys', () => {
  it('refreshes the runs and the scorecards of a run published or made final', () => {
    expect(staleKeys('run.published', { program: 'dds-qip', fiscalYear: '2026-27', runId: 12 })).toEqual([
      ['runs'],
      ['published-runs'],
      ['run', '12'],
    ]);
    expect(staleKeys('run.final', { runId: 13 })).toContainEqual(['run', '13']);
  });

  it('refreshes the request lists on a request, and the standing on a decision', () => {
    expect(staleKeys('request.filed', { requestId: 7 })).toEqual([['requests']]);
    expect(staleKeys('request.decided', { requestId: 7, decision: 'accepted' })).toEqual([
      ['requests'],
      ['standing'],
    ]);
  });

  it('leaves everything alone for an event it does not know', () => {
    expect(staleKeys('ping', {})).toEqual([]);
  });
});
