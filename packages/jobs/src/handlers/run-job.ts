import { scoreAndPay } from '@quip/core';
import {
  copyRunOutput,
  countRunResultPayees,
  type Database,
  findRun,
  finishRun,
  insertRunPayments,
  insertRunResults,
  isRunActive,
  listRunChunks,
  loadRunPayees,
  loadRunValues,
  runPaymentTotals,
  startRunning,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../job-runner.ts';
import { compactResultJson } from '../runs/compact-result-json.ts';
import { compiledRulebookOf } from '../runs/compiled-rulebook-cache.ts';

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
      if (!run || (run.status !== 'queued' && run.status !== 'running')) {
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
      const entities = await loadRunPayees(db, runId);
      const values = await loadRunValues(db, runId);
      let scored: ReturnType<typeof scoreAndPay>;
      try {
        scored = scoreAndPay(compiled, {
          entities,
          // The stored short form as it is: absent fields are the class defaults core fills in.
          values: values.map((v) =>
            Object.assign(v.value, { entityId: v.entityId, measure: v.measure }),
          ) as unknown as Parameters<typeof scoreAndPay>[1]['values'],
          asOf: run.asOf,
        });
      } catch (error) {
        const reason = `scoring and payment failed: ${(error as Error).message}`;
        await finishRun(db, runId, { status: 'failed', reason });
        return { status: 'failed', reason };
      }
      if (!(await isRunActive(db, runId))) return { status: 'cancelled' };
      const resultRows = scored.results.map((r) => ({
        entityId: r.entityId,
        measure: r.measure,
        status: r.status,
        value: r.value,
        target: r.target,
        met: r.met,
        points: r.points,
        json: compactResultJson(r),
      }));
      // PostgreSQL: COPY, all or nothing; PGlite: keyed inserts that skip rows already there.
      const copied = copyRunOutput(db, runId, resultRows, scored.payments);
      if (copied) await copied;
      else {
        await insertRunResults(db, runId, resultRows);
        await insertRunPayments(db, runId, scored.payments);
      }
      // The count check: every payee of the run has its results and its payment stored.
      const totals = await runPaymentTotals(db, runId);
      const withResults = await countRunResultPayees(db, runId);
      if (totals.payees !== run.payees || (compiled.measures.length > 0 && withResults !== run.payees)) {
        const reason = `${run.payees} payees in the run, but ${totals.payees} paid and ${withResults} with results`;
        await finishRun(db, runId, { status: 'failed', reason });
        return { status: 'failed', reason };
      }
      const issues = scored.issues.slice(0, MAX_ISSUES);
      await finishRun(db, runId, { status: 'succeeded', totals, issues });
      return { status: 'succeeded', totals };
    },
  });
}
