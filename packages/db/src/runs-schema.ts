import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type CreatedAt = ColumnType<string, string | undefined, never>;

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run that has not ended: queued or running. */
export const ACTIVE_RUN_STATUSES = ['queued', 'running'] as const satisfies readonly RunStatus[];
export type ActiveRunStatus = (typeof ACTIVE_RUN_STATUSES)[number];

export function isActiveRunStatus(status: string): status is ActiveRunStatus {
  return (ACTIVE_RUN_STATUSES as readonly string[]).includes(status);
}

/** none: administrators and analysts only; preliminary: published for review; final: the official run. */
export type RunStage = 'none' | 'preliminary' | 'final';

export type ReviewRequestStatus = 'open' | 'accepted' | 'rejected';

/** A payee's review-and-correction request on a preliminary run (migration 0015). */
export interface ReviewRequestTable {
  id: Generated<number>;
  run_id: number;
  program_id: string;
  fiscal_year: string;
  entity_id: string;
  measure: string | null;
  line_key: string | null;
  reason: string;
  proposed_value: unknown;
  corrections: unknown;
  status: ColumnType<ReviewRequestStatus, ReviewRequestStatus | undefined, ReviewRequestStatus>;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** The submission batch that stored the corrections of an accepted request. */
  correction_batch_id: number | null;
  created_by: string;
  created_at: CreatedAt;
}

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
  /** stage = 'final', derived by the database (migration 0015): write the stage. */
  official: GeneratedAlways<boolean>;
  /** Who may see the run and whether it may still change (migration 0015). */
  stage: ColumnType<RunStage, RunStage | undefined, RunStage>;
  /** The last day of the review window of a preliminary run (the rulebook's time zone). */
  review_until: string | null;
  /** When the run was first published as preliminary or final. */
  published_at: string | null;
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
  review_requests: ReviewRequestTable;
}
