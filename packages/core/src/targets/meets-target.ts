import type { Direction } from './target-spec.ts';

/**
 * Whether `value` meets `target`: at or above it when higher is better, at or below it when lower
 * is better. Compared exactly as numbers; a rulebook that wants a rate rounded before the
 * comparison rounds it in the measure's formula.
 */
export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'lower' ? value <= target : value >= target;
}
