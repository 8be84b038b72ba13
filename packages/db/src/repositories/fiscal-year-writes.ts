import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, FiscalYearStatus } from '../schema.ts';
import { FISCAL_YEAR_COLUMNS, type FiscalYear } from './fiscal-years.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewFiscalYear {
  fiscalYear: string;
  startsOn: string;
  endsOn: string;
  status: Exclude<FiscalYearStatus, 'closed'>;
}

/** Inserts a fiscal year; null when one of that name already exists (nothing is changed then). */
export async function insertFiscalYear(db: Db, year: NewFiscalYear): Promise<FiscalYear | null> {
  const row = await db
    .insertInto('fiscal_years')
    .values({
      fiscal_year: year.fiscalYear,
      starts_on: year.startsOn,
      ends_on: year.endsOn,
      status: year.status,
    })
    .onConflict((oc) => oc.column('fiscal_year').doNothing())
    .returning(FISCAL_YEAR_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Reads a fiscal year and locks its row until the transaction ends: writers take a shared lock so
 * closing the year (an exclusive lock) waits for them, and a write never lands in a just-closed year.
 */
export async function lockFiscalYear(
  trx: Transaction<Database>,
  fiscalYear: string,
  mode: 'share' | 'update',
): Promise<FiscalYear | null> {
  const query = trx
    .selectFrom('fiscal_years')
    .select(FISCAL_YEAR_COLUMNS)
    .where('fiscal_year', '=', fiscalYear);
  const row = await (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
  return row ?? null;
}

/** Moves a fiscal year to a new status; closing stamps `closed_at`. */
export async function setFiscalYearStatus(
  trx: Transaction<Database>,
  fiscalYear: string,
  status: FiscalYearStatus,
): Promise<FiscalYear> {
  return trx
    .updateTable('fiscal_years')
    .set({ status, closed_at: status === 'closed' ? sql<string>`now()` : null })
    .where('fiscal_year', '=', fiscalYear)
    .returning(FISCAL_YEAR_COLUMNS)
    .executeTakeFirstOrThrow();
}
