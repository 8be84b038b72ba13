import type { uploadContentType } from './upload-format.ts';

type Format = ReturnType<typeof uploadContentType>;

/**
 * Where each record of a bulk file starts, as a line of the file (line 1 = the first line): the
 * API numbers rows from the first record (row 1; a CSV header is not a row, row 0 is the header
 * or the file as a whole), skipping blank lines; a quoted CSV cell may span lines and a JSON
 * array's records sit anywhere. `lines[r]` is the line where row r starts (`lines[0]`: the CSV
 * header, else 1). Read the same way the API reads (blank lines skipped, quotes honoured).
 */
export function recordLines(text: string, format: Format): number[] {
  return format === 'application/json' ? jsonArrayLines(text) : lineRecords(text, format === 'text/csv');
}

/** CSV (quotes may hold line breaks) and NDJSON: a record starts on each non-blank line outside quotes. */
function lineRecords(text: string, csv: boolean): number[] {
  const lines = csv ? [] : [1];
  let line = 1;
  let quoted = false;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      if (!quoted) atLineStart = true;
      continue;
    }
    if (atLineStart) {
      if (c === '\r' || (!csv && (c === ' ' || c === '\t'))) continue;
      if (!(i === 0 && c === '\uFEFF')) {
        lines.push(line);
        atLineStart = false;
      }
    }
    if (csv && c === '"') quoted = !quoted;
  }
  return lines;
}

/** A JSON array: a record starts at each value directly inside the outer brackets. */
function jsonArrayLines(text: string): number[] {
  const lines = [1];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectValue && c !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
  }
  return lines;
}

/** A row the API named, as a place in the file: "line 3" (row 0 of a CSV: its header line). */
export function rowPlace(row: number, lines: readonly number[] | null): string {
  const line = lines?.[row];
  if (line !== undefined) return `line ${line}`;
  return row === 0 ? 'the file' : `record ${row}`;
}
