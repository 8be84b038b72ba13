import type { z } from 'zod';
import type { RuleIssue } from '../errors.ts';
import type { FieldTypes } from '../expressions/expression-types.ts';
import { checkClassTables } from './check-class-tables.ts';
import {
  checkFields,
  checkMeasure,
  fieldTypesOf,
  type MeasureShape,
  MeasureShapeSchema,
} from './check-measure.ts';
import { checkPaymentParts } from './check-payment-parts.ts';
import { type Fields, FieldsSchema } from './field-spec-schema.ts';
import { type Rulebook, RulebookSchema } from './rulebook-schema.ts';

export type RulebookValidation = { ok: true; rulebook: Rulebook } | { ok: false; issues: RuleIssue[] };

/**
 * Validates a rulebook and reports every problem at once, each with its JSON path (and, inside an
 * expression, its character position): schema errors, duplicate keys, unknown field references,
 * expression type errors. Parts that fail the schema are skipped by the deeper checks, while their
 * schema-valid siblings are still checked, so one broken measure does not hide another's problems.
 */
export function validateRulebook(json: unknown): RulebookValidation {
  const issues: RuleIssue[] = [];
  const parsed = RulebookSchema.safeParse(json);
  if (!parsed.success) issues.push(...zodIssues(parsed.error));

  const raw = isRecord(json) ? json : {};
  const payee = isRecord(raw.payee) ? raw.payee : {};
  // Without a valid payee field schema appliesTo cannot be type-checked; the schema issue says why.
  let payeeTypes: FieldTypes | null = null;
  if (payee.fields === undefined) payeeTypes = {};
  else {
    const fields = FieldsSchema.safeParse(payee.fields);
    if (fields.success) {
      payeeTypes = fieldTypesOf(fields.data);
      checkFields(fields.data, ['payee', 'fields'], issues);
    }
  }

  const rawMeasures = Array.isArray(raw.measures) ? (raw.measures as unknown[]) : [];
  const measures: (MeasureShape | null)[] = rawMeasures.map((m) => {
    const one = MeasureShapeSchema.safeParse(m);
    return one.success ? one.data : null;
  });
  const byKey = new Map<string, { measure: MeasureShape; index: number }>();
  measures.forEach((measure, index) => {
    if (!measure) return;
    if (byKey.has(measure.key)) {
      issues.push({
        path: ['measures', index, 'key'],
        code: 'duplicate-key',
        message: `measure key '${measure.key}' is already used by measures[${byKey.get(measure.key)?.index}]`,
      });
    } else byKey.set(measure.key, { measure, index });
  });

  measures.forEach((measure, index) => {
    if (!measure) return;
    const path = ['measures', index];
    let dataFields: Fields | undefined = measure.fields;
    if (measure.dataFrom !== undefined) {
      const source = byKey.get(measure.dataFrom)?.measure;
      if (!source) {
        issues.push({
          path: [...path, 'dataFrom'],
          code: 'unknown-measure',
          message: `no measure '${measure.dataFrom}'`,
        });
        return;
      }
      if (source.dataFrom !== undefined) {
        issues.push({
          path: [...path, 'dataFrom'],
          code: 'data-from-chain',
          message: `'${measure.dataFrom}' itself reads another measure's data; point at the measure that owns it`,
        });
        return;
      }
      if (measure.fields !== undefined || measure.recordKey !== undefined) {
        issues.push({
          path: [...path, 'dataFrom'],
          code: 'data-from-fields',
          message: "a measure reading another measure's data uses its fields and recordKey; remove its own",
        });
      }
      if (measure.compute.kind === 'rate-records' && (source.recordKey ?? []).length === 0) {
        issues.push({
          path: [...path, 'dataFrom'],
          code: 'record-key-required',
          message: `person-level records need a recordKey on '${measure.dataFrom}', whose data this measure reads`,
        });
      }
      dataFields = source.fields;
    }
    checkMeasure(measure, path, dataFields, payeeTypes, issues);
  });

  if (isRecord(raw.composite) && Array.isArray(raw.composite.measures)) {
    raw.composite.measures.forEach((key, i) => {
      if (typeof key === 'string' && !byKey.has(key)) {
        issues.push({
          path: ['composite', 'measures', i],
          code: 'unknown-measure',
          message: `no measure '${key}'`,
        });
      }
    });
  }

  checkPaymentParts(raw.additionalPayments, payeeTypes, new Set(byKey.keys()), issues);
  checkClassTables(raw, issues);

  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, rulebook: parsed.data };
}

function zodIssues(error: z.ZodError): RuleIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
    code: `schema-${issue.code.replaceAll('_', '-')}`,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
