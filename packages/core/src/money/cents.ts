import { RulebookError } from '../errors.ts';
import { type DecimalLike, multiplyDecimal } from './decimal.ts';
import type { Rational } from './rational.ts';
import { type RoundingMode, roundRational } from './rounding-mode.ts';

/** An amount of money in integer cents (a safe integer). */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A bigint amount of cents as a Cents number; beyond 2^53 cents (~90 trillion dollars) is a broken rulebook. */
export function centsFromBigint(value: bigint): Cents {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new RulebookError('amount-overflow', `amount out of range: ${value} cents`);
  return n;
}

/** An exact amount of cents rounded to whole cents. */
export function roundToCents(amount: Rational, rounding: RoundingMode): Cents {
  return centsFromBigint(roundRational(amount, rounding));
}

/** A dollar amount written as a decimal ('305.00', '0.125') in cents, rounded with `rounding` past the cent. */
export function dollarsToCents(dollars: DecimalLike, rounding: RoundingMode = 'half-up'): Cents {
  return roundToCents(multiplyDecimal(dollars, 100n), rounding);
}

/** cents x rate ('0.005' = 0.5%), rounded once with `rounding`: applyRate(100_000_000, '0.005', 'half-up') = 500_000. */
export function applyRate(cents: Cents, rate: DecimalLike, rounding: RoundingMode): Cents {
  return roundToCents(multiplyDecimal(cents, rate), rounding);
}

/** cents as a dollar string with two decimals: 28060000 -> '280600.00', -5 -> '-0.05'. */
export function formatCents(cents: Cents): string {
  const neg = cents < 0;
  const abs = BigInt(Math.abs(cents));
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}
