import type { CompiledMeasure } from '../measures/compile-measure.ts';
import { formatCount } from './format-dollars.ts';

/**
 * How a measure's values read for people: a rate as a percent (the catalog keeps rates as
 * fractions 0..1, "0.85 = 85%"), a rate per 1,000 as such, milestones as a count, any other
 * value as the number it is.
 */
export type MeasureUnit =
  | { kind: 'percent' }
  | { kind: 'per'; per: number }
  | { kind: 'count'; noun: string }
  | { kind: 'number' };

export function measureUnit(measure: CompiledMeasure): MeasureUnit {
  const c = measure.compute;
  switch (c.kind) {
    case 'rate-records':
    case 'rate-counts':
      return c.per === 1 ? { kind: 'percent' } : { kind: 'per', per: c.per };
    case 'reporting':
      return { kind: 'percent' };
    case 'milestone':
      return { kind: 'count', noun: 'milestone' };
    case 'value':
      return { kind: 'number' };
  }
}

/** At most two decimals, trailing zeros dropped: 62.5 -> '62.5', 83.3333 -> '83.33', 80 -> '80'. */
export function shortDecimal(x: number): string {
  const fixed = x.toFixed(2);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A value as the program shows it: '62.5%', '12.3 per 1,000', '2 milestones', '0.95'. */
export function formatValue(unit: MeasureUnit, value: number): string {
  switch (unit.kind) {
    case 'percent':
      return `${shortDecimal(value * 100)}%`;
    case 'per':
      return `${shortDecimal(value)} per ${formatCount(unit.per)}`;
    case 'count':
      return `${formatCount(value)} ${unit.noun}${value === 1 ? '' : 's'}`;
    case 'number':
      return Number.isInteger(value) ? formatCount(value) : shortDecimal(value);
  }
}
