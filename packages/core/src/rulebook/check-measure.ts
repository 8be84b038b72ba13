import type { RuleIssue } from '../errors.ts';
import { checkExpression } from '../expressions/check-expression.ts';
import type { ExprType, FieldTypes } from '../expressions/expression-types.ts';
import type { Fields } from './field-spec-schema.ts';
import { type MeasureSpec, MeasureSpecSchema } from './measure-spec-schema.ts';

type Path = (string | number)[];

/**
 * The parts of a measure the deeper checks read. Parsed on their own (other members pass through
 * unchecked here), so a bad target does not stop the expressions beside it being checked.
 */
export const MeasureShapeSchema = MeasureSpecSchema.pick({
  key: true,
  dataFrom: true,
  fields: true,
  appliesTo: true,
  recordKey: true,
  compute: true,
  strata: true,
}).loose();
export type MeasureShape = Pick<
  MeasureSpec,
  'key' | 'dataFrom' | 'fields' | 'appliesTo' | 'recordKey' | 'compute' | 'strata'
>;

/** The expression language's view of a field schema. */
export function fieldTypesOf(fields: Fields | undefined): FieldTypes {
  const types: FieldTypes = {};
  if (fields) for (const [name, spec] of Object.entries(fields)) types[name] = spec.type;
  return types;
}

/** Type-checks one expression; its issues get `path` in front (their position stays the offset in the source). */
export function checkExpressionAt(
  source: string,
  fields: FieldTypes,
  expect: ExprType | undefined,
  path: Path,
  issues: RuleIssue[],
): void {
  for (const issue of checkExpression(source, fields, expect)) {
    issues.push({ ...issue, path: [...path, ...issue.path] });
  }
}

/** Checks a field schema's own consistency and its rules (expressions over the same fields). */
export function checkFields(fields: Fields, path: Path, issues: RuleIssue[]): void {
  const types = fieldTypesOf(fields);
  for (const [name, spec] of Object.entries(fields)) {
    const at = [...path, name];
    for (const bound of ['min', 'max'] as const) {
      const value = spec[bound];
      if (value === undefined) continue;
      const fits =
        spec.type === 'number'
          ? typeof value === 'number'
          : spec.type === 'date' && typeof value === 'string';
      if (!fits) {
        issues.push({
          path: [...at, bound],
          code: 'field-bounds-type',
          message:
            spec.type === 'number' || spec.type === 'date'
              ? `a ${spec.type} field's ${bound} is a ${spec.type === 'number' ? 'number' : 'day YYYY-MM-DD'}`
              : `min/max apply to number and date fields, not ${spec.type}`,
        });
      }
    }
    spec.enum?.forEach((value, i) => {
      const fits = spec.type === 'number' ? typeof value === 'number' : typeof value === 'string';
      if (!fits)
        issues.push({ path: [...at, 'enum', i], code: 'enum-type', message: `not a ${spec.type} value` });
    });
    spec.rules?.forEach((rule, i) => {
      checkExpressionAt(rule.check, types, 'boolean', [...at, 'rules', i, 'check'], issues);
    });
  }
}

function requireField(
  types: FieldTypes,
  name: string,
  want: ExprType | undefined,
  path: Path,
  issues: RuleIssue[],
): void {
  const type = Object.hasOwn(types, name) ? types[name] : undefined;
  if (type === undefined) {
    issues.push({ path, code: 'unknown-field', message: `no field '${name}' in the measure's fields` });
  } else if (want !== undefined && type !== want) {
    issues.push({ path, code: 'field-type', message: `field '${name}' is ${type}, a ${want} is needed` });
  }
}

/**
 * Everything the schema cannot see about one (schema-valid) measure: field references, expression
 * types, record keys. `dataFields` are the fields of the data it reads (its own or its dataFrom's).
 */
