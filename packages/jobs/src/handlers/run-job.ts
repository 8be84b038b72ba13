import { payScoredValues, scoreValues } from '@quip/core';
import {
  copyRunOutput,
  countRunResultPayees,
  type Database,
  findRun,
  finishRun,
  insertRunPayments,
  insertRunResults,
  isActiveRunStatus,
  isRunActive,
  listRunChunks,
  refreshRunOutputStatistics,
  resultCopyBatches,
  runPaymentTotals,
  runResultRow,
  startRunning,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../job-runner.ts';
import { compiledRulebookOf } from '../runs/compiled-rulebook-cache.ts';
import { loadRunValues } from '../runs/load-run-values.ts';

export const runPayload = z.object({ runId: z.number().int().positive() });

/** Issues kept on a run: enough to act on, never a copy of the population. */
const MAX_ISSUES = 200;

/**
 * Phase 2 of a run, the parent of its chunk jobs: once every chunk has ended, the whole population
 * is scored (targets, percentiles, points) and paid, results and payment lines stored in bulk, and
 * the run ends succeeded only when every payee has its results and its payment — else failed with
 * the reason. Deterministic, so a retry after a crash writes the same keys, which are kept once.
 */
export function runJob(db: Kysely<Database>) {
  return defineJob({
    queue: 'quip-run',
    payload: runPayload,
    concurrency: 1,
    async handle({ runId }) {
      const run = await findRun(db, runId);
      if (!run || !isActiveRunStatus(run.status)) {
        return { status: run?.status ?? 'missing' };
      }
      await startRunning(db, runId);
      const chunks = await listRunChunks(db, runId);
      const missing = chunks.filter((c) => !c.done).map((c) => c.chunkNo);
      if (missing.length > 0) {
        const reason = `${missing.length} of ${chunks.length} chunks of payees could not be computed (chunk ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}); an incomplete run pays no one`;
        await finishRun(db, runId, { status: 'failed', reason });
        return { status: 'failed', reason };
      }
      const compiled = await compiledRulebookOf(db, run.rulebookRevisionId);
      const { entities, results, firstMissing } = await loadRunValues(db, runId, compiled);
      let paid: ReturnType<typeof payScoredValues>;
      try {
        if (firstMissing) {
          throw new Error(
            `no value for payee '${firstMissing.entityId}' and measure '${firstMissing.measure}': phase 1 did not cover every payee`,
          );
        }
        // Targets, met and points first: the results are final then, and paying needs them all.
        scoreValues(compiled, results, false);
        paid = payScoredValues(compiled, entities, results, run.asOf, false);
      } catch (error) {
        const reason = `scoring and payment failed: ${(error as Error).message}`;
        await finishRun(db, runId, { status: 'failed', reason });
        return { status: 'failed', reason };
      }
      if (!(await isRunActive(db, runId))) return { status: 'cancelled' };
      const M = compiled.measures.length;
      // PostgreSQL: COPY, all or nothing, the result lines made as the server takes them in;
      // PGlite: keyed inserts that skip rows already there.
      const copied = copyRunOutput(db, runId, resultCopyBatches(runId, results), paid.payments);
      const stored = copied ? await copied : null;
      if (!copied) {
        await insertRunResults(db, runId, results.map(runResultRow));
        await insertRunPayments(db, runId, paid.payments);
      }
      // The count check: every payee of the run has its results and its payment stored. After
      // this attempt's COPY the server's row counts say so (the key keeps the rows distinct);
      // otherwise the tables are counted.
      const totals = await runPaymentTotals(db, runId);
      const copiedWhole =
        stored?.stored === 'copied' && stored.payees === run.payees && stored.results === run.payees * M;
      if (!copiedWhole || totals.payees !== run.payees) {
        const withResults = await countRunResultPayees(db, runId);
        if (totals.payees !== run.payees || (M > 0 && withResults !== run.payees)) {
          const reason = `${run.payees} payees in the run, but ${totals.payees} paid and ${withResults} with results`;
          await finishRun(db, runId, { status: 'failed', reason });
          return { status: 'failed', reason };
        }
      }
      const issues = paid.issues.slice(0, MAX_ISSUES);
      // Before readers come for its pages: the planner must know the run's output is there.
      await refreshRunOutputStatistics(db);
      await finishRun(db, runId, { status: 'succeeded', totals, issues });
      return { status: 'succeeded', totals };
    },
  });
}
