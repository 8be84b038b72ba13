import { z } from 'zod';
import { RulebookError } from '../errors.ts';
import { type Rational, rational } from './rational.ts';

/** Anything that denotes an exact decimal: a decimal string, a JS number (taken as written), a bigint or a rational. */
export type DecimalLike = string | number | bigint | Rational;

/** A decimal written in a rulebook: '0.005', '305.00', '-12', '1'. No exponent, no thousands separators. */
export const DecimalStringSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "expected a decimal string such as '0.005' or '305.00'");

/** A non-negative decimal string. */
export const NonNegativeDecimalSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "expected a non-negative decimal string such as '0.005' or '305.00'");

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a decimal string exactly: '0.005' -> 1/200, '305.00' -> 305. Also accepts an exponent
 * ('1e-7') because that is how JavaScript prints small numbers. Throws RulebookError
 * 'decimal-invalid' for anything else (a rulebook that passed its schema never gets here).
 */
export function parseDecimal(source: string): Rational {
  const m = DECIMAL.exec(source.trim());
  if (!m) throw new RulebookError('decimal-invalid', `not a decimal number: '${source}'`);
  const [, sign, whole = '0', frac = '', exp = '0'] = m;
  let n = BigInt(whole + frac);
  if (sign === '-') n = -n;
  const e = Number(exp) - frac.length;
  return e >= 0 ? rational(n * 10n ** BigInt(e), 1n) : rational(n, 10n ** BigInt(-e));
}

/**
 * Any DecimalLike as an exact rational. A JS number is read as its shortest decimal form
 * (String(0.1) = '0.1' -> 1/10), which is what the person who wrote it meant, not the nearest
 * binary fraction. Non-finite numbers throw RulebookError 'decimal-invalid'.
 */
export function toRational(value: DecimalLike): Rational {
  if (typeof value === 'string') return parseDecimal(value);
  if (typeof value === 'bigint') return { n: value, d: 1n };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n };
    if (!Number.isFinite(value)) throw new RulebookError('decimal-invalid', `not a finite number: ${value}`);
    return parseDecimal(String(value));
  }
  return value;
}

/** Exact product of two decimals (no rounding; round the final amount with roundRational). */
export function multiplyDecimal(a: DecimalLike, b: DecimalLike): Rational {
  const x = toRational(a);
  const y = toRational(b);
  return rational(x.n * y.n, x.d * y.d);
}
