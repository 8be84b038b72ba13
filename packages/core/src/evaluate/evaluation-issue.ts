/** A non-fatal problem met while evaluating: data left out, a payee the payment could not price. */
export interface EvaluationIssue {
  code: string;
  message: string;
  entityId?: string;
  measure?: string;
  /** How many submissions (or entities) the issue covers, when it summarises many. */
  count?: number;
  /** The additional payment part that raised it (payment issues of `additionalPayments`). */
  part?: string;
}
