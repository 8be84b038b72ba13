import type { Entity, Submission } from '@quip/core';
import type { FiscalYearSpan } from './iso-day.ts';
import { Prng } from './prng.ts';

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

/** What a payee's submissions are drawn with (see `perPayeeGenerator`). */
export interface PayeeDraw {
  /** The program's seed, size and fiscal year. */
  ctx: ProgramContext;
  /** The payee's own random stream. */
  prng: Prng;
  /** The payee's place among the program's payees. */
  index: number;
  /** One submission of the payee for the year's period. */
  submission(measure: string, submittedOn: string, data: Record<string, unknown>): Submission;
}

/**
 * A program whose payees each submit on their own: `submissionsOf` gives the submissions of
 * `payees[i]` (what the generator knows of the payee `entities[i]`), drawn from a random stream of
 * its own (seed, program, 'submissions', i), so that no payee's rows depend on another's; the
 * payees one after another.
 */
export function perPayeeGenerator<P>(
  ctx: ProgramContext,
  program: string,
  shape: ProgramShape,
  entities: Entity[],
  payees: readonly P[],
  submissionsOf: (payee: P, draw: PayeeDraw) => Iterable<Submission>,
): ProgramGenerator {
  const period = ctx.year.name;
  return {
    shape,
    entities,
    *submissions(): Generator<Submission> {
      for (let index = 0; index < payees.length; index++) {
        const entityId = (entities[index] as Entity).id;
        yield* submissionsOf(payees[index] as P, {
          ctx,
          prng: Prng.stream(ctx.seed, program, 'submissions', index),
          index,
          submission: (measure, submittedOn, data) => ({ entityId, measure, period, submittedOn, data }),
        });
      }
    },
  };
}

/** A measure's data fields in order, every one required in a valid row. */
export const requiredFields = (fields: readonly string[]) => ({ fields, required: fields });
