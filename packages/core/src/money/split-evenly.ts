import { RulebookError } from '../errors.ts';
import type { Cents } from './cents.ts';

/**
 * Splits `total` into `n` integer parts that differ by at most one unit and add up to `total`;
 * the leftover units go to the first parts (the same result as largest remainder with equal
 * weights): splitEvenly(100, 3) = [34, 33, 33]; splitEvenly(-100, 3) = [-34, -33, -33].
 */
export function splitEvenly(total: Cents, n: number): Cents[] {
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(n) || n < 1) {
    throw new RulebookError('allocation-invalid', `cannot split ${total} into ${n} parts`);
  }
  const abs = Math.abs(total);
  const base = Math.floor(abs / n);
  const extra = abs - base * n;
  const sign = total < 0 ? -1 : 1;
  return Array.from({ length: n }, (_, i) => sign * (base + (i < extra ? 1 : 0)) || 0);
}
