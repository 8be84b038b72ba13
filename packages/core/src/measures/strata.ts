import { exactCompare } from '../money/exact-number.ts';
import type { Rational } from '../money/rational.ts';
import type { CompiledStratum } from './compile-measure.ts';
import type { StratumGroup, StratumResult } from './measure-result.ts';
import type { RecordReader } from './record-reader.ts';

/** The group a record falls in for one stratum: its field's text, or the band its number falls in. */
export function stratumGroupOf(stratum: CompiledStratum, reader: RecordReader, i: number): string {
  const raw = stratum.expression
    ? reader.evaluate(stratum.expression, i)
    : reader.field(stratum.field as string, i);
  if (stratum.bands) {
    if (typeof raw === 'object' && raw !== null) {
      // An exact value from an expression (1/3): compared exactly with the bands' bounds.
      const x = raw as Rational;
      for (const band of stratum.bands) {
        if (exactCompare(x, band.min) >= 0 && exactCompare(x, band.max) <= 0) return band.label;
      }
      return 'other';
    }
    if (typeof raw !== 'number') return 'unknown';
    for (const band of stratum.bands) if (raw >= band.min && raw <= band.max) return band.label;
    return 'other';
  }
  return raw === undefined || raw === null || raw === '' ? 'unknown' : String(raw);
}

/** Counts of one stratum while records are read: group -> [numerator, denominator]. */
export type StratumCounts = Map<string, [number, number]>;

/**
 * Per-group rates and the equity gap. Best and worst follow the measure's direction; only groups
 * with at least `minDenominator` eligible records compete (small groups' rates are noise). Groups
 * are listed by name so results are stable.
 */
export function stratumResult(
  stratum: CompiledStratum,
  counts: StratumCounts,
  per: number,
  direction: 'higher' | 'lower',
): StratumResult {
  const names = [...counts.keys()].sort();
  const groups: StratumGroup[] = [];
  let best: StratumGroup | null = null;
  let worst: StratumGroup | null = null;
  for (const name of names) {
    const [numerator, denominator] = counts.get(name) as [number, number];
    const group: StratumGroup = {
      group: name,
      numerator,
      denominator,
      value: denominator > 0 ? (numerator / denominator) * per : null,
    };
    groups.push(group);
    if (group.value === null || denominator < stratum.minDenominator) continue;
    const better = (a: number, b: number) => (direction === 'lower' ? a < b : a > b);
    if (best === null || better(group.value, best.value as number)) best = group;
    if (worst === null || better(worst.value as number, group.value)) worst = group;
  }
  const comparable = groups.filter((g) => g.value !== null && g.denominator >= stratum.minDenominator).length;
  return {
    name: stratum.name,
    groups,
    best: comparable >= 2 ? (best?.group ?? null) : null,
    worst: comparable >= 2 ? (worst?.group ?? null) : null,
    gap: comparable >= 2 && best && worst ? Math.abs((best.value as number) - (worst.value as number)) : null,
  };
}
