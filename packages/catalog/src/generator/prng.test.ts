import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';

function draws(prng: Prng, n: number, draw: (p: Prng) => number): number[] {
  return Array.from({ length: n }, () => draw(prng));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('Prng', () => {
  it('gives the same numbers for the same seed and label, other numbers otherwise', () => {
    const a = draws(new Prng(42, 'x'), 5, (p) => p.uint32());
    expect(draws(new Prng(42, 'x'), 5, (p) => p.uint32())).toEqual(a);
    expect(draws(new Prng(43, 'x'), 5, (p) => p.uint32())).not.toEqual(a);
    expect(draws(new Prng(42, 'y'), 5, (p) => p.uint32())).not.toEqual(a);
    // stream() joins its labels with '/': the same stream as the label 'dds-qip/7'.
    expect(draws(Prng.stream(42, 'dds-qip', 7), 5, (p) => p.uint32())).toEqual(
      draws(new Prng(42, 'dds-qip/7'), 5, (p) => p.uint32()),
    );
  });

  it('keeps int() within both ends and reaches both', () => {
    const xs = draws(new Prng(1), 2000, (p) => p.int(3, 6));
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(6);
    expect(xs.every(Number.isInteger)).toBe(true);
  });

  it('draws distributions with their textbook means', () => {
    const prng = new Prng(7);
    // Beta(2, 6): mean 2 / (2 + 6) = 0.25.
    expect(mean(draws(prng, 20_000, (p) => p.beta(2, 6)))).toBeCloseTo(0.25, 2);
    // Binomial(20, 0.3): mean 20 x 0.3 = 6; Binomial(1000, 0.3) (normal approximation): 300.
    expect(mean(draws(prng, 20_000, (p) => p.binomial(20, 0.3)))).toBeCloseTo(6, 1);
    expect(mean(draws(prng, 20_000, (p) => p.binomial(1000, 0.3)))).toBeCloseTo(300, 0);
    // Poisson(4): mean 4; Poisson(100) (normal approximation): 100.
    expect(mean(draws(prng, 20_000, (p) => p.poisson(4)))).toBeCloseTo(4, 1);
    expect(mean(draws(prng, 20_000, (p) => p.poisson(100)))).toBeCloseTo(100, 0);
    // Normal(10, 2): mean 10.
    expect(mean(draws(prng, 20_000, (p) => p.normal(10, 2)))).toBeCloseTo(10, 1);
  });

  it('samples distinct items and picks by weight', () => {
    const prng = new Prng(3);
    const sample = prng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    // Weights 0 and 1: the first item is never picked.
    expect(draws(prng, 100, (p) => p.weighted([0, 1], [0, 1])).every((x) => x === 1)).toBe(true);
    // Binomial never leaves 0..n.
    expect(draws(prng, 1000, (p) => p.binomial(60, 0.999)).every((k) => k >= 0 && k <= 60)).toBe(true);
  });
});
