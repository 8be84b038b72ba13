import { RulebookError } from '../errors.ts';

/**
 * Exact rational numbers over bigint. Money arithmetic never goes through floating point: decimals
 * from rulebooks ('0.005', '305.00') and numbers from data become rationals, and only the final
 * amount is rounded, once, with an explicit rounding mode.
 */
export interface Rational {
  /** Numerator (carries the sign). */
  readonly n: bigint;
  /** Denominator, always > 0; the pair is kept in lowest terms. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** n/d in lowest terms with a positive denominator. d must not be zero. */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RulebookError('division-by-zero', 'division by zero in an amount computation');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { n: -b.n, d: b.d });
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** a / b; b must not be zero. */
export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a <, =, > b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** Nearest double; for display and scores, never for money. */
export function toNumber(a: Rational): number {
  const q = Number(a.n) / Number(a.d);
  if (Number.isFinite(q)) return q;
  // Huge numerator and denominator: scale both down before converting.
  const shift = BigInt(Math.max(a.n.toString(2).length, a.d.toString(2).length) - 1000);
  return Number(a.n >> shift) / Number(a.d >> shift);
}
