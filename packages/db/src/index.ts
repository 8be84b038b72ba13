export {
  createDatabase,
  type DatabaseKind,
  type DatabaseOptions,
  type QuipDatabase,
} from './create-database.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export { MigrationError, migrateToLatest } from './migrate.ts';
export * from './repositories/api-keys.ts';
export * from './repositories/audit-log.ts';
export * from './repositories/fiscal-years.ts';
export * from './repositories/programs.ts';
export * from './repositories/rulebooks.ts';
export type * from './schema.ts';
export { PROGRAMS, SEEDED_FISCAL_YEARS, seedReferenceData } from './seed/reference-data.ts';
