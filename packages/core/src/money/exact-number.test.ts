import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalScale,
  type ExactNumber,
  exactAdd,
  exactCeil,
  exactCompare,
  exactCompareQuotient,
  exactCompareQuotientScaled,
  exactDiv,
  exactFloor,
  exactMul,
  exactRatio,
  exactRem,
  exactRoundHalfUp,
  exactSub,
  exactToNumber,
  formatExact,
  parseExact,
} from './exact-number.ts';

/**
 * The oracle: fractions of bigints written here, independent of rational.ts and exact-number.ts.
 * A JS number is read from its decimal text, String(x), digit by digit.
 */
type Frac = readonly [bigint, bigint]; // [numerator, denominator > 0], lowest terms

function gcdOf(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b > 0n) [a, b] = [b, a % b];
  return a;
}
function frac(n: bigint, d: bigint): Frac {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcdOf(n, d) || 1n;
  return [n / g, d / g];
}
/** String(x) ('1.5e-7', '-12.25', '1e+21') as a fraction, by hand. */
function fromText(text: string): Frac {
  const [mantissa = '', exponent = '0'] = text.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  let n = BigInt(whole + fraction);
  if (negative) n = -n;
  const e = Number(exponent) - fraction.length;
  return e >= 0 ? frac(n * 10n ** BigInt(e), 1n) : frac(n, 10n ** BigInt(-e));
}
const oracleOf = (x: ExactNumber): Frac => (typeof x === 'number' ? fromText(String(x)) : frac(x.n, x.d));
const plus = ([a, b]: Frac, [c, d]: Frac) => frac(a * d + c * b, b * d);
const times = ([a, b]: Frac, [c, d]: Frac) => frac(a * c, b * d);
const over = ([a, b]: Frac, [c, d]: Frac) => frac(a * d, b * c);
const cmp = ([a, b]: Frac, [c, d]: Frac) => Math.sign(Number(a * d - c * b));

/** The result is the oracle's value, and is a number exactly when a number's decimal holds it. */
function expectExact(result: ExactNumber, expected: Frac): void {
  expect(oracleOf(result)).toEqual(expected);
  const nearest = exactToNumber(result);
  if (typeof result !== 'number' && Number.isFinite(nearest)) {
    // A Rational only when no double prints as this value.
    expect(oracleOf(nearest)).not.toEqual(expected);
  }
}

/** Short decimals (the fast path), longer ones, any double, integers large and small, and rationals. */
const numberArb = fc.oneof(
  fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }))
    .map(([m, k]) => Number(`${m}e-${k}`)),
  fc.constantFrom(0.1, 0.2, 0.3, 4.1, 3.1, 1.005, 0.3333, 1e-7, 2 ** 53 - 1, 2 ** 53, 1e21, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }),
  fc.integer(),
  fc.maxSafeInteger(),
);
const rationalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
  .map(([n, d]) => parseExact(`${n}/${d}`));
const exactArb = fc.oneof({ weight: 3, arbitrary: numberArb }, { weight: 1, arbitrary: rationalArb });

