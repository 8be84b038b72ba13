import { compileExpression } from '../expressions/compile-expression.ts';
import type { CompiledExpression, FieldTypes } from '../expressions/expression-types.ts';
import { fieldTypesOf } from '../rulebook/check-measure.ts';
import type { FieldSpec, Fields } from '../rulebook/field-spec-schema.ts';
import type { MeasureSpec } from '../rulebook/measure-spec-schema.ts';
import type { Rulebook } from '../rulebook/rulebook-schema.ts';
import { AppliesToTest } from './applies-to.ts';

export interface CompiledRule {
  expression: CompiledExpression;
  message: string;
}

/** One data field with its accuracy rules compiled. */
export interface CompiledField {
  name: string;
  spec: FieldSpec;
  enumValues: Set<unknown> | null;
  rules: CompiledRule[];
}

export type CompiledCompute =
  | {
      kind: 'reporting';
      dueDate: string | null;
      completeFields: string[] | null;
      /** Per entry of the measure's `fields`: needed for completeness (so each field is read once per record). */
      completeMask: boolean[];
      accurate: boolean;
      recordRules: CompiledRule[];
      minRecords: number;
    }
  | {
      kind: 'rate-records';
      denominator: CompiledExpression | null;
      numerator: CompiledExpression;
      exclusions: { when: CompiledExpression; reason: string }[];
      missedReasonField: string | null;
      missedReasonRequired: boolean;
      per: number;
    }
  | { kind: 'rate-counts'; numeratorField: string; denominatorField: string; per: number }
  | {
      kind: 'value';
      field: string | null;
      formula: CompiledExpression | null;
      aggregate: 'sum' | 'mean' | 'min' | 'max' | 'latest';
    }
  | { kind: 'milestone'; milestoneField: string; dateField: string; by: string | null; minCompleted: number };

export interface CompiledStratum {
  name: string;
  field: string | null;
  expression: CompiledExpression | null;
  bands: { label: string; min: number; max: number }[] | null;
  minDenominator: number;
}

/** A measure with every expression compiled and every default filled in, ready for bulk evaluation. */
export interface CompiledMeasure {
  spec: MeasureSpec;
  key: string;
  index: number;
  /** Whose submissions it reads: its own key, or its dataFrom. */
  dataKey: string;
  period: string;
  fields: CompiledField[];
  fieldTypes: FieldTypes;
  recordKey: string[];
  applies: AppliesToTest | null;
  compute: CompiledCompute;
  minDenominator: number;
  noData: 'not-scored' | 'not-met';
  strata: CompiledStratum[];
  /** Which way is better (from the target; default higher): orders strata best to worst. */
  direction: 'higher' | 'lower';
  weight: number;
}

function rules(
  list: readonly { check: string; message: string }[] | undefined,
  types: FieldTypes,
): CompiledRule[] {
  return (list ?? []).map((r) => ({
    expression: compileExpression(r.check, types, 'boolean'),
    message: r.message,
  }));
}

/**
 * Compiles one measure of a validated rulebook. Throws RulebookError only for a rulebook that
 * skipped validation (validation reports the same problems with their paths).
 */
export function compileMeasure(spec: MeasureSpec, index: number, rulebook: Rulebook): CompiledMeasure {
  const owner = spec.dataFrom === undefined ? spec : rulebook.measures.find((m) => m.key === spec.dataFrom);
  const dataFields: Fields = owner?.fields ?? {};
  const types = fieldTypesOf(dataFields);
  const c = spec.compute;
  let compute: CompiledCompute;
  let defaultKey: string[] = [];
  switch (c.kind) {
    case 'reporting': {
      const completeFields =
        c.complete === false
          ? null
          : (c.complete?.fields ??
            Object.keys(dataFields).filter((name) => dataFields[name]?.required === true));
      compute = {
        kind: 'reporting',
        dueDate: c.timely ? c.timely.dueDate : null,
        completeFields,
        completeMask: Object.keys(dataFields).map((name) => completeFields?.includes(name) === true),
        accurate: c.accurate !== false,
        recordRules: c.accurate === false ? [] : rules(c.accurate?.rules, types),
        minRecords: c.minRecords ?? 1,
      };
      break;
    }
    case 'rate-records':
      compute = {
        kind: 'rate-records',
        denominator: c.denominator === undefined ? null : compileExpression(c.denominator, types, 'boolean'),
        numerator: compileExpression(c.numerator, types, 'boolean'),
        exclusions: (c.exclusions ?? []).map((e) => ({
          when: compileExpression(e.when, types, 'boolean'),
          reason: e.reason,
        })),
        missedReasonField: c.missedReason?.field ?? null,
        missedReasonRequired: c.missedReason !== undefined && c.missedReason.required !== false,
        per: c.per ?? 1,
      };
      break;
    case 'rate-counts':
      compute = {
        kind: 'rate-counts',
        numeratorField: c.numeratorField,
        denominatorField: c.denominatorField,
        per: c.per ?? 1,
      };
      break;
    case 'value':
      compute = {
        kind: 'value',
        field: c.field ?? null,
        formula: c.formula === undefined ? null : compileExpression(c.formula, types, 'number'),
        aggregate: c.aggregate ?? 'sum',
      };
      break;
    case 'milestone':
      compute = {
        kind: 'milestone',
        milestoneField: c.milestoneField ?? 'milestone',
        dateField: c.dateField ?? 'completedOn',
        by: c.by ?? null,
        minCompleted: c.minCompleted ?? 1,
      };
      // A milestone is completed once: a resubmission of the same milestone replaces the first.
      defaultKey = [compute.milestoneField];
      break;
  }
  return {
    spec,
    key: spec.key,
    index,
    dataKey: spec.dataFrom ?? spec.key,
    period: spec.period ?? rulebook.fiscalYear,
    fields: Object.entries(dataFields).map(([name, fieldSpec]) => ({
      name,
      spec: fieldSpec,
      enumValues: fieldSpec.enum ? new Set<unknown>(fieldSpec.enum) : null,
      rules: rules(fieldSpec.rules, types),
    })),
    fieldTypes: types,
    recordKey: owner?.recordKey ?? defaultKey,
    applies:
      spec.appliesTo === undefined
        ? null
        : new AppliesToTest(spec.appliesTo, fieldTypesOf(rulebook.payee?.fields)),
    compute,
    minDenominator: spec.minDenominator ?? 1,
    noData: spec.noData ?? 'not-scored',
    strata: (spec.strata ?? []).map((s) => ({
      name: s.name,
      field: s.field ?? null,
      expression:
        s.expression === undefined
          ? null
          : compileExpression(s.expression, types, s.bands ? 'number' : 'string'),
      bands: s.bands
        ? s.bands.map((b) => ({ label: b.label, min: b.min ?? -Infinity, max: b.max ?? Infinity }))
        : null,
      minDenominator: s.minDenominator ?? spec.minDenominator ?? 1,
    })),
    direction: spec.target?.direction ?? 'higher',
    weight: spec.weight ?? 1,
  };
}
