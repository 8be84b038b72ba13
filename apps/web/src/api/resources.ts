/** The JSON shapes of the /api/v1 resources the SPA reads (CONTRACT.md, "HTTP"). */

export type Role = 'admin' | 'analyst' | 'submitter';

/** `GET /api/v1/me`: who the API key belongs to. `entityIds` null means "not scoped to entities". */
export interface Me {
  name: string;
  role: Role;
  entityIds: string[] | null;
}

export type FiscalYearStatus = 'draft' | 'open' | 'closed';

export interface FiscalYear {
  /** e.g. `2026-27` */
  fiscalYear: string;
  /** ISO date, e.g. `2026-07-01` */
  startsOn: string;
  endsOn: string;
  status: FiscalYearStatus;
}

export interface Program {
  id: string;
  name: string;
  agency: string;
  payeeKind: string;
  /** One sentence on how the program pays. */
  description?: string;
  /** The published rulebook version, or null while nothing is published. */
  rulebookVersion: number | null;
}

export interface ItemList<T> {
  items: T[];
}

export interface PublishedRulebook {
  version: number;
  revision: number;
  contentHash: string;
  publishedAt: string;
  rulebook: Record<string, unknown>;
}

export interface DraftRulebook {
  revision: number;
  contentHash: string;
  savedAt: string;
  rulebook: Record<string, unknown>;
}

/** `GET .../rulebook`: submitters always see `draft: null`. */
export interface RulebookState {
  published: PublishedRulebook | null;
  draft: DraftRulebook | null;
}

export interface RulebookRevision {
  revision: number;
  version: number | null;
  contentHash: string;
  source: 'catalog' | 'admin' | 'clone';
  note: string | null;
  savedAt: string;
  savedBy: string | null;
  publishedAt: string | null;
}

export interface RulebookDiff {
  from: { version: number | 'draft'; contentHash: string };
  to: { version: number | 'draft'; contentHash: string };
  changes: { path: string; op: 'add' | 'remove' | 'replace'; from?: unknown; to?: unknown }[];
}

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
}

export interface EntityRecord {
  id: string;
  [field: string]: unknown;
}

export interface SubmissionRecord {
  entityId: string;
  measure: string;
  period: string;
  submittedOn?: string | null;
  data: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  entityIds: string[] | null;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  subject: string;
  details: unknown;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Run {
  id: string;
  status: RunStatus;
  progress: { done: number; total: number };
  totals?: Record<string, unknown> | null;
  [extra: string]: unknown;
}
