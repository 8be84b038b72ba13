import type { EntityOutcome, MeasureOutcome } from '../payment/payment.ts';
import { PaymentParamsSchema } from '../payment/payment-params.ts';

/** A scored measure's outcome as payment methods see it (`met` null: not scored), for payment tests. */
export const measureOutcome = (met: boolean | null, weight = 1): MeasureOutcome => ({
  scored: met !== null,
  met,
  value: null,
  points: null,
  maxPoints: null,
  weight,
});

/** A measure's value held to a floor, met left undecided (`value` null: not scored), for payment tests. */
export const flooredOutcome = (value: number | null, floor: number | null = null): MeasureOutcome => ({
  scored: value !== null,
  met: null,
  value,
  points: null,
  maxPoints: null,
  weight: 1,
  floor,
});

/** A payee's outcome for payment tests: these attributes and measure outcomes, no composite. */
export const entityOutcome = (
  entityId: string,
  attributes: Record<string, unknown>,
  measures: Record<string, MeasureOutcome>,
): EntityOutcome => ({ entityId, attributes, measures, composite: null });

/**
 * A payment method's parameters as the rulebook's `payment` JSON gives them: `{ method, ...json }`,
 * parsed (defaults filled in).
 */
export const methodParams =
  <P>(method: string) =>
  (json: Record<string, unknown> = {}): P =>
    PaymentParamsSchema.parse({ method, ...json }) as P;
