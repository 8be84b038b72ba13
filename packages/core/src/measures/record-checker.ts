import type { FieldTypes } from '../expressions/expression-types.ts';
import { isPlainName } from '../plain-name.ts';
import { hasType, isPresent } from './check-record.ts';
import type { CompiledField, CompiledRule } from './compile-measure.ts';
import type { RecordReader } from './record-reader.ts';

/** Bits of a record's standing; 0 is a clean record. */
export const RECORD_INCOMPLETE = 1;
export const RECORD_INACCURATE = 2;
export const RECORD_INVALID = 4;
/** What reporting measures score; rate and value measures never read a record with either. */
export const RECORD_FINDINGS = RECORD_INCOMPLETE | RECORD_INACCURATE;

/**
 * One problem of one record. An *error* means the record cannot be read as the rulebook defines
 * it (upload and preview refuse it, a run leaves it out); a *finding* is what pay-for-reporting
 * scores (completeness and the program's accuracy rules): the record is kept and flagged.
 */
export interface RecordIssue {
  /** The data field ('' for the record as a whole). */
  path: string;
  severity: 'error' | 'finding';
  message: string;
}

export interface RecordCheckerSpec {
  /** The dataset's measure (the one that owns the data), named in messages. */
  measureKey: string;
  fields: readonly CompiledField[];
  fieldTypes: FieldTypes;
  /**
   * Per field: a missing value is a completeness finding (the owner is a reporting measure).
   * null: the owner is not a reporting measure, and a missing required field is an error.
   */
  completeMask: readonly boolean[] | null;
  /** Whether field and record rules are checked (a reporting measure may turn accuracy off). */
  checkRules: boolean;
  recordRules: readonly CompiledRule[];
  recordKey: readonly string[];
}

/**
 * The one check of a submitted record against its dataset's fields, shared by upload, preview and
 * the run's reader (so they can never disagree):
 * - errors: an unknown field, a value of the wrong type, outside its enum or bounds (numbers, or
 *   dates against an ISO `min`/`max`), a missing record key field, and for data that no
 *   reporting measure owns, a missing required field;
 * - findings: a missing required (completeness) field of a reporting measure's data, and a
 *   failed accuracy rule (field rules and the reporting measure's record rules).
 * Returns the record's standing bits; with `issues`, also lists every problem, worded without
 * quoting any value (submitted data may be personal).
 */
export class RecordChecker {
  constructor(private readonly spec: RecordCheckerSpec) {}

  get measureKey(): string {
    return this.spec.measureKey;
  }

  check(reader: RecordReader, i: number, issues: RecordIssue[] | null): number {
    const { fields, completeMask, checkRules, recordKey, measureKey } = this.spec;
    let bits = 0;
    const unknown = reader.unknownField(this.spec.fieldTypes, i);
    if (unknown !== null) {
      bits |= RECORD_INVALID;
      if (!issues) return bits;
      pushUnknown(reader, this.spec.fieldTypes, i, measureKey, issues);
    }
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f] as CompiledField;
      const spec = field.spec;
      const value = reader.field(field.name, i);
      if (!isPresent(value)) {
        if (recordKey.includes(field.name)) {
          bits |= RECORD_INVALID;
          issues?.push(error(field.name, `'${field.name}' is required: it tells this record from others`));
        } else if (completeMask !== null) {
          if (completeMask[f] === true) {
            bits |= RECORD_INCOMPLETE;
            issues?.push(finding(field.name, `'${field.name}' is missing: the record is incomplete`));
          }
        } else if (spec.required === true) {
          bits |= RECORD_INVALID;
          issues?.push(error(field.name, `'${field.name}' is required`));
        }
        if (!issues && (bits & RECORD_INVALID) !== 0) return bits;
        continue;
      }
      const problem = valueProblem(field, value);
      if (problem !== null) {
        bits |= RECORD_INVALID;
        if (!issues) return bits;
        issues.push(error(field.name, problem));
        continue;
      }
      if (!checkRules) continue;
      for (const rule of field.rules) {
        if (reader.evaluate(rule.expression, i) !== true) {
          bits |= RECORD_INACCURATE;
          issues?.push(finding(field.name, rule.message));
        }
      }
    }
    // Record rules read several fields: only meaningful on a record whose fields are readable.
    if (checkRules && (bits & RECORD_INVALID) === 0) {
      for (const rule of this.spec.recordRules) {
        if (reader.evaluate(rule.expression, i) !== true) {
          bits |= RECORD_INACCURATE;
          issues?.push(finding('', rule.message));
        }
      }
    }
    return bits;
  }
}

/**
 * What is wrong with a present value (type, enum, bounds), or null. Never quotes the value. Used
 * for payee fields too (`enumValues` null: the spec's enum list is searched).
 */
export function valueProblem(
  field: Pick<CompiledField, 'name' | 'spec'> & { enumValues?: ReadonlySet<unknown> | null },
  value: unknown,
): string | null {
  const spec = field.spec;
  if (!hasType(value, spec.type)) return `'${field.name}' must be a ${spec.type}`;
  const inEnum = field.enumValues
    ? field.enumValues.has(value)
    : spec.enum?.includes(value as string | number);
  if (inEnum === false) return `'${field.name}' must be one of ${spec.enum?.join(', ')}`;
  if (spec.min !== undefined && (value as number | string) < spec.min)
    return `'${field.name}' must be at least ${spec.min}`;
  if (spec.max !== undefined && (value as number | string) > spec.max)
    return `'${field.name}' must be at most ${spec.max}`;
  return null;
}

function pushUnknown(
  reader: RecordReader,
  known: FieldTypes,
  i: number,
  measureKey: string,
  issues: RecordIssue[],
): void {
  for (const name of Object.keys(reader.data(i))) {
    if (Object.hasOwn(known, name)) continue;
    // A name is echoed only when it looks like a field name: a key is data the submitter wrote.
    const shown = isPlainName(name) ? `'${name}'` : 'a key';
    issues.push(error(shown === 'a key' ? '' : name, `${shown} is not a field of ${measureKey}`));
  }
}

const error = (path: string, message: string): RecordIssue => ({ path, severity: 'error', message });
const finding = (path: string, message: string): RecordIssue => ({ path, severity: 'finding', message });
