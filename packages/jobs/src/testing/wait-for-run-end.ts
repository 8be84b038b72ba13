import { findRun, type QuipDatabase, type RunRecord } from '@quip/db';

/** Polls the run until it has ended (neither queued nor running); throws after `timeoutMs`. */
export async function waitForRunEnd(
  db: QuipDatabase['db'],
  runId: number,
  timeoutMs = 30_000,
): Promise<RunRecord> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await findRun(db, runId);
    if (run && run.status !== 'queued' && run.status !== 'running') return run;
    if (Date.now() > until) throw new Error(`run ${runId} still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
