import type { CompiledMeasure, FieldType } from '@quip/core';
import { isIsoDay } from '../ingest/is-iso-day.ts';
import { parseCell } from '../ingest/parse-cell.ts';

interface FastColumn {
  index: number;
  name: string;
  type: FieldType;
  required: boolean;
  enumValues: ReadonlySet<unknown> | null;
  min: number | undefined;
  max: number | undefined;
}

/**
 * A measure's data check for one CSV header, precompiled: which cells hold which field and what
 * each must be. `data` answers the row's data object when every cell is plainly valid, or null
 * when the row needs the full check (core's checkSubmissionData, which words the errors). It
 * never accepts a row the full check would refuse: measures whose fields have rules or lists,
 * reporting measures, and headers that miss a required field always take the full check.
 */
export class CsvFastPlan {
  private constructor(
    private readonly columns: readonly FastColumn[],
    /** Data columns that are not fields of the measure: a row must leave them empty. */
    private readonly foreign: readonly number[],
  ) {}

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
    return new CsvFastPlan(columns, foreign);
  }

  data(cells: readonly string[]): Record<string, unknown> | null {
    for (const index of this.foreign) if (cells[index] !== '') return null;
    const data: Record<string, unknown> = {};
    for (const c of this.columns) {
      const cell = cells[c.index] as string;
      if (cell === '') {
        if (c.required) return null;
        continue;
      }
      const value = parseCell(cell, c.type);
      switch (c.type) {
        case 'number':
          if (typeof value !== 'number' || !Number.isFinite(value)) return null;
          break;
        case 'string':
          break;
        case 'date':
          if (!isIsoDay(value as string)) return null;
          break;
        case 'boolean':
          if (typeof value !== 'boolean') return null;
          break;
        default:
          return null;
      }
      if (c.enumValues !== null && !c.enumValues.has(value)) return null;
      if (c.min !== undefined && (value as number) < c.min) return null;
      if (c.max !== undefined && (value as number) > c.max) return null;
      data[c.name] = value;
    }
    return data;
  }
}
