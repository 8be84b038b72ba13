import type { Submission } from '@quip/core';
import { Prng } from './prng.ts';
import type { GeneratedRow, MalformedKind, ProgramShape } from './program-generator.ts';

export const MALFORMED_KINDS: readonly MalformedKind[] = [
  'wrong-type',
  'missing-required',
  'unknown-measure',
  'unknown-entity',
  'duplicate',
];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Numbers the rows and, after a share `rate` of the good rows, inserts a bad copy of that row,
 * marked with what is wrong. Bad rows are extra rows, so the good rows stay exactly the clean
 * data set: dropping the marked rows gives back the output of `rate` 0.
 */
export function* numberRows(
  submissions: Iterable<Submission>,
  options: { seed: number; programId: string; rate: number; shape: ProgramShape },
): Generator<GeneratedRow> {
  const prng = Prng.stream(options.seed, options.programId, 'malformed');
  let row = 0;
  for (const submission of submissions) {
    yield { row: ++row, submission };
    if (options.rate <= 0 || !prng.chance(options.rate)) continue;
    let kind = prng.pick(MALFORMED_KINDS);
    // A report whose measure scores completeness and has no record key has no field whose absence
    // makes it malformed (it is an incomplete report): make it wrong by type instead.
    if (kind === 'missing-required' && mandatoryFields(options.shape, submission.measure).length === 0) {
      kind = 'wrong-type';
    }
    yield { row: ++row, submission: corrupt(submission, kind, row, options.shape), malformed: kind };
  }
}

function corrupt(good: Submission, kind: MalformedKind, row: number, shape: ProgramShape): Submission {
  const bad: Submission = { ...good, data: { ...good.data } };
  const data = bad.data as Record<string, unknown>;
  const fields = shape.measures[good.measure]?.fields ?? Object.keys(data);
  switch (kind) {
    case 'wrong-type': {
      const field = fields.find((f) => {
        const v = data[f];
        return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && ISO_DAY.test(v));
      });
      if (field === undefined) break;
      const value = data[field];
      // Wrong in JSON and in CSV alike: text where a number, a yes/no or a date belongs.
      data[field] =
        typeof value === 'number'
          ? 'not-a-number'
          : typeof value === 'boolean'
            ? 'yes'
            : `${String(value).slice(8, 10)}/${String(value).slice(5, 7)}/${String(value).slice(0, 4)}`;
      break;
    }
    case 'missing-required': {
      const required = mandatoryFields(shape, good.measure);
      const field = required.find((f) => data[f] !== undefined);
      if (field !== undefined) delete data[field];
      break;
    }
    case 'unknown-measure':
      bad.measure = `${good.measure.split('-')[0]}-no-such-measure`;
      break;
    case 'unknown-entity':
      bad.entityId = `unknown-payee-${row}`;
      break;
    case 'duplicate':
      break;
  }
  return bad;
}

/**
 * Fields whose absence makes a row malformed. For a reporting measure only its record key fields:
 * anything else missing is an incomplete report, which the measure scores.
 */
function mandatoryFields(shape: ProgramShape, measure: string): readonly string[] {
  const spec = shape.measures[measure];
  if (!spec) return [];
  return spec.scoresCompleteness ? (spec.recordKey ?? []) : spec.required;
}
