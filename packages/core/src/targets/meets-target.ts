import { type ExactNumber, exactCompare } from '../money/exact-number.ts';
import type { Direction } from './target-spec.ts';

/**
 * Whether `value` meets `target`: at or above it when higher is better, at or below it when lower
 * is better; ties meet. Compared exactly (a number stands for its shortest decimal, see
 * money/exact-number.ts); a rulebook that wants a rate rounded before the comparison rounds it in
 * the measure's formula.
 */
export function meetsTarget(value: ExactNumber, target: ExactNumber, direction: Direction): boolean {
  if (typeof value === 'number' && typeof target === 'number') {
    return direction === 'lower' ? value <= target : value >= target;
  }
  const c = exactCompare(value, target);
  return direction === 'lower' ? c <= 0 : c >= 0;
}
