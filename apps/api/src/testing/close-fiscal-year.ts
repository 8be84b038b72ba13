import { type Database, setFiscalYearStatus } from '@quip/db';
import type { Kysely } from 'kysely';

/**
 * Closes a fiscal year in the database, as the close route does once its checks pass (status
 * closed, closed_at stamped): for tests of what a closed year refuses.
 */
export function closeFiscalYear(db: Kysely<Database>, fiscalYear: string) {
  return db.transaction().execute((trx) => setFiscalYearStatus(trx, fiscalYear, 'closed'));
}
