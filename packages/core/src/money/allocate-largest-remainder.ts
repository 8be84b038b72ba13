import { RulebookError } from '../errors.ts';
import type { Cents } from './cents.ts';
import { type DecimalLike, toRational } from './decimal.ts';

/**
 * Splits an integer `total` into integer parts proportional to `weights`, so that the parts add up
 * to `total` exactly (largest remainder / Hamilton method):
 *  1. each part's exact quota is total * w_i / sum(w), computed in exact rationals;
 *  2. every part gets the floor of its quota (toward zero for a negative total);
 *  3. the units left over go one each to the parts with the largest fractional remainders,
 *     ties broken by lower index, so the result is deterministic for the same input order.
 * Weights are non-negative DecimalLike values (numbers are read as written: 0.1 is one tenth).
 * A zero weight gets zero. If every weight is zero, the total must be zero (all parts zero);
 * otherwise there is nobody to give the money to and it throws RulebookError 'allocation-no-weights'
 * (payment methods check for that case first and report it as an issue instead).
 * A negative total is split like its absolute value and negated, so no part has the wrong sign.
 */
export function allocateLargestRemainder(total: Cents, weights: readonly DecimalLike[]): Cents[] {
  if (!Number.isSafeInteger(total)) {
    throw new RulebookError('allocation-invalid', `total must be a safe integer, got ${total}`);
  }
  const n = weights.length;
  if (n === 0) {
    if (total === 0) return [];
    throw new RulebookError('allocation-no-weights', `cannot allocate ${total} over no parts`);
  }
  // Bring every weight to one common denominator so the weights become integers w_i.
  const rats = weights.map(toRational);
  let den = 1n;
  for (const r of rats) {
    if (r.n < 0n) throw new RulebookError('allocation-invalid', 'allocation weights must not be negative');
    den = lcm(den, r.d);
  }
  const w = rats.map((r) => r.n * (den / r.d));
  let sum = 0n;
  for (const x of w) sum += x;
  if (sum === 0n) {
    if (total === 0) return new Array<Cents>(n).fill(0);
    throw new RulebookError('allocation-no-weights', `cannot allocate ${total}: every weight is zero`);
  }
  const sign = total < 0 ? -1n : 1n;
  const t = BigInt(total) * sign;
  const parts = new Array<bigint>(n);
  const rems = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const q = t * (w[i] as bigint);
    const part = q / sum;
    parts[i] = part;
    rems[i] = q % sum;
    given += part;
  }
  let left = Number(t - given); // < n, so a small number
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const ra = rems[a] as bigint;
      const rb = rems[b] as bigint;
      return ra > rb ? -1 : ra < rb ? 1 : a - b;
    });
    for (const i of order) {
      if (left === 0) break;
      parts[i] = (parts[i] as bigint) + 1n;
      left--;
    }
  }
  return parts.map((p) => Number(p * sign));
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return (a / x) * b;
}
