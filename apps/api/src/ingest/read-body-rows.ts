import { jsonValueProblem } from '../http/json-value-problem.ts';
import type { BodyFormat } from './body-format.ts';
import { MAX_ROW_CHARS, rowTooLong } from './ingest-limits.ts';
import { ElementTooLong, JsonArraySplitter } from './json-array-splitter.ts';
import { readCsvCells } from './read-csv-cells.ts';

/** One data row of a bulk body (row 1 = the first data row; a CSV header is not counted). */
export type BodyRow =
  | { row: number; value: Record<string, unknown>; error?: undefined }
  /** A row that could not be read; `error` says why without quoting it. */
  | { row: number; value?: undefined; error: string };

export interface ReadBodyOptions {
  /** CSV only: called with the header row before any data row; may throw a Problem. */
  onHeader?: (columns: string[]) => void;
}

/**
 * Reads a bulk body as it streams in and yields its rows in batches (one per arrival of bytes),
 * never holding the whole body. CSV cells are strings ('' = empty); JSON and NDJSON rows are
 * parsed values. A row that cannot be read yields an error; after a CSV or JSON-array syntax
 * error nothing more can be read reliably, so reading stops there.
 *
 * Linear in the body, with limits (ingest-limits.ts): a row over 1 MiB is 413, a CSV header over
 * 1,000 columns 422. A value that cannot be stored (a NUL character, nesting deeper than 32
 * levels, a number beyond the safe range) is a row error naming the field, never the value.
 */
export function readBodyRows(
  body: ReadableStream<Uint8Array> | null,
  format: BodyFormat,
  options: ReadBodyOptions = {},
): AsyncGenerator<BodyRow[]> {
  const source = body ?? new Blob([]).stream();
  if (format === 'csv') return readCsv(source, options);
  return readJson(source, format);
}

/** CSV rows as objects keyed by the header, read by readCsvCells (its fast path, its limits). */
async function* readCsv(
  body: ReadableStream<Uint8Array>,
  options: ReadBodyOptions,
): AsyncGenerator<BodyRow[]> {
  let header: string[] = [];
  const cells = readCsvCells(body, (columns) => {
    header = columns;
    options.onHeader?.(columns);
  });
  for await (const batch of cells) {
    yield batch.map((r): BodyRow => {
      if (r.error !== undefined) return r;
      const value: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) value[header[i] as string] = r.cells[i];
      return { row: r.row, value };
    });
  }
}

async function* readJson(
  body: ReadableStream<Uint8Array>,
  format: 'json' | 'ndjson',
): AsyncGenerator<BodyRow[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const splitter = format === 'json' ? new JsonArraySplitter(MAX_ROW_CHARS) : null;
  const lines = format === 'ndjson' ? new LineSplitter() : null;
  let row = 0;
  const texts: string[] = [];
  const toRows = (): BodyRow[] => texts.splice(0).map((text) => parseRow(++row, text));
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (splitter) {
        try {
          splitter.push(text, texts);
          if (done) splitter.end();
        } catch (error) {
          if (error instanceof ElementTooLong) throw rowTooLong(row + texts.length + 1);
          const rows = toRows();
          rows.push({ row: row + 1, error: `is not valid JSON (${(error as Error).message})` });
          yield rows;
          return;
        }
      } else if (lines && !lines.push(text, done, texts)) {
        throw rowTooLong(row + texts.length + 1);
      }
      if (texts.length > 0) yield toRows();
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * NDJSON lines from text chunks, each chunk scanned once: the pieces of a line split over many
 * chunks are joined once, when it ends (not re-split with every chunk, which was quadratic).
 */
class LineSplitter {
  private pieces: string[] = [];
  private length = 0;

  /** Appends the lines `text` completes to `out` (blank lines skipped); false once a line is too long. */
  push(text: string, done: boolean, out: string[]): boolean {
    let start = 0;
    for (let stop = text.indexOf('\n'); stop !== -1; stop = text.indexOf('\n', start)) {
      if (!this.flush(text.slice(start, stop), out)) return false;
      start = stop + 1;
    }
    const tail = text.slice(start);
    if (done) return this.flush(tail, out);
    if (tail.length > 0) this.pieces.push(tail);
    this.length += tail.length;
    return this.length <= MAX_ROW_CHARS;
  }

  private flush(last: string, out: string[]): boolean {
    if (this.length + last.length > MAX_ROW_CHARS) return false;
    const line = this.pieces.length > 0 ? this.pieces.join('') + last : last;
    this.pieces = [];
    this.length = 0;
    if (line.trim() !== '') out.push(line);
    return true;
  }
}

function parseRow(row: number, text: string): BodyRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { row, error: 'is not valid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { row, error: 'must be a JSON object' };
  }
  const problem = jsonValueProblem(value);
  if (problem) {
    return {
      row,
      error: `has a field ${problem.path === '' ? '' : `${problem.path} `}that ${problem.message}`,
    };
  }
  return { row, value: value as Record<string, unknown> };
}
