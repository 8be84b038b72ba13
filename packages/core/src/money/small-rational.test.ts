import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRational } from './decimal.ts';
import { add, div, type Rational, rational } from './rational.ts';
import { type RoundingMode, roundRational } from './rounding-mode.ts';
import {
  roundSmall,
  type SmallRational,
  smallAdd,
  smallDiv,
  smallFromRational,
  smallRational,
  toSmallRational,
} from './small-rational.ts';

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 - 1 = 9,007,199,254,740,991
const MODES: RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'];
const mode = fc.constantFrom(...MODES);
/** Safe integers, weighted toward the edges: small, near 2^53 and near 2^26 (whose squares border 2^53). */
const safeInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: MAX - 1000, max: MAX }),
  fc.integer({ min: -MAX, max: -MAX + 1000 }),
  fc.integer({ min: 2 ** 26 - 100, max: 2 ** 27 + 100 }),
  fc.maxSafeInteger(),
  fc.maxSafeInteger().map((x) => -x),
);
const positive = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: MAX }));
const same = (small: SmallRational | undefined, exact: Rational) => {
  // Equal values: n_s / d_s = n / d, by cross-multiplying in bigints.
  expect(small).toBeDefined();
  expect(BigInt(small?.n ?? 0) * exact.d).toBe(exact.n * BigInt(small?.d ?? 0));
};

describe('roundSmall', () => {
  it('rounds the hand-worked half cases as roundRational does', () => {
    // 5/2 = 2.5: half-up 3, half-even 2, down 2, up 3, floor 2, ceiling 3
    expect(MODES.map((m) => roundSmall(5, 2, m))).toEqual([3, 2, 2, 3, 2, 3]);
    // -7/2 = -3.5: half-up -4, half-even -4, down -3, up -4, floor -4, ceiling -3
    expect(MODES.map((m) => roundSmall(-7, 2, m))).toEqual([-4, -4, -3, -4, -4, -3]);
    // (2^53 - 1) / 2 = 4,503,599,627,370,495.5: half-even goes to the even neighbour ...496
    expect(roundSmall(MAX, 2, 'half-even')).toBe(4_503_599_627_370_496);
    // 2^53 is not a safe integer: refused, never rounded from an inexact product
    expect(roundSmall(2 ** 53, 3, 'down')).toBeUndefined();
    // no negative zero: -1/3 rounds down to 0, not -0
    expect(Object.is(roundSmall(-1, 3, 'down'), 0)).toBe(true);
  });

  it('equals roundRational for every safe numerator and denominator', () => {
    fc.assert(
      fc.property(safeInt, positive, mode, (p, d, m) => {
        expect(roundSmall(p, d, m)).toBe(Number(roundRational({ n: BigInt(p), d: BigInt(d) }, m)));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals roundRational on exact halves, including next to 2^53', () => {
    const half = fc
      .tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: -(2 ** 12), max: 2 ** 12 }))
      .map(([h, q]) => ({ p: (2 * q + 1) * h, d: 2 * h })) // (q + 1/2), with d = 2h
      .filter(({ p }) => Number.isSafeInteger(p));
    fc.assert(
      fc.property(half, mode, ({ p, d }, m) => {
        expect(roundSmall(p, d, m)).toBe(Number(roundRational({ n: BigInt(p), d: BigInt(d) }, m)));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses exactly the products of safe integers that leave the safe integers', () => {
    fc.assert(
      fc.property(safeInt, safeInt, (a, b) => {
        const exact = BigInt(a) * BigInt(b);
        const fits = exact <= BigInt(MAX) && exact >= -BigInt(MAX);
        expect(roundSmall(a * b, 1, 'down') !== undefined).toBe(fits);
        if (fits) expect(roundSmall(a * b, 1, 'down')).toBe(Number(exact));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('toSmallRational', () => {
  it('reads numbers and decimal strings as written', () => {
    // 120.5 = 241/2; '0.005' = 1/200; 0.1 as written is 1/10
    expect(toSmallRational(120.5)).toEqual({ n: 241, d: 2 });
    expect(toSmallRational('0.005')).toEqual({ n: 1, d: 200 });
    expect(toSmallRational(0.1)).toEqual({ n: 1, d: 10 });
    // String(1.5e-7) = '1.5e-7' = 15 / 10^8
    expect(toSmallRational(1.5e-7)).toEqual({ n: 3, d: 20_000_000 });
    // 16 decimals need 10^16 > 2^53; 2^53 itself is not safe; 1e-16 needs 10^16 too
    expect(toSmallRational('0.1234567890123456')).toBeUndefined();
    expect(toSmallRational(2 ** 53)).toBeUndefined();
    expect(toSmallRational(1e-16)).toBeUndefined();
  });

  it('gives the value toRational gives, or undefined, for any double', () => {
    const double = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).chain((n) => fc.nat(12).map((k) => n / 10 ** k)),
      fc.maxSafeInteger(),
    );
    fc.assert(
      fc.property(double, (x) => {
        const small = toSmallRational(x);
        if (small !== undefined) same(small, toRational(x));
      }),
      { numRuns: 5000 },
    );
    // It must not give up on the usual values: integers and up to 8 decimals below a billion.
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.nat(8), (n, k) => {
        expect(toSmallRational(n / 10 ** k)).toBeDefined();
      }),
    );
  });

  it('gives the value toRational gives for decimal strings of any length', () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,18}$/),
        fc.option(fc.stringMatching(/^\d{1,17}$/), { nil: undefined }),
      )
      .map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f === undefined ? '' : `.${f}`}`);
    fc.assert(
      fc.property(decimal, (s) => {
        const small = toSmallRational(s);
        const exact = toRational(s);
        if (small !== undefined) same(small, exact);
        // It gives up only when the digits or the power of ten do not fit in a safe integer.
        const [whole = '', frac = ''] = s.replace('-', '').split('.');
        const fits = frac.length <= 15 && BigInt(whole + frac) <= BigInt(MAX);
        expect(small !== undefined).toBe(fits);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('smallAdd, smallDiv', () => {
  it('equal add and div, or give up when the parts leave the safe integers', () => {
    const r = fc.tuple(safeInt, positive).map(([n, d]) => ({ n, d }));
    fc.assert(
      fc.property(r, r, (a, b) => {
        const A = rational(BigInt(a.n), BigInt(a.d));
        const B = rational(BigInt(b.n), BigInt(b.d));
        const sum = smallAdd(a, b);
        if (sum !== undefined) same(sum, add(A, B));
        if (b.n !== 0) {
          const q = smallDiv(a, b);
          if (q !== undefined) same(q, div(A, B));
        }
      }),
      { numRuns: 3000 },
    );
    // 1/3 + 1/6 = 3/6 = 1/2 (reduced); 3/4 / 3/8 = 2
    expect(smallAdd({ n: 1, d: 3 }, { n: 1, d: 6 })).toEqual({ n: 1, d: 2 });
    expect(smallDiv({ n: 3, d: 4 }, { n: 3, d: 8 })).toEqual({ n: 2, d: 1 });
    expect(smallRational(2 ** 53, 1)).toBeUndefined();
  });

  it('smallFromRational keeps safe parts and refuses the rest', () => {
    expect(smallFromRational({ n: 1n, d: 200n })).toEqual({ n: 1, d: 200 });
    expect(smallFromRational({ n: 2n ** 53n, d: 1n })).toBeUndefined();
  });
});
