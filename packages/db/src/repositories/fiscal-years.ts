import type { Kysely } from 'kysely';
import type { Database, FiscalYearStatus } from '../schema.ts';

export interface FiscalYear {
  fiscalYear: string;
  startsOn: string;
  endsOn: string;
  status: FiscalYearStatus;
  closedAt: string | null;
}

const columns = [
  'fiscal_year as fiscalYear',
  'starts_on as startsOn',
  'ends_on as endsOn',
  'status',
  'closed_at as closedAt',
] as const;

export function listFiscalYears(db: Kysely<Database>): Promise<FiscalYear[]> {
  return db.selectFrom('fiscal_years').select(columns).orderBy('fiscal_year').execute();
}

export async function findFiscalYear(db: Kysely<Database>, fiscalYear: string): Promise<FiscalYear | null> {
  const row = await db
    .selectFrom('fiscal_years')
    .select(columns)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row ?? null;
}
