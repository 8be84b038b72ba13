import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '@quip/db';
import { CompiledQuery, type Kysely } from 'kysely';
import { type FromJobThread, plainError, type ToJobThread } from './thread-messages.ts';

/**
 * A long answer goes in up to this many parts (a run's value documents: one per part up to 64
 * chunks, each a large document) ...
 */
const PARTS = 64;
/** ... of at most this many rows (a run's payees). */
const MAX_PART_ROWS = 1000;

interface Lease {
  /** The connection, held until `release` is called. */
  connection: Promise<Kysely<Database>>;
  release(): void;
  /** The lease's last statement (the next waits for it). */
  last: Promise<unknown>;
}

/**
 * The main thread's side of the job thread's database (thread-dialect.ts): runs each statement the
 * thread sends on this thread's Kysely instance, on the connection of its lease, and sends back the
 * rows or the error. Only statements run here, never a job's own computation.
 */
export class ThreadQueryServer {
  private readonly leases = new Map<number, Lease>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly reply: (message: ToJobThread) => void,
  ) {}

  query(message: Extract<FromJobThread, { kind: 'query' }>): void {
    const lease = this.leaseOf(message.lease);
    lease.last = lease.last.then(async () => {
      try {
        const connection = await lease.connection;
        const result = await connection.executeQuery(CompiledQuery.raw(message.sql, [...message.params]));
        const rows = await this.sendInParts(message.id, result.rows);
        this.reply({ kind: 'rows', id: message.id, ok: true, rows, numAffectedRows: result.numAffectedRows });
      } catch (error) {
        this.reply({ kind: 'rows', id: message.id, ok: false, error: plainError(error) });
      }
    });
  }

  /**
   * Copying rows to the thread takes this thread's time (a run's 20,000 payees took 330 ms in one
   * message, two of its value documents 86 ms): a long answer goes in parts, with a turn of the
   * event loop between them. Returns the last part, for the closing `rows` message.
   */
  private async sendInParts(id: number, rows: unknown[]): Promise<unknown[]> {
    if (rows.length < 2) return rows;
    const size = Math.min(MAX_PART_ROWS, Math.ceil(rows.length / PARTS));
    let at = 0;
    for (; at + size < rows.length; at += size) {
      this.reply({ kind: 'rows-part', id, rows: rows.slice(at, at + size) });
      await nextTurn();
    }
    return rows.slice(at);
  }

  release(leaseId: number): void {
    const lease = this.leases.get(leaseId);
    if (!lease) return;
    this.leases.delete(leaseId);
    void lease.last.then(() => lease.release());
  }

  /**
   * The thread ended: a transaction it left open is rolled back (a ROLLBACK outside one only warns)
   * and every connection it held given back.
   */
  async releaseAll(): Promise<void> {
    const left = [...this.leases.values()];
    this.leases.clear();
    await Promise.all(
      left.map(async (lease) => {
        await lease.last;
        try {
          const connection = await lease.connection;
          await connection.executeQuery(CompiledQuery.raw('rollback'));
        } catch {
          // The connection could not be had, or the rollback failed: the release below still runs.
        }
        lease.release();
      }),
    );
  }

  private leaseOf(id: number): Lease {
    const found = this.leases.get(id);
    if (found) return found;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const connection = new Promise<Kysely<Database>>((resolve, reject) => {
      this.db
        .connection()
        .execute(async (connection) => {
          resolve(connection);
          await held;
        })
        .catch(reject);
    });
    connection.catch(() => {}); // a failure is answered to the statement that waits for it
    const lease: Lease = { connection, release, last: Promise.resolve() };
    this.leases.set(id, lease);
    return lease;
  }
}
