import type { Submission } from '@quip/core';
import { ddsQipGenerator } from './dds-qip.ts';
import { dhcsEptGenerator } from './dhcs-ept.ts';
import { dhcsMcasGenerator } from './dhcs-mcas.ts';
import { dhcsQwiGenerator } from './dhcs-qwi.ts';
import { dhcsWpcGenerator } from './dhcs-wpc.ts';
import { fiscalYearSpan } from './iso-day.ts';
import { numberRows } from './malformed-rows.ts';
import type {
  GeneratedProgramData,
  GeneratedRow,
  GeneratorOptions,
  ProgramContext,
  ProgramGenerator,
} from './program-generator.ts';

const GENERATORS: Record<string, (ctx: ProgramContext) => ProgramGenerator> = {
  'dds-qip': ddsQipGenerator,
  'dhcs-qwi': dhcsQwiGenerator,
  'dhcs-ept': dhcsEptGenerator,
  'dhcs-mcas': dhcsMcasGenerator,
  'dhcs-wpc': dhcsWpcGenerator,
};

export const GENERATED_PROGRAMS: readonly string[] = Object.keys(GENERATORS);

/**
 * Payees and submissions for one program, deterministic from the seed: the same options give the
 * same entities and the same submission stream, byte for byte. Entities are built at once;
 * submissions are produced lazily on each call of `submissions()`, so the ~3 million DDS records
 * at California scale never sit in memory together.
 */
export function generateProgramData(programId: string, options: GeneratorOptions): GeneratedProgramData {
  const make = GENERATORS[programId];
  if (!make)
    throw new Error(`no data generator for program ${programId}; known: ${GENERATED_PROGRAMS.join(', ')}`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be a whole number, got ${options.seed}`);
  const rate = options.malformedRate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw new Error(`malformedRate must be between 0 and 1, got ${rate}`);
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const fiscalYear = options.fiscalYear ?? '2026-27';
  const ctx: ProgramContext = {
    seed: options.seed,
    size: options.size,
    scale,
    year: fiscalYearSpan(fiscalYear),
  };
  const generator = make(ctx);
  const rows = (): Iterable<GeneratedRow> =>
    numberRows(generator.submissions(), { seed: options.seed, programId, rate, shape: generator.shape });
  return {
    programId,
    fiscalYear,
    shape: generator.shape,
    entities: generator.entities,
    ...(generator.people === undefined ? {} : { people: generator.people }),
    *submissions(): Generator<Submission> {
      if (rate === 0) {
        yield* generator.submissions();
        return;
      }
      for (const row of rows()) yield row.submission;
    },
    rows,
  };
}
