import { sql } from 'kysely';

/**
 * The hash of a row's record within its payee (measure, period, record key), as indexed by
 * `submissions_record` (migration 0009): the listing finds a later version of a row with one probe
 * of that index, whatever the payee's size. Keep the text equal to the index's expression.
 */
export const recordHash = (table: string) =>
  sql.raw(
    `hashtextextended(${table}.record_key, hashtextextended(${table}.period, hashtextextended(${table}.measure, 0)))`,
  );
