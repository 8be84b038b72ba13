import type { CycleLine, CycleTotals } from '@quip/core';

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

/** A completeness or accuracy finding on a stored record (it is stored, flagged and scored so). */
export interface SubmissionFinding {
  path: string;
  message: string;
}

/** `GET .../submissions`: one stored version of a record, with its receipt. */
export interface StoredSubmission extends SubmissionRecord {
  id: number;
  batchId: number;
  /** The day it counts as received for timeliness: declaredOn, else receivedAt's day in the program's zone. */
  submittedOn: string;
  /** The server's clock when its batch was accepted (ISO 8601 UTC). */
  receivedAt: string;
  /** A submittedOn an admin declared for a historic record; null otherwise. */
  declaredOn: string | null;
  /** The name of the API key that sent it. */
  keyName: string | null;
  findings: SubmissionFinding[];
}

/** A bulk input row's problem: `row` counts records from 1 (a CSV header is not a row). */
export interface RowProblem {
  row: number;
  path: string;
  message: string;
}

/** `POST .../submissions` (201), or the same with `?dryRun=1` (200, `batchId` null: nothing stored). */
export interface SubmissionBatch {
  batchId: number | null;
  rows: number;
  receivedAt: string;
  receivedOn: string;
  /** Rows that made a new version of a stored record. */
  replaced: number;
  /** Findings of the stored rows (the first 1,000; warningCount counts them all). */
  warnings: RowProblem[];
  warningCount: number;
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

/** CONTRACT.md "Payment cycles and the ledger": a cycle pays what is due after what was paid before. */
export type PaymentCycleStatus = 'draft' | 'approved';

/** The cycle's totals and lines are core's own types, as the API answers them. */
export type PaymentCycleTotals = CycleTotals;

export interface PaymentCycle {
  id: number;
  fiscalYear: string;
  program: string;
  runId: number;
  label: string | null;
  status: PaymentCycleStatus;
  official: boolean;
  /** The interim share the cycle applied (e.g. "0.8"), or null when it pays whole entitlements. */
  interimShare: string | null;
  recoveries: 'line' | 'offset';
  lifetimeKeys: string[];
  createdBy: string;
  createdByName: string;
  createdAt: string;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  totals: PaymentCycleTotals;
}

/** `GET /payment-cycles/{id}/lines`: one payee and key; a negative `dueCents` is a recovery. */
export type PaymentCycleLine = CycleLine;

/** One approved line in the append-only ledger; `balanceCents` is the running balance of its payee and key. */
export interface LedgerEntry {
  id: number;
  cycleId: number;
  fiscalYear: string;
  entityId: string;
  key: string;
  kind: string;
  amountCents: number;
  balanceCents: number;
  approvedAt: string;
}

export interface Ledger {
  items: LedgerEntry[];
  balances: { entityId: string; key: string; paidCents: number }[];
  nextCursor: string | null;
}
