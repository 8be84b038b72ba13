import type { Run } from '../api/resources.ts';

/** 0..100 for the progress bar; a finished run is 100 whatever its counters say. */
export function runPercent(run: Pick<Run, 'status' | 'progress'>): number {
  if (run.status === 'succeeded') return 100;
  const { done, total } = run.progress ?? { done: 0, total: 0 };
  if (!total) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

export function isFinished(run: Pick<Run, 'status'>): boolean {
  return run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled';
}
