import { once } from 'node:events';
import type pg from 'pg';
// A default import: dependency-cruiser cannot read `import { from as ... }`.
import copyStreams from 'pg-copy-streams';
import type { SubmissionRowFormat } from './submissions.ts';

/**
 * A row as a line of COPY text (tab-separated, `\n`-terminated): the arguments in order, the
 * declared day and the findings `\N` (SQL null) when null. Batch, fiscal year and program are the
 * same for every row of a batch: `SubmissionCopy` puts them in front.
 */
export const submissionCopyLine: SubmissionRowFormat = (e, m, p, k, s, d, o = null, f = null) => {
  const json = typeof d === 'string' ? d : JSON.stringify(d);
  const declared = o ?? '\\N';
  const found = f === null ? '\\N' : copyText(f);
  return `${copyText(e)}\t${copyText(m)}\t${copyText(p)}\t${copyText(k)}\t${s}\t${copyText(json)}\t${declared}\t${found}\n`;
};

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPY text format: backslash, tab, newline and carriage return are written as escapes. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c] as string) : value;
}

/**
 * Streams a batch's rows into `submissions` with one COPY FROM STDIN on the transaction's own
 * connection (see pgClientTransaction). `write` takes lines of submissionCopyLine and waits when
 * the connection is behind; `end` finishes the COPY (the rows are then visible to the
 * transaction); `abort` cancels it (the server rolls the statement back, the transaction is
 * then failed and must roll back).
 */
export class SubmissionCopy {
  private readonly stream: ReturnType<typeof copyStreams.from>;
  private readonly prefix: string;
  private failure: Error | null = null;

  constructor(client: pg.PoolClient, batch: { id: number; fiscalYear: string; programId: string }) {
    this.prefix = `${batch.id}\t${copyText(batch.fiscalYear)}\t${copyText(batch.programId)}\t`;
    this.stream = client.query(
      copyStreams.from(
        'copy submissions (batch_id, fiscal_year, program_id, entity_id, measure, period, record_key, submitted_on, data, declared_on, findings) from stdin',
      ),
    );
    this.stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Writes lines (each from submissionCopyLine). */
  async write(lines: readonly string[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (lines.length === 0) return;
    const text = `${this.prefix}${lines.join(this.prefix)}`;
    // `once` rejects when the stream fails while it waits.
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async end(): Promise<number> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
    return this.stream.rowCount;
  }

  /** Cancels the COPY and waits until the connection can take the ROLLBACK. */
  async abort(): Promise<void> {
    if (this.stream.destroyed) return;
    const closed = once(this.stream, 'close').catch(() => {});
    this.stream.destroy(new Error('submission batch rejected'));
    await closed;
  }
}
