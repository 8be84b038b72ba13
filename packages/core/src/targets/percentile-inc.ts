import { RulebookError } from '../errors.ts';
import {
  type ExactNumber,
  exactAdd,
  exactCompare,
  exactMul,
  exactOf,
  exactSub,
  exactToNumber,
  rationalOf,
} from '../money/exact-number.ts';
import { mul, type Rational, sub } from '../money/rational.ts';

/**
 * Excel PERCENTILE.INC: the p-th percentile (0 <= p <= 1) of `values` with inclusive linear
 * interpolation. With the n values sorted ascending as v[0..n-1], rank = p * (n - 1),
 * k = floor(rank), and the result is v[k] + (rank - k) * (v[k+1] - v[k]) (just v[k] when rank is
 * whole). p = 0 gives the minimum, p = 1 the maximum, p = 0.5 the median. Computed exactly over
 * the values and p read as their decimals (percentileIncExact), then given as the nearest double.
 *
 * Computed by selection, not by sorting: Floyd-Rivest select places the k-th smallest value on a
 * copy in expected O(n), and v[k+1] is then the minimum of the part right of k. The input is never
 * modified. Non-finite values (NaN, null coerced to NaN, Infinity) are ignored. Returns null when no
 * finite value is left. A p outside [0, 1] is a broken rulebook: RulebookError 'percentile-invalid'.
 */
export function percentileInc(values: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new RulebookError('percentile-invalid', `percentile must be between 0 and 1, got ${p}`);
  }
  const exact = percentileIncExact(values, rationalOf(p));
  return exact === null ? null : exactToNumber(exact);
}

/**
 * PERCENTILE.INC of exact values: `values` are the nearest doubles, `exactAt(i)` (when given and
 * not undefined) the exact value of values[i], asked only for the values that share a double with
 * the k-th or (k+1)-th; p (0..1) is exact too. The interpolation
 * v[k] + (rank - k) * (v[k+1] - v[k]) is computed exactly, so ties with the result compare equal.
 *
 * The k-th and (k+1)-th values are found by selection on the doubles (their order agrees with the
 * exact order, except that distinct exact values may share a double), then placed exactly among
 * the values that share their doubles. Non-finite doubles are ignored; no values gives null.
 */
export function percentileIncExact(
  values: ArrayLike<number>,
  p: Rational,
  exactAt?: (i: number) => ExactNumber | undefined,
): ExactNumber | null {
  if (!(p.n >= 0n && p.n <= p.d)) {
    throw new RulebookError('percentile-invalid', `percentile must be between 0 and 1, got ${p.n}/${p.d}`);
  }
  const a = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) a[n++] = v;
  }
  if (n === 0) return null;
  const arr = n === a.length ? a : a.subarray(0, n);
  const rank = mul(p, { n: BigInt(n - 1), d: 1n });
  const k = Number(rank.n / rank.d); // floor: rank >= 0
  const frac = sub(rank, { n: BigInt(k), d: 1n });
  select(arr, k, 0, n - 1);
  const lo = arr[k] as number;
  let hi = lo;
  if (frac.n !== 0n) {
    hi = Number.POSITIVE_INFINITY;
    for (let i = k + 1; i < n; i++) {
      const v = arr[i] as number;
      if (v < hi) hi = v;
    }
  }
  // Exact values of the k-th and (k+1)-th: the doubles themselves unless an exact value shares them.
  let kth: ExactNumber = lo;
  let next: ExactNumber = hi;
  if (exactAt) {
    let below = 0;
    const tied: ExactNumber[] = [];
    let anyExact = false;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v)) continue;
      if (v < lo) below++;
      else if (v === lo || v === hi) {
        const x = exactAt(i);
        if (x !== undefined && typeof x !== 'number') anyExact = true;
        tied.push(x ?? v);
      }
    }
    if (anyExact) {
      tied.sort(exactCompare);
      kth = tied[k - below] as ExactNumber;
      next = frac.n === 0n ? kth : (tied[k + 1 - below] as ExactNumber);
    }
  }
  if (frac.n === 0n) return typeof kth === 'number' ? kth + 0 : kth; // -0 is 0
  return exactAdd(kth, exactMul(exactOf(frac), exactSub(next, kth)));
}

/** Floyd-Rivest selection: afterwards arr[k] is the k-th smallest, smaller values left, larger right. */
function select(arr: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a small sample around k to pick pivots that bracket k tightly.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(arr, k, newLeft, newRight);
    }
    const t = arr[k] as number;
    let i = left;
    let j = right;
    swap(arr, left, k);
    if ((arr[right] as number) > t) swap(arr, left, right);
    while (i < j) {
      swap(arr, i, j);
      i++;
      j--;
      while ((arr[i] as number) < t) i++;
      while ((arr[j] as number) > t) j--;
    }
    if (arr[left] === t) swap(arr, left, j);
    else {
      j++;
      swap(arr, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(arr: Float64Array, i: number, j: number): void {
  const t = arr[i] as number;
  arr[i] = arr[j] as number;
  arr[j] = t;
}
