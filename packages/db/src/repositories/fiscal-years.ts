import type { Kysely, Transaction } from 'kysely';
import { isActiveRunStatus } from '../runs-schema.ts';
import type { Database, FiscalYearStatus } from '../schema.ts';

export interface FiscalYear {
  fiscalYear: string;
  startsOn: string;
  endsOn: string;
  status: FiscalYearStatus;
  closedAt: string | null;
}

/** A fiscal year's columns as FiscalYear names them. */
export const FISCAL_YEAR_COLUMNS = [
  'fiscal_year as fiscalYear',
  'starts_on as startsOn',
  'ends_on as endsOn',
  'status',
  'closed_at as closedAt',
] as const;

export function listFiscalYears(db: Kysely<Database>): Promise<FiscalYear[]> {
  return db.selectFrom('fiscal_years').select(FISCAL_YEAR_COLUMNS).orderBy('fiscal_year').execute();
}

export async function findFiscalYear(db: Kysely<Database>, fiscalYear: string): Promise<FiscalYear | null> {
  const row = await db
    .selectFrom('fiscal_years')
    .select(FISCAL_YEAR_COLUMNS)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row ?? null;
}

/** Why a program of a fiscal year is not ready for the year to close. */
export type CloseBlocker =
  | { program: string; reason: 'unpublished-draft'; draftRevision: number }
  | { program: string; reason: 'no-official-run' }
  | { program: string; reason: 'run-after-official'; officialRunId: number; runIds: number[] };

/**
 * What stands in the way of closing a fiscal year, per program that has a rulebook in it (a
 * program with none takes no part in the year): a draft saved after the last publish; no official
 * run; runs started after the official one (queued, running or succeeded: a failed or cancelled
 * run produced nothing to choose from). Programs in id order, reasons in that order.
 */
export async function closeBlockers(
  db: Kysely<Database> | Transaction<Database>,
  fiscalYear: string,
): Promise<CloseBlocker[]> {
  const latest = await db
    .selectFrom('rulebook_revisions as r')
    .select(['r.program_id as program', 'r.revision', 'r.version'])
    .where('r.fiscal_year', '=', fiscalYear)
    .where(({ eb, selectFrom }) =>
      eb(
        'r.revision',
        '=',
        selectFrom('rulebook_revisions as l')
          .select((e) => e.fn.max('l.revision').as('revision'))
          .where('l.fiscal_year', '=', fiscalYear)
          .whereRef('l.program_id', '=', 'r.program_id'),
      ),
    )
    .orderBy('r.program_id')
    .execute();
  const runs = await db
    .selectFrom('runs')
    .select(['id', 'program_id as program', 'status', 'official'])
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('id')
    .execute();
  const blockers: CloseBlocker[] = [];
  for (const { program, revision, version } of latest) {
    if (version === null) blockers.push({ program, reason: 'unpublished-draft', draftRevision: revision });
    const own = runs.filter((r) => r.program === program);
    const official = own.find((r) => r.official);
    if (!official) {
      blockers.push({ program, reason: 'no-official-run' });
      continue;
    }
    const newer = own.filter(
      (r) => Number(r.id) > Number(official.id) && (isActiveRunStatus(r.status) || r.status === 'succeeded'),
    );
    if (newer.length > 0) {
      blockers.push({
        program,
        reason: 'run-after-official',
        officialRunId: Number(official.id),
        runIds: newer.map((r) => Number(r.id)),
      });
    }
  }
  return blockers;
}
