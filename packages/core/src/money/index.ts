export * from './allocate-largest-remainder.ts';
export * from './cents.ts';
export * from './decimal.ts';
export * from './exact-number.ts';
// Exact arithmetic on rationals (add, sub, mul, div, compare, min, max, toNumber, ZERO, ONE), namespaced
// so short names like `min` do not leak into the package's top level.
export * as rationalMath from './rational.ts';
export { type Rational, rational } from './rational.ts';
export * from './rounding-mode.ts';
export type { SmallRational } from './small-rational.ts';
export * from './split-evenly.ts';
