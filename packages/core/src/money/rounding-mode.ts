import { z } from 'zod';
import type { Rational } from './rational.ts';

/**
 * How an exact amount becomes whole cents.
 * - half-up: nearest, ties away from zero (2.5 -> 3, -2.5 -> -3); the usual commercial rounding
 * - half-even: nearest, ties to the even neighbour (2.5 -> 2, 3.5 -> 4); banker's rounding
 * - down: toward zero (2.9 -> 2, -2.9 -> -2)
 * - up: away from zero (2.1 -> 3, -2.1 -> -3)
 * - floor: toward minus infinity (-2.1 -> -3)
 * - ceiling: toward plus infinity (-2.9 -> -2)
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceiling';

export const RoundingModeSchema = z.enum(['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling']);

/** r rounded to an integer with the given mode. */
export function roundRational(r: Rational, mode: RoundingMode): bigint {
  const { n, d } = r;
  const q = n / d; // truncates toward zero
  const rem = n % d; // same sign as n
  if (rem === 0n) return q;
  const away = n < 0n ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'floor':
      return n < 0n ? q - 1n : q;
    case 'ceiling':
      return n < 0n ? q : q + 1n;
    case 'half-up':
    case 'half-even': {
      const twice = 2n * (rem < 0n ? -rem : rem);
      if (twice > d) return away;
      if (twice < d) return q;
      if (mode === 'half-up') return away;
      return q % 2n === 0n ? q : away;
    }
  }
}
