// Public surface of @quip/db: opening the database, the repositories and the row types other
// packages use. Test helpers are at `@quip/db/testing`.
export {
  createDatabase,
  type DatabaseKind,
  lastStatementEndedAt,
  type QuipDatabase,
} from './create-database.ts';
export { type PgClient, pgClientTransaction } from './pg-client-transaction.ts';
export {
  findApiKey,
  listApiKeys,
  lockApiKeys,
  programsOfPayeeIds,
  revokeApiKey,
} from './repositories/api-key-management.ts';
export {
  type ApiKeyRecord,
  countActiveAdminKeys,
  findActiveApiKeyByHash,
  insertApiKey,
} from './repositories/api-keys.ts';
export { appendAudit, listAudit, verifyAuditChain } from './repositories/audit-log.ts';
export { findEntity, listEntities, listPayeesForChecks, upsertEntities } from './repositories/entities.ts';
export { insertFiscalYear, lockFiscalYear, setFiscalYearStatus } from './repositories/fiscal-year-writes.ts';
export {
  type CloseBlocker,
  closeBlockers,
  type FiscalYear,
  findFiscalYear,
  listFiscalYears,
} from './repositories/fiscal-years.ts';
export {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  IdempotencyClaimLostError,
  type IdempotencyKeyRef,
  type IdempotencyRecord,
  isSingleProcessDatabase,
  releaseIdempotencyKey,
  renewIdempotencyClaim,
  takeOverIdempotencyKey,
} from './repositories/idempotency.ts';
export {
  type CycleFileRow,
  listCycleFileRows,
  listLedger,
  listPaymentCycleLines,
} from './repositories/ledger.ts';
export {
  approvePaymentCycle,
  type CreatePaymentCycleOutcome,
  createPaymentCycle,
  findPaymentCycle,
  listPaymentCycles,
  type PaymentCycleRecord,
} from './repositories/payment-cycles.ts';
export { listPrograms } from './repositories/programs.ts';
export {
  countOpenProgramRequests,
  countOpenReviewRequests,
  decideReviewRequest,
  findNewerSucceededRun,
  findReviewRequest,
  insertReviewRequest,
  listReviewRequests,
  type PayeeRunSide,
  payeeRunSide,
  type ReviewRequestRecord,
} from './repositories/review-requests.ts';
export {
  findCurrentDraft,
  findPublishedRulebook,
  hasAnyRulebook,
  listRulebookRevisions,
  publishCurrentDraft,
  publishedVersions,
  type RulebookRevision,
  saveRulebookRevision,
} from './repositories/rulebooks.ts';
export { diffRuns } from './repositories/run-diff.ts';
export {
  insertRunValues,
  listRunChunks,
  loadRunPayees,
  loadRunValueDocs,
  loadSnapshotSubmissions,
  markChunkDone,
  type RunPayee,
} from './repositories/run-inputs.ts';
export { copyRunOutput, RUN_RESULT_COPY_COLUMNS } from './repositories/run-output-copy.ts';
export { refreshRunOutputStatistics } from './repositories/run-output-statistics.ts';
export {
  insertRunPayments,
  listRunPayments,
  type RunPayment,
  runPaymentTotals,
} from './repositories/run-payments.ts';
export {
  countRunResultPayees,
  insertRunResults,
  listRunResults,
  type RunResultRow,
} from './repositories/run-results.ts';
export { claimRunResume, listIdleUnfinishedRuns, type UnfinishedRun } from './repositories/run-resumes.ts';
export {
  cancelRun,
  createRun,
  findOfficialRun,
  findRun,
  finishRun,
  isRunActive,
  listRuns,
  listUnfinishedRuns,
  markRunOfficial,
  markRunPreliminary,
  type RunRecord,
  type RunTotals,
  runProgress,
  startRunning,
} from './repositories/runs.ts';
export { copyText, SubmissionCopy, submissionCopyLine } from './repositories/submission-copy.ts';
export { batchReplacements } from './repositories/submission-replacements.ts';
export {
  createSubmissionBatch,
  finishSubmissionBatch,
  insertSubmissionRows,
  listSubmissions,
  submissionRowJson,
} from './repositories/submissions.ts';
export { expandResultJson } from './run-codecs/compact-result-json.ts';
export { resultCopyBatches, runResultRow } from './run-codecs/run-result-rows.ts';
export { encodeRunValues, placeRunValues } from './run-codecs/run-values-codec.ts';
export {
  ACTIVE_RUN_STATUSES,
  type ActiveRunStatus,
  isActiveRunStatus,
  RUN_STATUSES,
  type RunStatus,
} from './runs-schema.ts';
export { type ApiKeyRole, type Database, ROLES } from './schema.ts';
export { loadCatalog } from './seed/load-catalog.ts';
export { seedReferenceData } from './seed/reference-data.ts';
