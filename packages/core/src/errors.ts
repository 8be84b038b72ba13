/** One problem found in a rulebook or an input, located by its JSON path (and, inside an expression, its character offset). */
export interface RuleIssue {
  path: (string | number)[];
  message: string;
  code: string;
  /** 0-based character offset inside an expression source, when the problem is inside one. */
  position?: number;
}

/**
 * The only error core throws: a rulebook (or an expression inside it) that cannot be used.
 * Callers map `code` to their own status (the API answers 422 with `issues`).
 */
export class RulebookError extends Error {
  override readonly name = 'RulebookError';
  constructor(
    readonly code: string,
    message: string,
    readonly issues: RuleIssue[] = [],
  ) {
    super(message);
  }
}
