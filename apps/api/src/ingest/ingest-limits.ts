import { isPlainName } from '@quip/core';
import { problems } from '../http/problem.ts';

/**
 * Limits that keep reading a bulk body linear and bounded whatever it holds: a row (a CSV line, an
 * NDJSON line, a JSON array element) is at most MAX_ROW_CHARS characters, a CSV header at most
 * MAX_COLUMNS columns. Both are far above any real file (a submission row is ~100 characters, a
 * header ~20 columns) and far below what makes the event loop wait.
 */
export const MAX_ROW_CHARS = 1024 * 1024;
export const MAX_COLUMNS = 1000;

/** 413: one row is longer than MAX_ROW_CHARS; nothing was stored. */
export function rowTooLong(row: number) {
  return problems.tooLarge(
    `Row ${row} is longer than ${MAX_ROW_CHARS} characters (1 MiB), the most one row may hold. Nothing was stored.`,
  );
}

/** 422: a CSV header with more than MAX_COLUMNS columns. */
export function tooManyColumns(columns: number) {
  return problems.unprocessable(
    `The CSV header has ${columns} columns; at most ${MAX_COLUMNS} are allowed. Nothing was stored.`,
    [{ row: 0, path: '', message: `has more than ${MAX_COLUMNS} columns` }],
  );
}

/** 422: the CSV header holds a NUL character (U+0000). */
export function nulInHeader(column: number) {
  return problems.unprocessable('The CSV header holds a NUL character (U+0000). Nothing was stored.', [
    { row: 0, path: `column ${column}`, message: 'holds a NUL character (U+0000)' },
  ]);
}

/** The error of a CSV row with a NUL character, naming its column by header name when plain. */
export function nulInCell(column: string): string {
  return `holds a NUL character (U+0000) in ${column}, which cannot be stored`;
}

/** A column by its header name when that is a plain (dotted) name, else by its number. */
export function columnLabel(header: readonly string[], index: number): string {
  const name = header[index] ?? '';
  return name !== '' && name.split('.').every(isPlainName) ? `column ${name}` : `column ${index + 1}`;
}
