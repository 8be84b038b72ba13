import type { CompiledMeasure, FieldType } from '@quip/core';
import { isIsoDay } from '../ingest/is-iso-day.ts';
import { parseCell } from '../ingest/parse-cell.ts';

interface FastColumn {
  index: number;
  name: string;
  type: FieldType;
  required: boolean;
  enumValues: ReadonlySet<unknown> | null;
  min: number | string | undefined;
  max: number | string | undefined;
}

/**
 * A measure's data check for one CSV header, precompiled: which cells hold which field and what
 * each must be. `read` takes a row whose cells are all plainly valid and writes its data as JSON
 * text and its record key (what JSON.stringify of the data object and of the key values gives,
 * without building either), or answers false when the row needs the full check (core's
 * SubmissionValidator, which words the errors). It never accepts a row the full check would
 * refuse or flag: measures whose fields have rules or lists, reporting measures (their records may
 * have findings), and headers that miss a required field always take the full check.
 */
export class CsvFastPlan {
  /** After `read` answered true: the row's data object as JSON text. */
  json = '';
  /** After `read` answered true: the record key (JSON array of the key fields' values). */
  recordKey = '';
  /** Per column: the JSON of its value in the row being read ('' when the cell is empty). */
  private readonly values: string[];

  private constructor(
    private readonly columns: readonly FastColumn[],
    /** Data columns that are not fields of the measure: a row must leave them empty. */
    private readonly foreign: readonly number[],
    /** Per record-key field: its position in `columns`, -1 when no column holds it (null). */
    private readonly keyColumns: readonly number[],
  ) {
    this.values = columns.map(() => '');
  }

  static build(
    measure: CompiledMeasure,
    dataColumns: readonly [index: number, field: string][],
  ): CsvFastPlan | null {
    if (measure.compute.kind === 'reporting') return null;
    const byName = new Map(measure.fields.map((f) => [f.name, f]));
    const columns: FastColumn[] = [];
    const foreign: number[] = [];
    for (const [index, name] of dataColumns) {
      const field = byName.get(name);
      if (!field) {
        foreign.push(index);
        continue;
      }
      if (field.rules.length > 0 || field.spec.type === 'list') return null;
      columns.push({
        index,
        name,
        type: field.spec.type,
        required: field.spec.required === true,
        enumValues: field.enumValues,
        min: field.spec.min,
        max: field.spec.max,
      });
    }
    const given = new Set(columns.map((c) => c.name));
    if (measure.fields.some((f) => f.spec.required === true && !given.has(f.name))) return null;
    const keyColumns = measure.recordKey.map((name) => columns.findIndex((c) => c.name === name));
    return new CsvFastPlan(columns, foreign, keyColumns);
  }

  read(cells: readonly string[]): boolean {
    for (const index of this.foreign) if (cells[index] !== '') return false;
    const { columns, values } = this;
    let json = '{';
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as FastColumn;
      const cell = cells[c.index] as string;
      values[i] = '';
      if (cell === '') {
        if (c.required) return false;
        continue;
      }
      const value = parseCell(cell, c.type);
      let text: string;
      switch (c.type) {
        case 'number':
          if (typeof value !== 'number' || !Number.isFinite(value)) return false;
          // Number-to-string is the same algorithm in String() and JSON.stringify.
          text = String(value);
          break;
        case 'string':
          text = jsonString(value as string);
          break;
        case 'date':
          if (!isIsoDay(value as string)) return false;
          text = `"${value as string}"`;
          break;
        case 'boolean':
          if (typeof value !== 'boolean') return false;
          text = value ? 'true' : 'false';
          break;
        default:
          return false;
      }
      if (c.enumValues !== null && !c.enumValues.has(value)) return false;
      // Numbers against numbers, ISO days against ISO days (the rulebook check pairs them).
      if (c.min !== undefined && (value as number | string) < c.min) return false;
      if (c.max !== undefined && (value as number | string) > c.max) return false;
      values[i] = text;
      json += json.length === 1 ? `"${c.name}":${text}` : `,"${c.name}":${text}`;
    }
    this.json = `${json}}`;
    let key = '';
    for (const k of this.keyColumns) {
      const text = k < 0 ? '' : (values[k] as string);
      // A record without its key cannot be told from others: the full check words that error.
      if (text === '') return false;
      key += key === '' ? '[' : ',';
      key += text;
    }
    this.recordKey = key === '' ? '' : `${key}]`;
    return true;
  }
}

/** Characters JSON.stringify writes as escapes (and lone surrogates, which it also escapes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON escapes exactly these control characters.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON text of a string: the quotes alone unless a character needs escaping. */
function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}
