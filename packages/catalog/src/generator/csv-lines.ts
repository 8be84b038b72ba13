import type { Entity, Submission } from '@quip/core';
import type { ProgramShape } from './program-generator.ts';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell as docs/programs/README.md settles it: an absent field is an empty cell, a list
 * holds its values separated by `;`, booleans are `true`/`false`, codes stay text ('096').
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map(String).join(';') : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Entity CSV: a header row, then one column per entity field. Each line ends with '\n'. */
export function* entityCsvLines(entities: Iterable<Entity>, columns: readonly string[]): Generator<string> {
  yield `${columns.map(csvCell).join(',')}\n`;
  for (const entity of entities) yield `${columns.map((c) => csvCell(entity[c])).join(',')}\n`;
}

/** The data fields of the given measures (all of the program's by default), first-seen order. */
export function submissionDataColumns(
  shape: ProgramShape,
  measures: readonly string[] = Object.keys(shape.measures),
): string[] {
  const columns: string[] = [];
  for (const measure of measures) {
    for (const field of shape.measures[measure]?.fields ?? [])
      if (!columns.includes(field)) columns.push(field);
  }
  return columns;
}

/**
 * Submission CSV (docs/programs/README.md "CSV conventions"): `entityId,measure,period,submittedOn`
 * and one `data.<field>` column per data field; fields a row's measure does not have stay empty.
 */
export function* submissionCsvLines(
  submissions: Iterable<Submission>,
  dataColumns: readonly string[],
): Generator<string> {
  yield `entityId,measure,period,submittedOn${dataColumns.map((c) => `,${csvCell(`data.${c}`)}`).join('')}\n`;
  for (const s of submissions) {
    let line = `${csvCell(s.entityId)},${csvCell(s.measure)},${csvCell(s.period)},${csvCell(s.submittedOn)}`;
    for (const c of dataColumns) line += `,${csvCell(s.data[c])}`;
    yield `${line}\n`;
  }
}

/** Newline-delimited JSON: one object per line, in the order given. */
export function* ndjsonLines(items: Iterable<unknown>): Generator<string> {
  for (const item of items) yield `${JSON.stringify(item)}\n`;
}
