import { describe, expect, it } from 'vitest';
import { isFinished, runPercent } from './run-progress.ts';

describe('runPercent', () => {
  it('floors done / total so 100% means done', () => {
    // 999 of 1000 = 99.9% -> 99.
    expect(runPercent({ status: 'running', progress: { done: 999, total: 1000 } })).toBe(99);
    expect(runPercent({ status: 'queued', progress: { done: 0, total: 0 } })).toBe(0);
    expect(runPercent({ status: 'succeeded', progress: { done: 3, total: 4 } })).toBe(100);
  });
  it('knows when a run is over', () => {
    expect(isFinished({ status: 'running' })).toBe(false);
    expect(isFinished({ status: 'failed' })).toBe(true);
  });
});
