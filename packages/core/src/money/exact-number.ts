import { RulebookError } from '../errors.ts';
import { parseDecimal, toRational } from './decimal.ts';
import { add, compare, div, mul, type Rational, rational, sub } from './rational.ts';
import { roundRational } from './rounding-mode.ts';
import type { SmallRational } from './small-rational.ts';

/**
 * An exact number of the rules engine: a JS number stands for its shortest decimal, the one
 * `String(x)` prints (0.1 is 1/10, not the binary fraction nearest to it), and a `Rational` for
 * any other value (1/3, or a decimal of more digits than a double keeps). Operations return a
 * number whenever the exact result is such a decimal (4.1 - 3.1 gives the number 1, 1 / 4 gives
 * 0.25) and a Rational otherwise (1 / 3), so a Rational is never a value a number could hold.
 *
 * Fast path: numbers whose decimal has at most 15 significant digits are read without `String`
 * (x = m / 10^k, found by scaling), and sums, products and quotients of them are computed on
 * safe integers; anything larger takes the bigint path. The property tests hold the two paths
 * equal to an independent decimal oracle.
 */
export type ExactNumber = number | Rational;

/** 10^0 .. 10^22: every one an exact double. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Decimals of fewer significant digits than this are read and written without `String`. */
const DIGITS_LIMIT = 1e15;
const safe = Number.isSafeInteger;

// The parts found by readDecimal (one call at a time: the engine is single-threaded).
let partM = 0;
let partK = 0;

/**
 * Whether x's shortest decimal is m / 10^k with |m| < 10^15 (fewer than 16 significant digits),
 * found without String(): then partM = m and partK = k (k as small as it can be).
 *
 * Why it is exact: m / 10^k rounds to x (the division of two exact doubles is correctly rounded),
 * and two decimals of at most 15 significant digits never round to one double (a double keeps
 * 15.95 digits), so the shortest decimal of x, which has at most as many digits, is m / 10^k.
 * Math.round finds m because x * 10^k is within 0.25 of it when m has at most 15 digits.
 */
function readDecimal(x: number): boolean {
  if (Number.isInteger(x)) {
    if (x > -DIGITS_LIMIT && x < DIGITS_LIMIT) {
      partM = x + 0;
      partK = 0;
      return true;
    }
    return false;
  }
  if (!Number.isFinite(x)) return false;
  for (let k = 1; k <= 15; k++) {
    const p = POW10[k] as number;
    const m = Math.round(x * p);
    if (m >= DIGITS_LIMIT || m <= -DIGITS_LIMIT) return false;
    if (m / p === x) {
      partM = m;
      partK = k;
      return true;
    }
  }
  return false;
}

/** The number m / 10^k (|m| < 10^15), which is plain: its shortest decimal is m / 10^k. */
const scaled = (m: number, k: number): number => (k === 0 ? m : m / (POW10[k] as number)) + 0;

const TWO_53 = 2n ** 53n;

/**
 * The double nearest to q (ties to even), rounded once: the quotient is taken to 65 bits with a
 * sticky bit for the rest, which Number() then rounds to 53 bits. (Below 2^-1022, where doubles
 * lose bits, the result may be one unit off.) Beyond the largest double: an infinity.
 */
function nearestDouble(q: Rational): number {
  const negative = q.n < 0n;
  const a = negative ? -q.n : q.n;
  const d = q.d;
  if (a <= TWO_53 && d <= TWO_53) return (negative ? -Number(a) : Number(a)) / Number(d);
  // a / d = Q / 2^s with Q of 65 or 66 bits.
  const s = 65 - (a.toString(2).length - d.toString(2).length);
  const scaledA = s >= 0 ? a << BigInt(s) : a;
  const scaledD = s >= 0 ? d : d << BigInt(-s);
  let quotient = scaledA / scaledD;
  if (quotient * scaledD !== scaledA) quotient |= 1n; // sticky: something below the last bit
  // 2^-s in two steps so that only the last one can round (into the subnormals) or overflow.
  const e = -s;
  const first = Math.max(-1000, Math.min(1000, e));
  const v = Number(quotient) * 2 ** first * 2 ** (e - first);
  return negative ? -v : v;
}

