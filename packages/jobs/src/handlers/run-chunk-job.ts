import { evaluateMeasureValues } from '@quip/core';
import {
  type Database,
  encodeRunValues,
  findRun,
  insertRunValues,
  isActiveRunStatus,
  loadRunPayees,
  loadSnapshotSubmissions,
  markChunkDone,
  startRunning,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../job-runner.ts';
import { compiledRulebookOf } from '../runs/compiled-rulebook-cache.ts';

export const runChunkPayload = z.object({
  runId: z.number().int().positive(),
  chunkNo: z.number().int().min(0),
});

/**
 * Phase 1 of a run, one chunk of ~1,000 payees: their snapshot submissions, each payee's value per
 * measure (core), stored as one compact document keyed (run, chunk) with the chunk marked done in
 * the same transaction. A retry after a crash finds the chunk done or writes the same document
 * again, which ON CONFLICT DO NOTHING ignores.
 */
export function runChunkJob(db: Kysely<Database>, concurrency = 2) {
  return defineJob({
    queue: 'quip-run-chunk',
    payload: runChunkPayload,
    concurrency,
    async handle({ runId, chunkNo }) {
      const run = await findRun(db, runId);
      if (!run || !isActiveRunStatus(run.status)) return { skipped: true };
      await startRunning(db, runId);
      const compiled = await compiledRulebookOf(db, run.rulebookRevisionId);
      const entities = await loadRunPayees(db, runId, chunkNo);
      const submissions = await loadSnapshotSubmissions(
        db,
        run,
        entities.map((e) => e.id),
      );
      const evaluated = evaluateMeasureValues(compiled, { entities, submissions, asOf: run.asOf });
      const doc = encodeRunValues(
        compiled.measures.map((m) => m.key),
        evaluated.entities.map((e) => e.id as string),
        evaluated.values,
      );
      await db.transaction().execute(async (trx) => {
        await insertRunValues(trx, runId, chunkNo, entities.length, doc);
        await markChunkDone(trx, runId, chunkNo);
      });
      return { payees: entities.length, values: evaluated.values.length };
    },
  });
}
