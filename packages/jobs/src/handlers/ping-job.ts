import type { Database } from '@quip/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../job-runner.ts';

export const pingPayload = z.object({ key: z.string().min(1).max(200) });

/**
 * A health job: proves that a worker takes jobs and can write to the database. Writing through the
 * job ledger's unique key is the pattern every handler follows: a second run writes nothing.
 */
export function pingJob(db: Kysely<Database>) {
  return defineJob({
    queue: 'quip-ping',
    payload: pingPayload,
    concurrency: 4,
    async handle(payload, context) {
      const inserted = await db
        .insertInto('job_ledger')
        .values({ job_key: `ping:${payload.key}`, payload: JSON.stringify({ attempt: context.attempt }) })
        .onConflict((oc) => oc.column('job_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return { key: payload.key, firstRun: inserted !== undefined };
    },
  });
}
