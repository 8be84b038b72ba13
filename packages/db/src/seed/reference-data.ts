import { parseFiscalYear } from '@quip/core';
import type { Kysely } from 'kysely';
import type { Database, ProgramTable } from '../schema.ts';

/** The five programs of the catalog (docs/programs/README.md). */
export const PROGRAMS: readonly ProgramTable[] = [
  {
    id: 'dds-qip',
    name: 'Quality Incentive Program',
    agency: 'DDS',
    payee_kind: 'provider service code',
    description: 'Rate reform: 90% base rate plus a 10% quality incentive earned on quality measures.',
  },
  {
    id: 'dhcs-qwi',
    name: 'Quality Withhold and Incentive',
    agency: 'DHCS',
    payee_kind: 'managed care plan',
    description:
      '0.5% of capitation withheld and earned back on quality, satisfaction and efficiency measures.',
  },
  {
    id: 'dhcs-ept',
    name: 'Equity and Practice Transformation payments',
    agency: 'DHCS',
    payee_kind: 'primary care practice',
    description: 'Members times a class-table multiplier, paid out per completed milestone (23 or 25).',
  },
  {
    id: 'dhcs-mcas',
    name: 'Managed Care Accountability Set',
    agency: 'DHCS',
    payee_kind: 'managed care plan',
    description: 'Minimum performance levels, sanctions and the auto-assignment incentive.',
  },
  {
    id: 'dhcs-wpc',
    name: 'Whole Person Care',
    agency: 'DHCS',
    payee_kind: 'lead entity',
    description: 'Pilot allocations, enrollment and progress reporting, incentive payments for outcomes.',
  },
];

export const SEEDED_FISCAL_YEARS = ['2025-26', '2026-27'] as const;

/** Inserts what is missing and never touches rows an administrator may have changed. */
export async function seedReferenceData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('fiscal_years')
      .values(
        SEEDED_FISCAL_YEARS.map((name) => {
          const span = parseFiscalYear(name)!;
          return {
            fiscal_year: name,
            starts_on: span.startsOn,
            ends_on: span.endsOn,
            status: 'open' as const,
          };
        }),
      )
      .onConflict((oc) => oc.column('fiscal_year').doNothing())
      .execute();
    await trx
      .insertInto('programs')
      .values([...PROGRAMS])
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });
}
