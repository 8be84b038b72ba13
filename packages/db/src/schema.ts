import type { ColumnType, Generated } from 'kysely';

/** Columns the database fills in; reads return ISO strings (see dialect/type-parsers.ts). */
type CreatedAt = ColumnType<string, string | undefined, never>;

export type FiscalYearStatus = 'draft' | 'open' | 'closed';
export type ApiKeyRole = 'admin' | 'analyst' | 'submitter';

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

export interface Database {
  fiscal_years: FiscalYearTable;
  programs: ProgramTable;
  api_keys: ApiKeyTable;
  job_ledger: JobLedgerTable;
}
