import type { ColumnType, Generated } from 'kysely';
import type { RunTables } from './runs-schema.ts';

export type * from './runs-schema.ts';

/** Columns the database fills in; reads return ISO strings (see dialect/type-parsers.ts). */
type CreatedAt = ColumnType<string, string | undefined, never>;

export type FiscalYearStatus = 'draft' | 'open' | 'closed';
/** What an API key may do: administer, analyse, or send and see its own payees' data. */
export const ROLES = ['admin', 'analyst', 'submitter'] as const;
export type ApiKeyRole = (typeof ROLES)[number];

export interface FiscalYearTable {
  fiscal_year: string;
  starts_on: string;
  ends_on: string;
  status: FiscalYearStatus;
  created_at: CreatedAt;
  closed_at: string | null;
}

export interface ProgramTable {
  id: string;
  name: string;
  agency: string;
  payee_kind: string;
  description: string;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  role: ApiKeyRole;
  /** null = every entity; otherwise the only payees this key may see or write. */
  entity_ids: string[] | null;
  key_hash: string;
  /** The first characters of the key, so people can tell keys apart without the secret. */
  key_prefix: string;
  created_at: CreatedAt;
  created_by: string | null;
  revoked_at: string | null;
}

export interface JobLedgerTable {
  id: Generated<number>;
  job_key: string;
  payload: unknown;
  completed_at: CreatedAt;
}

export interface RulebookRevisionTable {
  id: Generated<number>;
  fiscal_year: string;
  program_id: string;
  revision: number;
  /** The published version number; null while the revision is a draft. */
  version: number | null;
  content: unknown;
  content_hash: string;
  source: 'catalog' | 'admin' | 'clone';
  note: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  published_at: string | null;
  published_by: string | null;
  /** The change note given when the revision was published (migration 0016). */
  publish_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EntityTable {
  fiscal_year: string;
  program_id: string;
  id: string;
  name: string;
  attributes: unknown;
  created_at: CreatedAt;
  updated_at: ColumnType<string, string | undefined, string>;
}

export interface SubmissionBatchTable {
  id: Generated<number>;
  fiscal_year: string;
  program_id: string;
  key_id: string | null;
  row_count: number;
  format: string;
  /** The day received in the program's time zone (the default day of its records). */
  received_on: string;
  /** The server's clock when the batch was accepted (ISO 8601 UTC). */
  received_at: string;
  created_at: CreatedAt;
}

export interface SubmissionTable {
  id: Generated<number>;
  batch_id: number;
  fiscal_year: string;
  program_id: string;
  entity_id: string;
  measure: string;
  period: string;
  record_key: ColumnType<string, string | undefined, never>;
  /** The day the record counts as received for timeliness: declared_on, or the batch's received_on. */
  submitted_on: string;
  /** A submittedOn an admin declared for a historic record; null for records received through the API. */
  declared_on: ColumnType<string | null, string | null | undefined, never>;
  data: unknown;
  /** Accuracy and completeness findings when received (`[{path, message}]`); null when none. */
  findings: ColumnType<unknown, unknown, never>;
}

export interface IdempotencyRecordTable {
  key_id: string;
  idempotency_key: string;
  request_hash: string;
  status: number | null;
  response: unknown;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor: string | null;
  action: string;
  subject: string;
  details: unknown;
  prev_hash: string;
  hash: string;
}

export interface Database extends RunTables {
  rulebook_revisions: RulebookRevisionTable;
  entities: EntityTable;
  submission_batches: SubmissionBatchTable;
  submissions: SubmissionTable;
  idempotency_records: IdempotencyRecordTable;
  audit_log: AuditLogTable;
  fiscal_years: FiscalYearTable;
  programs: ProgramTable;
  api_keys: ApiKeyTable;
  job_ledger: JobLedgerTable;
}
