import { csvText } from '../csv-text.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import type { FieldSpec } from '../rulebook/field-spec-schema.ts';

/** A measure's upload template: a CSV header and one example row. */
export interface SubmissionCsvTemplate {
  /** `{program}-{measure}-template.csv` */
  fileName: string;
  /** The columns, in order: entityId, measure, period, then `data.<field>` per field of the schema. */
  columns: string[];
  /** The header line and one example line, each ending in CRLF. */
  csv: string;
}

/** A value a field accepts, as a CSV cell reads it (lists are `;`-separated, days YYYY-MM-DD). */
function exampleValue(spec: FieldSpec, day: string): string {
  if (spec.enum) return String(spec.enum[0]);
  switch (spec.type) {
    case 'number':
      return String(
        typeof spec.min === 'number' ? spec.min : typeof spec.max === 'number' ? Math.min(spec.max, 1) : 1,
      );
    case 'date':
      return typeof spec.min === 'string' ? spec.min : typeof spec.max === 'string' ? spec.max : day;
    case 'boolean':
      return 'true';
    case 'list':
      return 'first;second';
    case 'string':
      return 'text';
  }
}

/**
 * The CSV an office fills in to upload `measureKey`'s submissions, from the rulebook's field
 * schema: the columns an upload reads (entityId, measure, period, data.<field> for every field)
 * and one example row (`entityId` and `day` given: a payee of the program and a day for date fields
 * without bounds). Each example value is one the field accepts (its first allowed value, its
 * minimum, ...). null when the measure takes no submissions (unknown, or reads another's data).
 */
export function submissionCsvTemplate(
  compiled: CompiledRulebook,
  measureKey: string,
  example: { entityId: string; day: string },
): SubmissionCsvTemplate | null {
  const index = compiled.measureIndex.get(measureKey);
  const measure = index === undefined ? undefined : compiled.measures[index];
  const periods = compiled.datasetIndex.get(measureKey);
  if (!measure || measure.dataKey !== measure.key || !periods) return null;
  const columns = ['entityId', 'measure', 'period', ...measure.fields.map((f) => `data.${f.name}`)];
  const values = [example.entityId, measure.key, [...periods.keys()][0] ?? compiled.rulebook.fiscalYear].map(
    csvText,
  );
  // Numbers as they are (a negative minimum is a number, not a formula to guard against).
  for (const f of measure.fields)
    values.push(
      f.spec.type === 'number'
        ? exampleValue(f.spec, example.day)
        : csvText(exampleValue(f.spec, example.day)),
    );
  return {
    fileName: `${compiled.rulebook.program}-${measure.key}-template.csv`,
    columns,
    csv: `${columns.map(csvText).join(',')}\r\n${values.join(',')}\r\n`,
  };
}
