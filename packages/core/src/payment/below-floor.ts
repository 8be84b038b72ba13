import type { MeasureOutcome } from './payment.ts';

/**
 * Whether a measure outcome is below its floor (MCAS's minimum performance level), for sanctions and
 * community reinvestment alike. A measure scored as not met without a value (nothing reported, the
 * measure's `noData: 'not-met'`) is below: not reporting cannot be better than reporting badly. A
 * measure not scored (e.g. a denominator under the minimum) is below only with `unscoredIsBelow`.
 */
export function isBelowFloor(
  m: MeasureOutcome | undefined,
  floor: number,
  direction: 'higher' | 'lower',
  unscoredIsBelow: boolean,
): boolean {
  if (m?.scored && m.value === null && m.met === false) return true;
  const value = m?.scored ? m.value : null;
  if (value === null) return unscoredIsBelow;
  return direction === 'lower' ? value > floor : value < floor;
}
