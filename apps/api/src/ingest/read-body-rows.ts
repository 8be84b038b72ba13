import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { BodyFormat } from './body-format.ts';
import { JsonArraySplitter } from './json-array-splitter.ts';

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

async function* readCsv(
  body: ReadableStream<Uint8Array>,
  options: ReadBodyOptions,
): AsyncGenerator<BodyRow[]> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  // Errors of the body stream (413 mid-stream) reach the reader through the parser.
  const input = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[] | null = null;
  let row = 0;
  let batch: BodyRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (header === null) {
        header = record.map((name) => name.trim());
        options.onHeader?.(header);
        continue;
      }
      row++;
      if (record.length !== header.length) {
        batch.push({ row, error: `has ${record.length} cells; the header has ${header.length} columns` });
      } else {
        const value: Record<string, unknown> = {};
        for (let i = 0; i < header.length; i++) value[header[i] as string] = record[i];
        batch.push({ row, value });
      }
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    batch.push({ row: row + 1, error: `is not valid CSV (${csvReason(error)})` });
  } finally {
    input.destroy();
  }
  if (batch.length > 0) yield batch;
}

/** csv-parse messages quote the offending text; keep only its code. */
export function csvReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is not closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a cell is not doubled';
    default:
      return error.code.toLowerCase().replaceAll('_', ' ');
  }
}

async function* readJson(
  body: ReadableStream<Uint8Array>,
  format: 'json' | 'ndjson',
): AsyncGenerator<BodyRow[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const splitter = format === 'json' ? new JsonArraySplitter() : null;
  let lineRest = '';
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
          const rows = toRows();
          rows.push({ row: row + 1, error: `is not valid JSON (${(error as Error).message})` });
          yield rows;
          return;
        }
      } else {
        const lines = (lineRest + text).split('\n');
        lineRest = done ? '' : (lines.pop() ?? '');
        for (const line of lines) if (line.trim() !== '') texts.push(line);
      }
      if (texts.length > 0) yield toRows();
      if (done) return;
    }
  } finally {
    reader.releaseLock();
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
  return { row, value: value as Record<string, unknown> };
}
