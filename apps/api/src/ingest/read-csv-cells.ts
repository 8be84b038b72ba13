import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { csvReason } from './read-body-rows.ts';

/** One CSV data row as its cells (row 1 = the first data row), or why it could not be read. */
export type CsvCellsRow =
  | { row: number; cells: string[]; error?: undefined }
  | { row: number; cells?: undefined; error: string };

/**
 * Reads a CSV body as it streams in, yielding data rows as arrays of cells in batches, after
 * handing the header to `onHeader` (which may throw). Plain text is split by hand: as long as the
 * body has no quote and no lone carriage return, a line is a row and a comma a cell boundary,
 * which is what csv-parse would read too, several times faster. From the first quote or lone CR
 * on, the rest of the body goes through csv-parse (bom, skip_empty_lines, relax_column_count), as
 * readBodyRows reads CSV.
 */
export async function* readCsvCells(
  body: ReadableStream<Uint8Array>,
  onHeader: (columns: string[]) => void,
): AsyncGenerator<CsvCellsRow[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const reader = body.getReader();
  let header: string[] | null = null;
  let row = 0;
  let rest = '';
  const batch: CsvCellsRow[] = [];
  const take = (cells: string[]) => {
    if (header === null) {
      header = cells.map((name) => name.trim());
      onHeader(header);
      return;
    }
    row++;
    if (cells.length !== header.length) {
      batch.push({ row, error: `has ${cells.length} cells; the header has ${header.length} columns` });
    } else batch.push({ row, cells });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = rest + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
      if (hasSpecial(text)) {
        // Leave the fast path for good: csv-parse reads the rest, this text first.
        yield* slowRest(text, done ? null : decodeRest(reader, decoder), take, batch, () => row);
        return;
      }
      const end = done ? text.length : text.lastIndexOf('\n') + 1;
      rest = text.slice(end);
      let start = 0;
      while (start < end) {
        let stop = text.indexOf('\n', start);
        if (stop === -1 || stop > end) stop = end;
        const lineEnd = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
        if (lineEnd > start) take(text.slice(start, lineEnd).split(','));
        start = stop + 1;
      }
      if (batch.length > 0) yield batch.splice(0);
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The rest of the body as text, through the same decoder (it may hold part of a character). */
async function* decodeRest(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  decoder: InstanceType<typeof TextDecoder>,
): AsyncGenerator<string> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      yield decoder.decode();
      return;
    }
    yield decoder.decode(value, { stream: true });
  }
}

/** A quote, or a carriage return that does not end a line: csv-parse must read it. */
function hasSpecial(text: string): boolean {
  if (text.includes('"')) return true;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    // A CR that ends the text is decided with the next text (it stays in `rest`).
    if (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

async function* slowRest(
  text: string,
  more: AsyncIterable<string> | null,
  take: (cells: string[]) => void,
  batch: CsvCellsRow[],
  rowsSoFar: () => number,
): AsyncGenerator<CsvCellsRow[]> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  async function* source() {
    yield text;
    if (more) yield* more;
  }
  const input = Readable.from(source(), { objectMode: false });
  // Errors of the body stream (413 mid-stream) reach the reader through the parser.
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      take(record);
      if (batch.length >= 1000) yield batch.splice(0);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    batch.push({ row: rowsSoFar() + 1, error: `is not valid CSV (${csvReason(error)})` });
  } finally {
    input.destroy();
  }
  if (batch.length > 0) yield batch.splice(0);
}
