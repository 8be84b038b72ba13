// Public surface of @quip/core: the names other packages, the SPA and the benchmarks use, each taken
// straight from the file that defines it. Add a name here when another package needs it.
export { csvText } from './csv-text.ts';
export { type CycleBudgetOverrun, checkCycleBudget } from './cycles/cycle-budget.ts';
export { type CycleLine, type CycleTotals, computeCycleLines, cycleTotals } from './cycles/cycle-lines.ts';
export { type CyclesConfig, CyclesSchema, DEFAULT_CYCLES } from './cycles/cycles-schema.ts';
export { RulebookError, type RuleIssue } from './errors.ts';
export {
  evaluateMeasureValues,
  payScoredValues,
  scoreOrderedValues,
  scoreValues,
} from './evaluate/evaluate-phased.ts';
export { evaluateProgram } from './evaluate/evaluate-program.ts';
export type { EvaluationIssue } from './evaluate/evaluation-issue.ts';
export {
  type PayeeChange,
  type PayeeChanges,
  payeeChanges,
  type WhatIfPayees,
} from './evaluate/payee-changes.ts';
export type { WhatIfMeasure } from './evaluate/rescore-measure.ts';
export { type SubmissionProblem, SubmissionValidator } from './evaluate/submission-validator.ts';
export { createWhatIf, type WhatIf, type WhatIfResult } from './evaluate/what-if.ts';
export { checkExpression } from './expressions/check-expression.ts';
export { compileExpression } from './expressions/compile-expression.ts';
export { yearsBetween } from './expressions/date-arithmetic.ts';
export type { FieldTypes } from './expressions/expression-types.ts';
export { defaultAsOf, nextFiscalYear, parseFiscalYear } from './fiscal-year.ts';
export type { Entity } from './measures/applies-to.ts';
export { hasType, isPresent } from './measures/check-record.ts';
export type { CompiledMeasure } from './measures/compile-measure.ts';
export { MEASURE_RESULT_VALUE_FIELDS, MeasureResult } from './measures/measure-result.ts';
export { valueProblem } from './measures/record-checker.ts';
export type { Submission, SubmissionColumns } from './measures/record-reader.ts';
export { type SubmissionCsvTemplate, submissionCsvTemplate } from './measures/submission-csv-template.ts';
export {
  JSON_SCHEMA_DIALECT,
  type JsonSchema,
  submissionDataJsonSchema,
  submissionJsonSchema,
} from './measures/submission-data-json-schema.ts';
export { dollarsToCents, formatCents } from './money/cents.ts';
export { ClassTableMilestonesParamsSchema } from './payment/class-table-milestones.ts';
export { type Payment, type PaymentLine, paymentLineKey, type TraceStep } from './payment/payment.ts';
export { PaymentParamsSchema } from './payment/payment-params.ts';
export { isPlainName } from './plain-name.ts';
export { canonicalJson } from './rulebook/canonical-json.ts';
export { type CompiledRulebook, compileRulebook } from './rulebook/compile-rulebook.ts';
export { contentHash } from './rulebook/content-hash.ts';
export type { Fields, FieldType } from './rulebook/field-spec-schema.ts';
export { isIsoDate } from './rulebook/iso-date.ts';
export { MeasureKeySchema, MeasureSpecSchema } from './rulebook/measure-spec-schema.ts';
export type { RulebookInput } from './rulebook/rulebook-schema.ts';
export {
  shiftRulebookYear,
  UNSHIFTED_REASONS,
  type UnshiftedReason,
} from './rulebook/shift-rulebook-year.ts';
export { validateRulebook } from './rulebook/validate-rulebook.ts';
export { type MeasurePayRole, type MeasurePays, measurePays } from './rulebook-words/measure-pays.ts';
export {
  describeTarget,
  formatMeasureValue,
  fromTyped,
  type MeasureUnit,
  measureUnit,
  toTyped,
  typedTargetWarning,
} from './rulebook-words/measure-unit.ts';
export { paymentFormula, workedExample } from './rulebook-words/payment-in-words.ts';
export { describeRulebookChanges, type RulebookChange } from './rulebook-words/rulebook-diff.ts';
export { buildScorecard, type ScorecardInput } from './scorecard/build-scorecard.ts';
export type { ScorecardPopulation } from './scorecard/counterfactual.ts';
export { formatDollars } from './scorecard/format-dollars.ts';
export type {
  ReceivedBatch,
  Scorecard,
  ScorecardLine,
  ScorecardMeasure,
  ScorecardPayment,
  ScorecardRest,
  ScorecardStage,
} from './scorecard/scorecard.ts';
export { paysEveryPayeeAlone, storedPopulation } from './scorecard/stored-population.ts';
export { TargetSpecSchema } from './targets/target-spec.ts';
export { DEFAULT_TIME_ZONE, dayIn } from './time-zone.ts';