/** A number as an exact Rational (its shortest decimal). Throws for NaN and infinities. */
export function rationalOf(x: ExactNumber): Rational {
  if (typeof x !== 'number') return x;
  if (safe(x)) return { n: BigInt(x), d: 1n };
  if (readDecimal(x)) return rational(BigInt(partM), BigInt(POW10[partK] as number));
  return toRational(x);
}

/**
 * A Rational as an ExactNumber: the number whose shortest decimal it is, when there is one;
 * otherwise the Rational (in lowest terms, as `rational` keeps it).
 */
export function exactOf(q: Rational): ExactNumber {
  if (q.d === 1n) {
    if (q.n >= -9007199254740991n && q.n <= 9007199254740991n) return Number(q.n) + 0;
  }
  // Terminating decimals only: d = 2^a 5^b. Others (1/3) have no decimal at all.
  let d = q.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return q;
  const v = nearestDouble(q);
  if (!Number.isFinite(v)) return q;
  const back = rationalOf(v);
  return back.n === q.n && back.d === q.d ? v : q;
}

/**
 * n / d for safe integers (d != 0) without bigints: the number that holds it exactly when there is
 * one, or the fraction in lowest terms (d > 0) when it has no decimal (d has a prime factor other
 * than 2 and 5); undefined for a terminating decimal of more digits than a number keeps.
 */
export function smallRatio(n: number, d: number): number | SmallRational | undefined {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  let x = n < 0 ? -n : n;
  let y = d;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  if (x > 1) {
    n /= x;
    d /= x;
  }
  if (d === 1) return n + 0;
  // d = 2^a 5^b: n / d = n * (10^k / d) / 10^k with k = max(a, b).
  let rest = d;
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  if (rest !== 1) return { n: n + 0, d };
  const k = Math.max(twos, fives);
  if (k <= 15) {
    const m = n * ((POW10[k] as number) / d);
    if (m > -DIGITS_LIMIT && m < DIGITS_LIMIT) return scaled(m, k);
  }
  return undefined;
}

/** From two safe integers (d != 0). */
function ratioOfSafe(n: number, d: number): ExactNumber {
  const x = smallRatio(n, d);
  if (typeof x === 'number') return x;
  if (x !== undefined) return { n: BigInt(x.n), d: BigInt(x.d) };
  return exactOf(rational(BigInt(n), BigInt(d)));
}

/** n / d for safe integers n and d != 0 (a rate: numerator / denominator), exactly. */
export function exactRatio(n: number, d: number): ExactNumber {
  if (!safe(n) || !safe(d)) return exactDiv(n, d);
  if (d === 0) throw new RulebookError('division-by-zero', 'division by zero');
  return ratioOfSafe(n, d);
}

export function exactAdd(a: ExactNumber, b: ExactNumber): ExactNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    if (safe(a) && safe(b)) {
      const s = a + b;
      if (safe(s)) return s + 0;
    } else if (readDecimal(a)) {
      const ma = partM;
      const ka = partK;
      if (readDecimal(b)) {
        const k = Math.max(ka, partK);
        const x = ma * (POW10[k - ka] as number);
        const y = partM * (POW10[k - partK] as number);
        const m = x + y;
        if (safe(x) && safe(y) && m > -DIGITS_LIMIT && m < DIGITS_LIMIT) return scaled(m, k);
      }
    }
  }
  return exactOf(add(rationalOf(a), rationalOf(b)));
}

export function exactNeg(a: ExactNumber): ExactNumber {
  return typeof a === 'number' ? 0 - a : { n: -a.n, d: a.d };
}

export function exactSub(a: ExactNumber, b: ExactNumber): ExactNumber {
  return exactAdd(a, exactNeg(b));
}

