import type { MessagePort } from 'node:worker_threads';
import type { Database } from '@quip/db';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { type FromJobThread, rebuildError, type ToJobThread } from './thread-messages.ts';

type RowsReply = Extract<ToJobThread, { kind: 'rows' }>;
type PartReply = Extract<ToJobThread, { kind: 'rows-part' }>;

/**
 * The job thread's database: a Kysely instance whose statements the main thread runs on its own
 * database (serve-thread-queries.ts) and answers with the rows. Kysely's PostgreSQL dialect drives
 * it through a pool whose clients are leases: a lease is one connection on the main thread from its
 * first statement until released, so a transaction's BEGIN, statements and COMMIT run on one
 * connection, and the embedded database's single connection is shared with the HTTP thread's
 * requests by the same lock as before.
 */
export function threadDatabase(port: MessagePort): {
  db: Kysely<Database>;
  answer(reply: RowsReply | PartReply): void;
} {
  const waiting = new Map<number, (reply: RowsReply) => void>();
  /** The rows of answers still coming in parts. */
  const parts = new Map<number, unknown[][]>();
  let nextId = 1;
  let nextLease = 1;
  const send = (message: FromJobThread) => port.postMessage(message);

  const client = (lease: number): PostgresPoolClient => {
    let used = false;
    return {
      async query(sql: string, params: readonly unknown[]) {
        used = true;
        const id = nextId++;
        const reply = await new Promise<RowsReply>((resolve) => {
          waiting.set(id, resolve);
          send({ kind: 'query', id, lease, sql, params });
        });
        if (!reply.ok) throw rebuildError(reply.error);
        // The dialect counts affected rows of a statement it takes for a write.
        const affected = reply.numAffectedRows;
        return affected === undefined
          ? { command: 'SELECT', rowCount: reply.rows.length, rows: reply.rows }
          : { command: 'UPDATE', rowCount: Number(affected), rows: reply.rows };
      },
      // A lease that never sent a statement holds nothing on the main thread.
      release() {
        if (used) send({ kind: 'release', lease });
      },
    } as PostgresPoolClient;
  };
  const pool: PostgresPool = {
    connect: async () => client(nextLease++),
    end: async () => {},
  };
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    answer(reply) {
      const earlier = parts.get(reply.id) ?? [];
      if (reply.kind === 'rows-part') {
        earlier.push(reply.rows);
        parts.set(reply.id, earlier);
        return;
      }
      parts.delete(reply.id);
      const waiter = waiting.get(reply.id);
      waiting.delete(reply.id);
      waiter?.(reply.ok && earlier.length > 0 ? { ...reply, rows: [...earlier, reply.rows].flat() } : reply);
    },
  };
}
