import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import {
  columnLabel,
  MAX_COLUMNS,
  MAX_ROW_CHARS,
  nulInCell,
  nulInHeader,
  rowTooLong,
  tooManyColumns,
} from './ingest-limits.ts';

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
 *
 * Linear in the body: each arriving text is scanned once (a line split over many arrivals is
 * joined once, when it ends). A line over MAX_ROW_CHARS is 413, a header over MAX_COLUMNS columns
 * 422; a NUL character is a row error naming its column (422 in the header).
 */
export async function* readCsvCells(
  body: ReadableStream<Uint8Array>,
  onHeader: (columns: string[]) => void,
): AsyncGenerator<CsvCellsRow[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const reader = body.getReader();
  const state: CsvState = { header: null, row: 0, onHeader };
  // The start of a line not yet ended: pieces joined once the line ends.
  let rest: string[] = [];
  let restLength = 0;
  const batch: CsvCellsRow[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const piece = done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lastRest = rest.length > 0 ? rest[rest.length - 1]! : '';
      if (hasSpecial(piece, lastRest.charCodeAt(lastRest.length - 1) === 13)) {
        // Leave the fast path for good: csv-parse reads the rest, this text first.
        const text = rest.join('') + piece;
        yield* slowRest(text, done ? null : decodeRest(reader, decoder), state, batch);
        return;
      }
      const end = done ? piece.length : piece.lastIndexOf('\n') + 1;
      if (end === 0 && !done) {
        if (piece.length > 0) rest.push(piece);
        restLength += piece.length;
        if (restLength > MAX_ROW_CHARS) throw rowTooLong(state.row + (state.header ? 1 : 0));
        continue;
      }
      const text = rest.length > 0 ? rest.join('') + piece.slice(0, end) : piece.slice(0, end);
      const hasNul = text.includes('\0');
      rest = end < piece.length ? [piece.slice(end)] : [];
      restLength = piece.length - end;
      let start = 0;
      while (start < text.length) {
        let stop = text.indexOf('\n', start);
        if (stop === -1) stop = text.length;
        const lineEnd = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
        if (lineEnd - start > MAX_ROW_CHARS) throw rowTooLong(state.row + (state.header ? 1 : 0));
        if (lineEnd > start) take(state, text.slice(start, lineEnd).split(','), batch, hasNul);
        start = stop + 1;
      }
      if (restLength > MAX_ROW_CHARS) throw rowTooLong(state.row + 1);
      if (batch.length > 0) yield batch.splice(0);
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

interface CsvState {
  header: string[] | null;
  row: number;
  onHeader: (columns: string[]) => void;
}

/** The header (checked, then handed on) or one data row. */
function take(state: CsvState, cells: string[], batch: CsvCellsRow[], mayHoldNul: boolean): void {
  if (state.header === null) {
    if (cells.length > MAX_COLUMNS) throw tooManyColumns(cells.length);
    const nul = mayHoldNul ? cells.findIndex((cell) => cell.includes('\0')) : -1;
    if (nul !== -1) throw nulInHeader(nul + 1);
    state.header = cells.map((name) => name.trim());
    state.onHeader(state.header);
    return;
  }
  const row = ++state.row;
  const header = state.header;
  if (cells.length !== header.length) {
    batch.push({ row, error: `has ${cells.length} cells; the header has ${header.length} columns` });
    return;
  }
  const nul = mayHoldNul ? cells.findIndex((cell) => cell.includes('\0')) : -1;
  if (nul !== -1) batch.push({ row, error: nulInCell(columnLabel(header, nul)) });
  else batch.push({ row, cells });
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

/**
 * A quote, or a carriage return that does not end a line: csv-parse must read it. `afterCr`: the
 * text before this one ended with a CR, which ends a line only if this text starts with LF.
 */
function hasSpecial(text: string, afterCr: boolean): boolean {
  if (afterCr && text.length > 0 && text.charCodeAt(0) !== 10) return true;
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
  state: CsvState,
  batch: CsvCellsRow[],
): AsyncGenerator<CsvCellsRow[]> {
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_ROW_CHARS,
  });
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
      take(state, record, batch, true);
      if (batch.length >= 1000) yield batch.splice(0);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_MAX_RECORD_SIZE') throw rowTooLong(state.row + (state.header ? 1 : 0));
    batch.push({ row: state.row + 1, error: `is not valid CSV (${csvReason(error)})` });
  } finally {
    input.destroy();
  }
  if (batch.length > 0) yield batch.splice(0);
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
