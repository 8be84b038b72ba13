import { type Database, listPayeesForChecks } from '@quip/db';
import type { Kysely } from 'kysely';
import { EventLoopSlices } from '../ingest/event-loop-slices.ts';

// Payees per statement: a page's rows cross from the database's thread in one message, whose
// decoding holds the HTTP thread; 5,000 keep it to a few milliseconds.
const PAGE = 5_000;

/** A payee as the engine reads one: `{id, ...fields}`. */
export type PayeeForChecks = { id: string; [field: string]: unknown };

/**
 * The payees an upload's rows are checked against (a submitter's own, or all for an
 * administrator), looked up by id. A California-size program has 100,000 payees: they are read a
 * page at a time and indexed in slices that give the event loop a turn, and a payee's record is built only when a row names
 * it (an upload names a few of them), so loading them never holds the HTTP thread for long.
 */
export async function payeesForChecks(
  db: Kysely<Database>,
  scope: { fiscalYear: string; programId: string },
  allowed: ReadonlySet<string> | null,
): Promise<(id: string) => PayeeForChecks | undefined> {
  const slices = new EventLoopSlices();
  const fieldsOf = new Map<string, Record<string, unknown>>();
  for (let after: string | null = null; ; ) {
    const rows = await listPayeesForChecks(db, scope, { after, limit: PAGE });
    for (const row of rows) {
      if (slices.due()) await slices.giveTurn();
      if (allowed === null || allowed.has(row.id)) fieldsOf.set(row.id, row.attributes);
    }
    if (rows.length < PAGE) break;
    after = (rows[rows.length - 1] as { id: string }).id;
  }
  const built = new Map<string, PayeeForChecks>();
  return (id) => {
    let payee = built.get(id);
    if (payee === undefined) {
      const fields = fieldsOf.get(id);
      if (fields === undefined) return undefined;
      payee = { ...fields, id };
      built.set(id, payee);
    }
    return payee;
  };
}
