import type { Entity, Submission } from '@quip/core';
import type { FiscalYearSpan } from './iso-day.ts';

export type GeneratorSize = 'demo' | 'california';

export interface GeneratorOptions {
  seed: number;
  size: GeneratorSize;
  /** '2026-27' (the default); '2025-26' shifts every date and due date by one year. */
  fiscalYear?: string;
  /** Share of extra malformed submission rows (0..1), each marked in `rows()`. Default 0. */
  malformedRate?: number;
  /**
   * Multiplies the California payee and people counts (default 1): a scaled-down run whose
   * counts are proportional, for tests. Demo size ignores it.
   */
  scale?: number;
}

/** The fields of a program's payees and of each measure's `data`, in the order the docs list them. */
export interface ProgramShape {
  entityFields: readonly string[];
  /**
   * measure key -> its data fields in order; `required` are always present in a valid row.
   * `scoresCompleteness`: a reporting measure, for which a missing required field is an incomplete
   * report to store and score, not a malformed row (only its `recordKey` fields stay mandatory).
   */
  measures: Readonly<
    Record<
      string,
      {
        fields: readonly string[];
        required: readonly string[];
        scoresCompleteness?: boolean;
        recordKey?: readonly string[];
      }
    >
  >;
}

/** What one program module produces for one fiscal year and size (before malformed rows). */
export interface ProgramGenerator {
  shape: ProgramShape;
  entities: Entity[];
  submissions(): Iterable<Submission>;
  /** DDS: the residents of the residential homes, the people the screening records are about. */
  people?: number;
}

export interface ProgramContext {
  seed: number;
  size: GeneratorSize;
  scale: number;
  year: FiscalYearSpan;
}

export type MalformedKind =
  | 'wrong-type'
  | 'missing-required'
  | 'unknown-measure'
  | 'unknown-entity'
  | 'duplicate';

/** One submission row; `row` counts from 1 (CSV line `row + 1` after the header). */
export interface GeneratedRow {
  row: number;
  submission: Submission;
  /** Set only on the rows made bad on purpose. */
  malformed?: MalformedKind;
}

export interface GeneratedProgramData {
  programId: string;
  fiscalYear: string;
  shape: ProgramShape;
  entities: Entity[];
  /** DDS: the residents of the residential homes (450,000 at California scale). */
  people?: number;
  /** Every submission row in order, malformed ones included; a fresh stream on each call. */
  submissions(): Iterable<Submission>;
  /** The same rows numbered, with the malformed ones marked. */
  rows(): Iterable<GeneratedRow>;
}

/** A measure's data fields in order, every one required in a valid row. */
export const requiredFields = (fields: readonly string[]) => ({ fields, required: fields });