export function exactMul(a: ExactNumber, b: ExactNumber): ExactNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    if (safe(a) && safe(b)) {
      const p = a * b;
      if (safe(p)) return p + 0;
    } else if (readDecimal(a)) {
      const ma = partM;
      const ka = partK;
      if (readDecimal(b)) {
        const m = ma * partM;
        const k = ka + partK;
        if (k <= 22 && m > -DIGITS_LIMIT && m < DIGITS_LIMIT) return scaled(m, k);
      }
    }
  }
  return exactOf(mul(rationalOf(a), rationalOf(b)));
}

/** a / b; b must not be zero (the expression code tests it first). */
export function exactDiv(a: ExactNumber, b: ExactNumber): ExactNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    if (safe(a) && safe(b) && b !== 0) return ratioOfSafe(a, b);
    if (readDecimal(a)) {
      const ma = partM;
      const ka = partK;
      if (readDecimal(b) && partM !== 0) {
        // (ma / 10^ka) / (mb / 10^kb) = (ma * 10^kb) / (mb * 10^ka)
        const n = ma * (POW10[partK] as number);
        const d = partM * (POW10[ka] as number);
        if (safe(n) && safe(d)) return ratioOfSafe(n, d);
      }
    }
  }
  const q = rationalOf(b);
  if (q.n === 0n) throw new RulebookError('division-by-zero', 'division by zero');
  return exactOf(div(rationalOf(a), q));
}

/** a - b * trunc(a / b), the sign of a (JavaScript's %); b must not be zero. */
export function exactRem(a: ExactNumber, b: ExactNumber): ExactNumber {
  if (typeof a === 'number' && typeof b === 'number' && safe(a) && safe(b) && b !== 0) return (a % b) + 0;
  const x = rationalOf(a);
  const y = rationalOf(b);
  if (y.n === 0n) throw new RulebookError('division-by-zero', 'division by zero');
  const q = div(x, y);
  return exactOf(sub(x, mul(y, { n: q.n / q.d, d: 1n })));
}

/** -1, 0 or 1 as a <, =, > b. */
export function exactCompare(a: ExactNumber, b: ExactNumber): -1 | 0 | 1 {
  // Two numbers compare as doubles: the shortest decimal of a double grows with the double.
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compare(rationalOf(a), rationalOf(b));
}

export function exactEquals(a: ExactNumber, b: ExactNumber): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return exactCompare(a, b) === 0;
}

/**
 * The sign of x / y - z without dividing, for safe integers x, y (y != 0) and a short decimal z
 * (the rate test `numerator / denominator >= 0.75`); other values go through exactDiv.
 */
export function exactCompareQuotient(x: ExactNumber, y: ExactNumber, z: ExactNumber): -1 | 0 | 1 {
  if (typeof x === 'number' && typeof y === 'number' && typeof z === 'number' && safe(x) && safe(y)) {
    if (readDecimal(z)) {
      // x / y vs m / 10^k  <=>  x * 10^k vs m * y (times the sign of y)
      const l = x * (POW10[partK] as number);
      const r = partM * y;
      if (safe(l) && safe(r)) {
        const c = l < r ? -1 : l > r ? 1 : 0;
        return (y < 0 ? 0 - c : c) as -1 | 0 | 1;
      }
    }
  }
  return exactCompare(exactDiv(x, y), z);
}

/**
 * z's decimal as m / p (p = 10^k), when it has at most 15 significant digits: for code that
 * compares many quotients with one literal (exactCompareQuotientScaled).
 */
export function decimalScale(z: number): { m: number; p: number } | undefined {
  return readDecimal(z) ? { m: partM, p: POW10[partK] as number } : undefined;
}

/** exactCompareQuotient(x, y, z) with z = m / p already read (decimalScale). */
export function exactCompareQuotientScaled(
  x: ExactNumber,
  y: ExactNumber,
  m: number,
  p: number,
  z: number,
): -1 | 0 | 1 {
  if (typeof x === 'number' && typeof y === 'number' && safe(x) && safe(y)) {
    const l = x * p;
    const r = m * y;
    if (safe(l) && safe(r)) {
      const c = l < r ? -1 : l > r ? 1 : 0;
      return (y < 0 ? 0 - c : c) as -1 | 0 | 1;
    }
  }
  return exactCompareQuotient(x, y, z);
}

