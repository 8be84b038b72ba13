import type { CompiledExpression } from '../expressions/expression-types.ts';

/** A submission as the API takes it; person-level data arrives as one submission per record. */
export interface Submission {
  entityId: string;
  measure: string;
  period: string;
  submittedOn?: string | null;
  data: Readonly<Record<string, unknown>>;
}

/**
 * Submissions as columns (what a database scan or a CSV parser produces cheaply): one array per
 * envelope field and one per data field; row i is the i-th submission. A missing data column, or
 * a null/undefined cell, reads as a missing field.
 */
export interface SubmissionColumns {
  length: number;
  entityId: ArrayLike<string>;
  measure: ArrayLike<string>;
  period: ArrayLike<string>;
  submittedOn?: ArrayLike<string | null | undefined>;
  data: Readonly<Record<string, ArrayLike<unknown>>>;
}

export type SubmissionInput = readonly Submission[] | SubmissionColumns;

/**
 * Reads submission i the same way whatever the input layout, so the measure code has one path.
 * Two implementations only, so the calls stay cheap (a 2-way polymorphic call site).
 */
export interface RecordReader {
  readonly length: number;
  entityId(i: number): string;
  measure(i: number): string;
  period(i: number): string;
  submittedOn(i: number): string | null | undefined;
  /** False for a row whose `data` is not an object (such a row is left out, with an issue). */
  hasData(i: number): boolean;
  /** A field of the record that is not in `known` (an unknown field), or null when there is none. */
  unknownField(known: Readonly<Record<string, unknown>>, i: number): string | null;
  field(name: string, i: number): unknown;
  /** Evaluates over record i; the expression's `receivedOn` is submittedOn(i). */
  evaluate(expression: CompiledExpression, i: number): unknown;
  /** The record's fields as an object (for explanations and record checks; allocates for columns). */
  data(i: number): Readonly<Record<string, unknown>>;
}

export class RowRecordReader implements RecordReader {
  readonly length: number;
  constructor(private readonly rows: readonly Submission[]) {
    this.length = rows.length;
  }
  entityId(i: number): string {
    return (this.rows[i] as Submission).entityId;
  }
  measure(i: number): string {
    return (this.rows[i] as Submission).measure;
  }
  period(i: number): string {
    return (this.rows[i] as Submission).period;
  }
  submittedOn(i: number): string | null | undefined {
    return (this.rows[i] as Submission).submittedOn;
  }
  hasData(i: number): boolean {
    const data = (this.rows[i] as Submission).data as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data);
  }
  unknownField(known: Readonly<Record<string, unknown>>, i: number): string | null {
    const data = (this.rows[i] as Submission).data;
    // for-in allocates nothing (the run checks every record); JSON objects have no inherited keys.
    for (const name in data) if (!Object.hasOwn(known, name)) return name;
    return null;
  }
  /** `name` is a declared field, never an Object.prototype name (the field schema refuses those). */
  field(name: string, i: number): unknown {
    return (this.rows[i] as Submission).data[name];
  }
  /** The expression's `receivedOn` is the row's submittedOn. */
  evaluate(expression: CompiledExpression, i: number): unknown {
    const row = this.rows[i] as Submission;
    return expression.evaluate(row.data, row.submittedOn);
  }
  data(i: number): Readonly<Record<string, unknown>> {
    return (this.rows[i] as Submission).data;
  }
}

export class ColumnRecordReader implements RecordReader {
  readonly length: number;
  constructor(private readonly columns: SubmissionColumns) {
    this.length = columns.length;
  }
  entityId(i: number): string {
    return this.columns.entityId[i] as string;
  }
  measure(i: number): string {
    return this.columns.measure[i] as string;
  }
  period(i: number): string {
    return this.columns.period[i] as string;
  }
  submittedOn(i: number): string | null | undefined {
    return this.columns.submittedOn?.[i];
  }
  hasData(_i: number): boolean {
    return true;
  }
  unknownField(known: Readonly<Record<string, unknown>>, i: number): string | null {
    const data = this.columns.data;
    for (const name of Object.keys(data)) {
      if (Object.hasOwn(known, name)) continue;
      const value = data[name]?.[i];
      if (value !== undefined && value !== null) return name;
    }
    return null;
  }
  field(name: string, i: number): unknown {
    const data = this.columns.data;
    return Object.hasOwn(data, name) ? data[name]?.[i] : undefined;
  }
  /** The expression's `receivedOn` is the submittedOn column's cell (null without the column). */
  evaluate(expression: CompiledExpression, i: number): unknown {
    return expression.evaluateAt(this.columns.data, i, this.columns.submittedOn?.[i]);
  }
  data(i: number): Readonly<Record<string, unknown>> {
    const record: Record<string, unknown> = {};
    for (const [name, column] of Object.entries(this.columns.data)) {
      const value = column[i];
      if (value !== undefined && value !== null) record[name] = value;
    }
    return record;
  }
}

export function recordReader(input: SubmissionInput): RecordReader {
  return Array.isArray(input)
    ? new RowRecordReader(input as readonly Submission[])
    : new ColumnRecordReader(input as SubmissionColumns);
}
