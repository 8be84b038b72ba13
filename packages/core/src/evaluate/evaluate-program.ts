import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { SubmissionInput } from '../measures/record-reader.ts';
import type { Payment } from '../payment/payment.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { evaluateMeasureValues, scoreOrderedValues } from './evaluate-phased.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';

export interface EvaluateInput {
  /** The payees: `{ id, ...fields }` (service code, assigned members, milestone count, rate, ...). */
  entities: readonly Entity[];
  /** Submissions as rows (the objects the API takes) or as columns. */
  submissions: SubmissionInput;
  /** The evaluation date 'YYYY-MM-DD': later submissions are left out; undated ones count as made on it. */
  asOf: string;
  /** Attach an explanation trace to every result and payment (slower; for previews and one payee). */
  explain?: boolean;
}

export interface ProgramEvaluation {
  /** One per entity x measure, entity by entity in input order, measures in rulebook order. */
  results: MeasureResult[];
  payments: Payment[];
  issues: EvaluationIssue[];
}

/**
 * Evaluates a compiled rulebook over payees and their submissions, in phases:
 * 1. group submissions by entity x measure x period (resubmissions resolved);
 * 2. per measure, each entity's value (applicability, records, rates, reporting parts);
 * 3. per measure, the population: peer percentiles once, then each entity's target, met, points;
 * 4. per entity, the composite score and the payment.
 * Pure: the same rulebook, input and asOf give the same output.
 */
export function evaluateProgram(compiled: CompiledRulebook, input: EvaluateInput): ProgramEvaluation {
  const phase1 = evaluateMeasureValues(compiled, input);
  const scored = scoreOrderedValues(
    compiled,
    phase1.entities,
    phase1.values,
    input.asOf,
    input.explain === true,
  );
  return { results: scored.results, payments: scored.payments, issues: [...phase1.issues, ...scored.issues] };
}
