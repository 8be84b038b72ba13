/** The value types of the expression language. A `date` value is an ISO 'YYYY-MM-DD' string. */
export type ExprType = 'number' | 'string' | 'boolean' | 'date' | 'list';

/** A measure's field schema as the expression language sees it: field name -> type. */
export type FieldTypes = Record<string, ExprType>;

/** An expression checked and compiled once, evaluated many times. */
export interface CompiledExpression {
  readonly source: string;
  readonly type: ExprType;
  /** The fields the expression reads, in order of first appearance. */
  readonly fields: string[];
  /**
   * Evaluates over one record (row input). Boolean expressions always return true or false.
   * `receivedOn` ('YYYY-MM-DD') is the day the record counts as received, read by the expression's
   * `receivedOn`; absent, `receivedOn` is null.
   */
  evaluate(record: Readonly<Record<string, unknown>>, receivedOn?: string | null): unknown;
  /** Evaluates over row `index` of columnar input (one array per field; a missing column reads as null). */
  evaluateAt(
    columns: Readonly<Record<string, ArrayLike<unknown>>>,
    index: number,
    receivedOn?: string | null,
  ): unknown;
  /**
   * Why the expression gives null over a record (`read` gives a field's raw value), when the
   * reason is a mistake in the data: 'division-by-zero'; null for an ordinary null (a missing
   * field, an `if` that chose null). Slow (walks the tree): call it only for a null result.
   */
  nullCause(read: (field: string) => unknown, receivedOn?: string | null): 'division-by-zero' | null;
}

/**
 * The type the checker gives a node: an ExprType, `null` for the null literal (fits any type), or
 * `error` for a node that already has an issue (so one mistake is not reported again by its parents).
 */
export type CheckedType = ExprType | 'null' | 'error';