/** The nearest double (for display and JSON). */
export function exactToNumber(x: ExactNumber): number {
  return typeof x === 'number' ? x : nearestDouble(x);
}

export function exactAbs(x: ExactNumber): ExactNumber {
  if (typeof x === 'number') return Math.abs(x);
  return x.n < 0n ? { n: -x.n, d: x.d } : x;
}

/** x rounded to an integer with `mode` (see RoundingMode), exactly. */
function roundWhole(x: ExactNumber, mode: 'floor' | 'ceiling' | 'down'): ExactNumber {
  if (typeof x === 'number' && safe(Math.floor(x))) {
    // Exact for a number: no integer lies between a double and its shortest decimal.
    return (mode === 'floor' ? Math.floor(x) : mode === 'ceiling' ? Math.ceil(x) : Math.trunc(x)) + 0;
  }
  return exactOf({ n: roundRational(rationalOf(x), mode), d: 1n });
}

export const exactFloor = (x: ExactNumber): ExactNumber => roundWhole(x, 'floor');
export const exactCeil = (x: ExactNumber): ExactNumber => roundWhole(x, 'ceiling');
/** Cut toward zero. */
export const exactTrunc = (x: ExactNumber): ExactNumber => roundWhole(x, 'down');

/** x rounded half away from zero at `digits` decimals (0..22), exactly. */
export function exactRoundHalfUp(x: ExactNumber, digits: number): ExactNumber {
  if (typeof x === 'number' && readDecimal(x)) {
    if (partK <= digits) return x + 0;
    const p = POW10[partK - digits] as number;
    const rem = partM % p; // exact, the sign of partM
    const q = (partM - rem) / p;
    const twice = 2 * (rem < 0 ? -rem : rem);
    return scaled(twice >= p ? (partM < 0 ? q - 1 : q + 1) : q, digits);
  }
  const scale = { n: 10n ** BigInt(digits), d: 1n };
  const whole = roundRational(mul(rationalOf(x), scale), 'half-up');
  return exactOf(rational(whole, scale.n));
}

const FRACTION = /^(-?\d+)\/(\d+)$/;
const MAX_SAFE = 9007199254740991n;

/**
 * The text form of an exact value, for JSON: the decimal when it terminates ('0.25',
 * '0.30000000000000000001'), otherwise 'n/d' in lowest terms ('1/3', '-2/7').
 */
export function formatExact(x: ExactNumber): string {
  if (typeof x === 'number') return String(x);
  if (x.d <= MAX_SAFE && x.n <= MAX_SAFE && x.n >= -MAX_SAFE) {
    // Small parts: the same text without bigint arithmetic.
    let rest = Number(x.d);
    while (rest % 2 === 0) rest /= 2;
    while (rest % 5 === 0) rest /= 5;
    if (rest !== 1) return `${x.n}/${x.d}`;
  }
  let d = x.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return `${x.n}/${x.d}`;
  const k = Math.max(twos, fives);
  const m = x.n * (10n ** BigInt(k) / x.d);
  const negative = m < 0n;
  const digits = (negative ? -m : m).toString().padStart(k + 1, '0');
  const whole = digits.slice(0, digits.length - k);
  const frac = digits.slice(digits.length - k);
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Reads formatExact's text ('1/3', '0.25', '-2'); throws RulebookError 'decimal-invalid' otherwise. */
export function parseExact(text: string): ExactNumber {
  const m = FRACTION.exec(text);
  if (m) {
    const d = BigInt(m[2] as string);
    if (d === 0n) throw new RulebookError('decimal-invalid', `not an exact number: '${text}'`);
    return exactOf(rational(BigInt(m[1] as string), d));
  }
  return exactOf(parseDecimal(text));
}
