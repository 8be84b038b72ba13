import type { Rational } from './rational.ts';
import type { RoundingMode } from './rounding-mode.ts';

/**
 * The number fast path of the exact rational arithmetic: a rational n/d held in two JS numbers
 * that are safe integers (|x| <= 2^53 - 1), so every sum, product and remainder of them is exact
 * as long as its result is a safe integer too. Each operation checks that and gives `undefined`
 * when it is not, and the caller falls back to the bigint `Rational` path. So the fast path is an
 * optimisation only: it never changes a cent (the property tests compare the two).
 *
 * Unlike `Rational`, a SmallRational need not be in lowest terms (only its value matters: rounding
 * and the nearest double depend on the value alone); d is always > 0.
 */
export interface SmallRational {
  readonly n: number;
  readonly d: number;
}

export const SMALL_ZERO: SmallRational = { n: 0, d: 1 };
export const SMALL_ONE: SmallRational = { n: 1, d: 1 };

const safe = Number.isSafeInteger;

/** Greatest common divisor of two safe integers (>= 1 unless both are 0). */
export function smallGcd(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** n/d reduced, with d > 0; undefined when either is not a safe integer or d is 0. */
export function smallRational(n: number, d: number): SmallRational | undefined {
  if (!safe(n) || !safe(d) || d === 0) return undefined;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const g = smallGcd(n, d);
  // `+ 0` turns -0 into 0, as bigints have no negative zero.
  return g > 1 ? { n: n / g + 0, d: d / g } : { n: n + 0, d };
}

/** a + b; undefined when an intermediate leaves the safe integers. */
export function smallAdd(a: SmallRational, b: SmallRational): SmallRational | undefined {
  if (a.d === b.d) {
    const n = a.n + b.n;
    return safe(n) ? { n, d: a.d } : undefined;
  }
  // Each product is checked on its own: two overflowed products can add up to a safe, wrong sum.
  const x = a.n * b.d;
  const y = b.n * a.d;
  return safe(x) && safe(y) ? smallRational(x + y, a.d * b.d) : undefined;
}

/** a / b for b != 0; undefined when an intermediate leaves the safe integers. */
export function smallDiv(a: SmallRational, b: SmallRational): SmallRational | undefined {
  return smallRational(a.n * b.d, a.d * b.n);
}

/** The bigint rational as a SmallRational, when both parts are safe integers. */
export function smallFromRational(r: Rational): SmallRational | undefined {
  const n = Number(r.n);
  const d = Number(r.d);
  // Number() of a bigint beyond 2^53 rounds, so it would no longer be safe: the check is exact.
  return safe(n) && safe(d) ? { n, d } : undefined;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e-(\d+))?$/;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k); // 10^0..10^15, all exact

/**
 * What `toRational` gives for a number or a plain decimal string ('120.5', '-3'), as a
 * SmallRational; undefined when it does not fit (a numerator beyond 2^53, more than 15 decimals,
 * not finite). A number is read as its shortest decimal form, exactly as `toRational` reads it
 * (String(1.5e-7) = '1.5e-7' is 15/10^8).
 */
export function toSmallRational(value: number | string): SmallRational | undefined {
  if (typeof value === 'number') {
    if (safe(value)) return { n: value + 0, d: 1 };
    if (!Number.isFinite(value)) return undefined;
    value = String(value);
  } else if (value.includes('e')) return undefined; // strings: plain decimals only, as the attribute check allows
  const m = DECIMAL.exec(value);
  if (!m) return undefined;
  const [, sign, whole = '', frac = '', exponent = '0'] = m;
  const d = POWERS_OF_TEN[frac.length + Number(exponent)];
  // A digit string beyond 2^53 - 1 converts to a rounded, unsafe number: the check is exact.
  const digits = Number(whole + frac);
  if (d === undefined || !safe(digits)) return undefined;
  return smallRational(sign === '-' ? -digits : digits, d);
}

/**
 * p / d rounded to an integer with `mode`, exactly as `roundRational` rounds; d > 0. Undefined
 * when p is not a safe integer (a product that overflowed), so callers can pass a product as is:
 * a product of safe integers whose exact value exceeds 2^53 - 1 always comes out unsafe.
 */
export function roundSmall(p: number, d: number, mode: RoundingMode): number | undefined {
  if (!safe(p)) return undefined;
  const rem = p % d; // exact; same sign as p
  const q = (p - rem) / d; // an exact multiple of d, so the division is exact
  if (rem === 0) return q + 0;
  const away = p < 0 ? q - 1 : q + 1;
  switch (mode) {
    case 'down':
      return q + 0;
    case 'up':
      return away;
    case 'floor':
      return p < 0 ? q - 1 : q + 0;
    case 'ceiling':
      return p < 0 ? q + 0 : q + 1;
    case 'half-up':
    case 'half-even': {
      // 2|rem| < 2d <= 2^54: exact in a double even when it passes 2^53.
      const twice = 2 * (rem < 0 ? -rem : rem);
      if (twice > d) return away;
      if (twice < d) return q + 0;
      if (mode === 'half-up') return away;
      return q % 2 === 0 ? q + 0 : away;
    }
  }
}
