import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { recordHash } from './submission-record-hash.ts';

/** A record of a batch (payee, measure, period, record key). */
export interface SubmissionRecordKey {
  entityId: string;
  measure: string;
  period: string;
  recordKey: string;
}

export interface BatchReplacements {
  /** Rows of the batch that make a new version of a record stored before. */
  replaced: number;
  /** Records of the batch with findings whose version before had none (a worse replacement). */
  worsened: SubmissionRecordKey[];
}

/**
 * What a just-written batch replaced, read inside its transaction: how many of its rows are a new
 * version of a record already stored, and which flagged rows replace a clean version. A program
 * year with no earlier submissions answers at once (a first load of millions of rows pays nothing).
 */
export async function batchReplacements(
  trx: Transaction<Database>,
  batch: { id: number; fiscalYear: string; programId: string },
): Promise<BatchReplacements> {
  const earlier = await trx
    .selectFrom('submissions')
    .select(sql`1`.as('one'))
    .where('fiscal_year', '=', batch.fiscalYear)
    .where('program_id', '=', batch.programId)
    .where('batch_id', '<>', batch.id)
    .limit(1)
    .executeTakeFirst();
  if (!earlier) return { replaced: 0, worsened: [] };
  // The record hash first, so each probe is one range of the `submissions_record` index.
  const sameRecord = sql`o.fiscal_year = n.fiscal_year and o.program_id = n.program_id
    and o.entity_id = n.entity_id and ${recordHash('o')} = ${recordHash('n')} and o.id < n.id
    and o.measure = n.measure and o.period = n.period and o.record_key = n.record_key`;
  const counted = await sql<{ replaced: number }>`
    select count(*)::int as replaced from submissions n
    where n.batch_id = ${batch.id} and n.fiscal_year = ${batch.fiscalYear} and n.program_id = ${batch.programId}
      and exists (select 1 from submissions o where ${sameRecord})
  `.execute(trx);
  const replaced = counted.rows[0]?.replaced ?? 0;
  if (replaced === 0) return { replaced, worsened: [] };
  const worsened = await sql<SubmissionRecordKey>`
    select n.entity_id as "entityId", n.measure, n.period, n.record_key as "recordKey"
    from submissions n
    cross join lateral (
      select o.findings from submissions o where ${sameRecord} order by o.id desc limit 1
    ) before
    where n.batch_id = ${batch.id} and n.fiscal_year = ${batch.fiscalYear} and n.program_id = ${batch.programId}
      and n.findings is not null and before.findings is null
  `.execute(trx);
  return { replaced, worsened: worsened.rows };
}
