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
  const parts = new Array<Cents>(n);
  const lo = total < 0 ? -base || 0 : base;
  const hi = sign * (base + 1);
  for (let i = 0; i < n; i++) parts[i] = i < extra ? hi : lo;
  return parts;
}
