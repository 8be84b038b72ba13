import { MeasureSpecSchema, TargetSpecSchema } from '@quip/core';
import type { z } from 'zod';

/**
 * The editable part of a measure, cut from core's own schema so the form says exactly what the
 * API's validation would say. `target` is core's discriminated union, or absent.
 */
export const MeasureFormSchema = MeasureSpecSchema.pick({
  name: true,
  domain: true,
  kind: true,
  weight: true,
}).extend({ target: TargetSpecSchema.optional() });

export type MeasureFormInput = z.input<typeof MeasureFormSchema>;
export type MeasureFormOutput = z.output<typeof MeasureFormSchema>;

export const TARGET_KINDS = ['absolute', 'peer-percentile', 'baseline-percentile', 'improvement'] as const;

/** The form's view of a measure: only the fields it edits. */
export function measureFormValues(measure: Record<string, unknown>): MeasureFormInput {
  return {
    name: String(measure.name ?? ''),
    domain: String(measure.domain ?? ''),
    kind: (measure.kind as MeasureFormInput['kind']) ?? 'reporting',
    weight: typeof measure.weight === 'number' ? measure.weight : 1,
    ...(measure.target ? { target: measure.target as MeasureFormInput['target'] } : {}),
  };
}

/** Writes valid form output back into the measure, keeping everything the form does not edit. */
export function applyMeasureForm(
  measure: Record<string, unknown>,
  values: MeasureFormOutput,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...measure, ...values };
  if (!values.target) delete next.target;
  return next;
}