describe('exact numbers: hand-worked', () => {
  it('adds decimals as written: 0.1 + 0.2 = 0.3, 4.1 - 3.1 = 1', () => {
    // In binary 0.1 + 0.2 = 0.30000000000000004 and 4.1 - 3.1 = 0.9999999999999996.
    expect(exactAdd(0.1, 0.2)).toBe(0.3);
    expect(exactSub(4.1, 3.1)).toBe(1);
    expect(exactMul(1.1, 1.1)).toBe(1.21); // binary: 1.2100000000000002
    expect(exactDiv(0.3, 0.1)).toBe(3); // binary: 2.9999999999999996
  });

  it('keeps what no decimal holds as a fraction', () => {
    expect(exactDiv(1, 3)).toEqual({ n: 1n, d: 3n });
    expect(exactRatio(2, 6)).toEqual({ n: 1n, d: 3n });
    expect(exactRatio(3, 8)).toBe(0.375);
    // 1/3 > 0.3333 (1/3 - 3333/10000 = 1/30000), and 1/3 vs its own double 0.3333333333333333 differs too.
    expect(exactCompare(exactDiv(1, 3), 0.3333)).toBe(1);
    expect(exactCompare(exactDiv(1, 3), 1 / 3)).toBe(1);
    expect(exactCompare(exactMul(exactDiv(1, 3), 3), 1)).toBe(0);
  });

  it('rounds, floors and prints exactly', () => {
    expect(exactRoundHalfUp(1.005, 2)).toBe(1.01); // 1.005 * 100 = 100.49999999999999 in binary
    expect(exactRoundHalfUp(-2.5, 0)).toBe(-3);
    expect(exactRoundHalfUp(exactDiv(2, 3), 3)).toBe(0.667);
    expect(exactFloor(exactDiv(-7, 2))).toBe(-4);
    expect(exactCeil(exactDiv(7, 3))).toBe(3);
    expect(exactRem(5.5, 2)).toBe(1.5);
    expect(formatExact(exactDiv(1, 3))).toBe('1/3');
    expect(formatExact(exactAdd(0.1, parseExact('1/100000000000000000000')))).toBe('0.10000000000000000001');
    expect(parseExact('-2/6')).toEqual({ n: -1n, d: 3n });
    expect(parseExact('0.25')).toBe(0.25);
  });

  it('compares a quotient without dividing: 3/4 >= 0.75, 2/3 < 0.6667, 5/-2 < -2.4', () => {
    expect(exactCompareQuotient(3, 4, 0.75)).toBe(0);
    expect(exactCompareQuotient(2, 3, 0.6667)).toBe(-1); // 20000 < 20001
    expect(exactCompareQuotient(5, -2, -2.4)).toBe(-1); // -2.5 < -2.4
  });
});

describe('exact numbers equal an independent decimal oracle (fast path and bigint path alike)', () => {
  const runs = { numRuns: 3000 };
  it('+ - * /', () => {
    fc.assert(
      fc.property(exactArb, exactArb, (a, b) => {
        const x = oracleOf(a);
        const y = oracleOf(b);
        expectExact(exactAdd(a, b), plus(x, y));
        expectExact(exactSub(a, b), plus(x, [-y[0], y[1]]));
        expectExact(exactMul(a, b), times(x, y));
        if (y[0] !== 0n) expectExact(exactDiv(a, b), over(x, y));
      }),
      runs,
    );
  });

  it('comparisons, and quotients compared with a third value', () => {
    fc.assert(
      fc.property(exactArb, exactArb, exactArb, (a, b, c) => {
        expect(exactCompare(a, b)).toBe(cmp(oracleOf(a), oracleOf(b)));
        if (oracleOf(b)[0] !== 0n) {
          const expected = cmp(over(oracleOf(a), oracleOf(b)), oracleOf(c));
          expect(exactCompareQuotient(a, b, c)).toBe(expected);
          const scale = typeof c === 'number' ? decimalScale(c) : undefined;
          if (scale) expect(exactCompareQuotientScaled(a, b, scale.m, scale.p, c as number)).toBe(expected);
        }
      }),
      runs,
    );
  });

  it('rates of counts', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        expectExact(exactRatio(n, d), frac(BigInt(n), BigInt(d)));
      }),
      runs,
    );
  });

  it('round half away from zero, floor, ceil', () => {
    fc.assert(
      fc.property(exactArb, fc.integer({ min: 0, max: 12 }), (a, digits) => {
        const [n, d] = oracleOf(a);
        const scale = 10n ** BigInt(digits);
        // round(|n| * scale / d) half up, sign back on
        const abs = n < 0n ? -n : n;
        const twice = (2n * abs * scale) / d;
        const whole = (twice + 1n) / 2n;
        expectExact(exactRoundHalfUp(a, digits), frac(n < 0n ? -whole : whole, scale));
        const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
        expectExact(exactFloor(a), [floor, 1n]);
        expectExact(exactCeil(a), [n >= 0n ? (n + d - 1n) / d : -(-n / d), 1n]);
      }),
      runs,
    );
  });

  it('the nearest double of a long decimal is what JavaScript reads from its text (one rounding)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.integer({ min: 0, max: 300 }), // 10^-300 and above: normal doubles (subnormals may be one unit off)
        (n, k) => {
          const x = parseExact(`${n}/${10n ** BigInt(k)}`);
          expect(exactToNumber(x)).toBe(Number(`${n}e-${k}`));
        },
      ),
      runs,
    );
  });

  it('text round trip', () => {
    fc.assert(
      fc.property(exactArb, (a) => {
        expect(oracleOf(parseExact(formatExact(a)))).toEqual(oracleOf(a));
      }),
      runs,
    );
  });
});