export function checkMeasure(
  measure: MeasureShape,
  path: Path,
  dataFields: Fields | undefined,
  payeeFields: FieldTypes | null,
  issues: RuleIssue[],
): void {
  const types = fieldTypesOf(dataFields);
  if (measure.fields && !measure.dataFrom) checkFields(measure.fields, [...path, 'fields'], issues);

  if (typeof measure.appliesTo === 'string') {
    if (payeeFields)
      checkExpressionAt(measure.appliesTo, payeeFields, 'boolean', [...path, 'appliesTo'], issues);
  } else if (measure.appliesTo && payeeFields) {
    for (const name of Object.keys(measure.appliesTo)) {
      if (!Object.hasOwn(payeeFields, name)) {
        issues.push({
          path: [...path, 'appliesTo', name],
          code: 'unknown-field',
          message: `no payee field '${name}'`,
        });
      }
    }
  }

  const recordKey = measure.recordKey ?? [];
  for (const [i, name] of recordKey.entries())
    requireField(types, name, undefined, [...path, 'recordKey', i], issues);

  const compute = measure.compute;
  const at = [...path, 'compute'];
  switch (compute.kind) {
    case 'reporting':
      if (compute.complete) {
        for (const [i, name] of (compute.complete.fields ?? []).entries()) {
          requireField(types, name, undefined, [...at, 'complete', 'fields', i], issues);
        }
      }
      if (compute.accurate) {
        for (const [i, rule] of (compute.accurate.rules ?? []).entries()) {
          checkExpressionAt(rule.check, types, 'boolean', [...at, 'accurate', 'rules', i, 'check'], issues);
        }
      }
      break;
    case 'rate-records':
      if (compute.denominator !== undefined) {
        checkExpressionAt(compute.denominator, types, 'boolean', [...at, 'denominator'], issues);
      }
      checkExpressionAt(compute.numerator, types, 'boolean', [...at, 'numerator'], issues);
      for (const [i, exclusion] of (compute.exclusions ?? []).entries()) {
        checkExpressionAt(exclusion.when, types, 'boolean', [...at, 'exclusions', i, 'when'], issues);
      }
      if (compute.missedReason) {
        requireField(types, compute.missedReason.field, undefined, [...at, 'missedReason', 'field'], issues);
      }
      if (!measure.dataFrom && recordKey.length === 0) {
        issues.push({
          path: [...path, 'recordKey'],
          code: 'record-key-required',
          message:
            'person-level records need a recordKey (e.g. ["personId"]) so a resubmission replaces a record',
        });
      }
      break;
    case 'rate-counts':
      requireField(types, compute.numeratorField, 'number', [...at, 'numeratorField'], issues);
      requireField(types, compute.denominatorField, 'number', [...at, 'denominatorField'], issues);
      break;
    case 'value':
      if ((compute.field === undefined) === (compute.formula === undefined)) {
        issues.push({ path: at, code: 'value-source', message: "give exactly one of 'field' and 'formula'" });
      }
      if (compute.field !== undefined) requireField(types, compute.field, 'number', [...at, 'field'], issues);
      if (compute.formula !== undefined) {
        checkExpressionAt(compute.formula, types, 'number', [...at, 'formula'], issues);
      }
      break;
    case 'milestone':
      requireField(types, compute.milestoneField ?? 'milestone', 'number', [...at, 'milestoneField'], issues);
      requireField(types, compute.dateField ?? 'completedOn', 'date', [...at, 'dateField'], issues);
      break;
  }

  measure.strata?.forEach((stratum, i) => {
    const sp = [...path, 'strata', i];
    if ((stratum.field === undefined) === (stratum.expression === undefined)) {
      issues.push({
        path: sp,
        code: 'stratum-source',
        message: "give exactly one of 'field' and 'expression'",
      });
    }
    if (compute.kind !== 'rate-records') {
      issues.push({ path: sp, code: 'strata-need-records', message: 'strata need a rate-records measure' });
    }
    if (stratum.field !== undefined) {
      requireField(types, stratum.field, stratum.bands ? 'number' : undefined, [...sp, 'field'], issues);
    }
    if (stratum.expression !== undefined) {
      checkExpressionAt(
        stratum.expression,
        types,
        stratum.bands ? 'number' : 'string',
        [...sp, 'expression'],
        issues,
      );
    }
  });
}
