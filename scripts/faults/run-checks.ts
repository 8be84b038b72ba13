/**
 * What the fault test asks of PostgreSQL directly (psql from the driver's host): the stored output
 * of one run, counted, and anything stored twice.
 */
import { DATABASE_URL, output } from './hosts.ts';

const PSQL = `${process.env.QUIP_PG_BIN ?? '/usr/lib/postgresql/15/bin'}/psql`;

/** Rows of one query, cells split on tabs. */
export async function query(sql: string): Promise<string[][]> {
  const text = await output(PSQL, [
    DATABASE_URL,
    '-X',
    '-At',
    '-F',
    '\t',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    sql,
  ]);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

export async function scalar(sql: string): Promise<number> {
  return Number((await query(sql))[0]?.[0]);
}

export interface StoredOutput {
  payees: number;
  chunks: number;
  chunksDone: number;
  valueDocuments: number;
  results: number;
  payeePayments: number;
  paymentLines: number;
  /** (run, payee) or (run, payee, measure) or (run, payee, line) keys held by more than one row. */
  duplicates: number;
}

/** Everything a run stored, counted (the primary keys forbid duplicates; counted anyway). */
export async function storedOutput(runId: number): Promise<StoredOutput> {
  const id = Number(runId);
  const [row] = await query(`select
      (select payees from runs where id = ${id}),
      (select chunks from runs where id = ${id}),
      (select count(*) from run_chunks where run_id = ${id}),
      (select count(*) from run_chunks where run_id = ${id} and done_at is not null),
      (select count(*) from run_values where run_id = ${id}),
      (select count(*) from run_results where run_id = ${id}),
      (select count(*) from run_payee_payments where run_id = ${id}),
      (select count(*) from run_payments where run_id = ${id}),
      (select count(*) from (select 1 from run_results where run_id = ${id} group by entity_id, measure having count(*) > 1) d)
      + (select count(*) from (select 1 from run_payee_payments where run_id = ${id} group by entity_id having count(*) > 1) d)
      + (select count(*) from (select 1 from run_payments where run_id = ${id} group by entity_id, line_no having count(*) > 1) d)
      + (select count(*) from (select 1 from run_values where run_id = ${id} group by chunk_no having count(*) > 1) d)`);
  const n = (row ?? []).map(Number);
  const chunkRows = n[2] ?? 0;
  if (chunkRows !== n[1]) throw new Error(`run ${id}: ${n[1]} chunks planned, ${chunkRows} chunk rows`);
  return {
    payees: n[0] ?? 0,
    chunks: n[1] ?? 0,
    chunksDone: n[3] ?? 0,
    valueDocuments: n[4] ?? 0,
    results: n[5] ?? 0,
    payeePayments: n[6] ?? 0,
    paymentLines: n[7] ?? 0,
    duplicates: n[8] ?? 0,
  };
}

/** Runs and 'run.start' audit entries stored, to compare with the runs the test started. */
export async function runsStored(): Promise<{ runs: number; auditStarts: number }> {
  const [row] = await query(
    `select (select count(*) from runs), (select count(*) from audit_log where action = 'run.start')`,
  );
  return { runs: Number(row?.[0]), auditStarts: Number(row?.[1]) };
}
