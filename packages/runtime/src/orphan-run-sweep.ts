import type { QuipDatabase } from '@quip/db';
import { type JobRunner, recoverOrphanRuns } from '@quip/jobs';
import type { Logger } from './logger.ts';

/**
 * Scaled mode: every worker looks for orphan runs (queued or running with no live job in the queue)
 * once per lock time and resumes or fails them, so a run always ends. Runs created or resumed less
 * than two lock times ago are left alone while their jobs are being queued.
 */
export function startOrphanRunSweep(
  db: QuipDatabase['db'],
  jobs: JobRunner,
  logger: Logger,
  lockMs: number,
): { stop(): Promise<void> } {
  let sweeping: Promise<void> = Promise.resolve();
  let busy = false;
  const sweep = () => {
    if (busy) return;
    busy = true;
    sweeping = recoverOrphanRuns(db, jobs, { idleSeconds: (2 * lockMs) / 1000 })
      .then((recovered) => {
        if (recovered.resumed.length + recovered.failed.length > 0)
          logger.warn(recovered, 'orphan runs (their jobs were lost): resumed or failed');
      })
      .catch((error: unknown) => {
        // The next sweep tries again; the message only, as a driver's detail may quote values.
        logger.error(
          { error: error instanceof Error ? error.message : 'unknown' },
          'orphan run sweep failed',
        );
      })
      .finally(() => {
        busy = false;
      });
  };
  sweep();
  const timer = setInterval(sweep, lockMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
    },
  };
}
