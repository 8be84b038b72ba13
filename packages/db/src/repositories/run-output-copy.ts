import { once } from 'node:events';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
// A default import: dependency-cruiser cannot read `import { from as ... }`.
import copyStreams from 'pg-copy-streams';
import { pgClientTransaction } from '../pg-client-transaction.ts';
import type { Database } from '../schema.ts';
import type { RunPaymentInput } from './run-payments.ts';
import { copyText } from './submission-copy.ts';

const cell = (v: string | number | boolean | null) =>
  v === null ? '\\N' : typeof v === 'string' ? copyText(v) : String(v);

/** The run_results columns of copyRunOutput's result lines, in order. */
export const RUN_RESULT_COPY_COLUMNS = [
  'run_id',
  'entity_id',
  'measure',
  'status',
  'value',
  'target',
  'met',
  'points',
  'result',
] as const;

/** Streams COPY text into `statement` ~1 MB per write, waiting while the server is behind; the server's row count. */
async function copyLines(client: pg.PoolClient, statement: string, lines: Iterable<string>): Promise<number> {
  const stream = client.query(copyStreams.from(statement));
  let failure: Error | null = null;
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (failure) throw failure;
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  if (failure) throw failure;
  stream.end(buffer);
  await once(stream, 'finish');
  return stream.rowCount;
}

export type RunOutputStored =
  | { stored: 'copied'; results: number; payees: number }
  | { stored: 'already-stored' };

/**
 * Phase 2's output on PostgreSQL: results, payments and payment lines through COPY FROM STDIN in
 * one transaction, so a run's output is stored whole or not at all. `results` gives the
 * run_results rows as COPY text lines (columns RUN_RESULT_COPY_COLUMNS), any number of lines per
 * item: they are made as the server takes them in. COPY cannot skip rows already there, so the
 * run row is locked first and nothing is written when a previous attempt stored the output (a
 * retried or duplicated phase 2 writes nothing twice). Returns the rows the server stored. Null
 * on PGlite (no COPY from a client stream): the caller inserts instead.
 */
export function copyRunOutput(
  db: Kysely<Database>,
  runId: number,
  results: Iterable<string>,
  payments: readonly RunPaymentInput[],
): Promise<RunOutputStored> | null {
  return pgClientTransaction(db, async (trx, client) => {
    await sql`select id from runs where id = ${runId} for update`.execute(trx);
    const stored = await trx
      .selectFrom('run_payee_payments')
      .select('entity_id')
      .where('run_id', '=', runId)
      .limit(1)
      .executeTakeFirst();
    if (stored) return { stored: 'already-stored' };
    const resultRows = await copyLines(
      client,
      `copy run_results (${RUN_RESULT_COPY_COLUMNS.join(', ')}) from stdin`,
      results,
    );
    const payees = await copyLines(
      client,
      'copy run_payee_payments (run_id, entity_id, total_cents, details) from stdin',
      (function* () {
        for (const p of payments) {
          yield `${runId}\t${cell(p.entityId)}\t${p.totalCents}\t${copyText(JSON.stringify(p.details))}\n`;
        }
      })(),
    );
    await copyLines(
      client,
      'copy run_payments (run_id, entity_id, line_no, kind, amount_cents, line) from stdin',
      (function* () {
        for (const p of payments) {
          for (let i = 0; i < p.lines.length; i++) {
            const line = p.lines[i] as RunPaymentInput['lines'][number];
            yield `${runId}\t${cell(p.entityId)}\t${i + 1}\t${cell(line.kind)}\t${line.amountCents}\t${copyText(JSON.stringify(line))}\n`;
          }
        }
      })(),
    );
    return { stored: 'copied', results: resultRows, payees };
  });
}
