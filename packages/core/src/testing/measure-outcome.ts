import type { MeasureOutcome } from '../payment/payment.ts';

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
