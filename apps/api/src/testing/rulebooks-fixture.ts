import { catalogRulebook } from '@quip/catalog';
import { type Database, upsertEntities } from '@quip/db';
import { publishRulebook } from '@quip/db/testing';
import { rulebookFixture } from '@quip/fixtures';
import type { Kysely } from 'kysely';

/**
 * The rulebook the rulebook and fiscal-year tests edit and publish (a provider directory, and cie
 * at 30 % or more with a minimum denominator of 3; all met earns the incentive share of the rate),
 * for another fiscal year or incentive share when a test needs one.
 */
export function ddsQipRulebook(fiscalYear = '2026-27', incentiveShare = '0.1') {
  const rulebook = rulebookFixture('directory-and-cie-at-least-30-percent-earn-10-percent');
  return { ...rulebook, fiscalYear, payment: { ...rulebook.payment, incentiveShare } };
}

/**
 * dds-qip 2026-27 ready for submissions: the screening rulebook fixture published, and two
 * residential homes, V1-096 and V2-096 ($50.00 rate, 1 unit).
 */
export async function publishScreeningProgram(db: Kysely<Database>) {
  await publishRulebook(db, rulebookFixture('directory-and-screening-at-least-half-earn-10-percent'));
  await upsertEntities(db, { fiscalYear: '2026-27', programId: 'dds-qip' }, [
    { id: 'V1-096', name: 'Home One', attributes: { serviceCode: '096', rateCents: 5000, units: 1 } },
    { id: 'V2-096', name: 'Home Two', attributes: { serviceCode: '096', rateCents: 5000, units: 1 } },
  ]);
}

/** Publishes the catalog's rulebook of a program in a fiscal year, as a new database's first start does. */
export function publishCatalogRulebook(db: Kysely<Database>, fiscalYear: string, program: string) {
  return publishRulebook(db, catalogRulebook(fiscalYear, program) as { program: string; fiscalYear: string });
}
