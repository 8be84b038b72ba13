import { type Database, type FiscalYear, lockFiscalYear } from '@quip/db';
import type { Transaction } from 'kysely';
import { problems } from '../http/problem.ts';

/**
 * The fiscal year a write goes to, locked (shared) until the transaction ends so it cannot be closed
 * under the write: 404 when it does not exist, 409 when it is closed (closed = read-only).
 */
export async function lockWritableFiscalYear(
  trx: Transaction<Database>,
  fiscalYear: string,
): Promise<FiscalYear> {
  const year = await lockFiscalYear(trx, fiscalYear, 'share');
  if (!year) throw problems.notFound(`Fiscal year ${fiscalYear} does not exist.`);
  if (year.status === 'closed') {
    throw problems.conflict(`Fiscal year ${fiscalYear} is closed: it is read-only.`);
  }
  return year;
}
