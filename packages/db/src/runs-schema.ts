import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<string, string | undefined, never>;

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface RunTable {
  id: Generated<number>;
  fiscal_year: string;
  program_id: string;
  status: RunStatus;
  rulebook_revision_id: number;
  rulebook_version: number;
  content_hash: string;
  /** The highest submission id when the run started: the run reads ids <= this. */
  snapshot_submission_id: number;
  as_of: string;
  payees: number;
  chunks: number;
  official: ColumnType<boolean, boolean | undefined, boolean>;
  reason: string | null;
  totals: unknown;
  issues: unknown;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: string | null;
  finished_at: string | null;
  /** Times the run was resumed after its process or queue was lost (migration 0014). */
  resumes: ColumnType<number, number | undefined, number>;
  resumed_at: string | null;
}

export interface RunPayeeTable {
  run_id: number;
  entity_id: string;
  chunk_no: number;
  name: string;
  attributes: unknown;
}

export interface RunChunkTable {
  run_id: number;
  chunk_no: number;
  payees: number;
  done_at: string | null;
}

export interface RunValueTable {
  run_id: number;
  chunk_no: number;
  payees: number;
  /**
   * The chunk's phase-1 values as one JSON document (json, not jsonb: stored and read back as
   * text), written and read by run-codecs/run-values-codec.ts: the chunk's distinct values and one
   * number per payee x measure; runs stored by the first release hold [[payee, measure, value], ...].
   */
  values: unknown;
}

export interface RunResultTable {
  run_id: number;
  entity_id: string;
  measure: string;
  status: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
  points: number | null;
  result: unknown;
}

export interface RunPayeePaymentTable {
  run_id: number;
  entity_id: string;
  total_cents: number;
  details: unknown;
}

export interface RunPaymentTable {
  run_id: number;
  entity_id: string;
  line_no: number;
  kind: string;
  amount_cents: number;
  line: unknown;
}

/** The tables of migration 0005-runs, merged into Database. */
export interface RunTables {
  runs: RunTable;
  run_payees: RunPayeeTable;
  run_chunks: RunChunkTable;
  run_values: RunValueTable;
  run_results: RunResultTable;
  run_payee_payments: RunPayeePaymentTable;
  run_payments: RunPaymentTable;
}
