export {
  createDatabase,
  type DatabaseKind,
  type DatabaseOptions,
  type QuipDatabase,
} from './create-database.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export { MigrationError, migrateToLatest } from './migrate.ts';
export { type PgClient, pgClientTransaction } from './pg-client-transaction.ts';
export * from './repositories/api-key-management.ts';
export * from './repositories/api-keys.ts';
export * from './repositories/audit-log.ts';
export * from './repositories/entities.ts';
export * from './repositories/fiscal-year-writes.ts';
export * from './repositories/fiscal-years.ts';
export * from './repositories/idempotency.ts';
export * from './repositories/ledger.ts';
export * from './repositories/payment-cycles.ts';
export * from './repositories/programs.ts';
export * from './repositories/rulebooks.ts';
export * from './repositories/run-diff.ts';
export * from './repositories/run-inputs.ts';
export * from './repositories/run-output-copy.ts';
export * from './repositories/run-payments.ts';
export * from './repositories/run-results.ts';
export * from './repositories/runs.ts';
export * from './repositories/submission-copy.ts';
export {
  type BatchReplacements,
  batchReplacements,
  type SubmissionRecordKey,
} from './repositories/submission-replacements.ts';
export * from './repositories/submissions.ts';
export type * from './schema.ts';
export { type CatalogEntry, loadCatalog } from './seed/load-catalog.ts';
export { PROGRAMS, SEEDED_FISCAL_YEARS, seedReferenceData } from './seed/reference-data.ts';
