/**
 * The unit a measure's values are shown in, so targets read and are typed the way the measure
 * shows them: a rate (value 0..1) as a percent ("60%"), a rate per N as "12 per 1,000", anything
 * else as a plain number. Works on a measure as written (the raw JSON of a rulebook).
 */
export type MeasureUnit = { kind: 'percent' } | { kind: 'per'; per: number } | { kind: 'number' };

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export function measureUnit(measure: unknown): MeasureUnit {
  const compute = isRecord(measure) && isRecord(measure.compute) ? measure.compute : {};
  const kind = compute.kind;
  if (kind === 'rate-records' || kind === 'rate-counts') {
    const per = typeof compute.per === 'number' ? compute.per : 1;
    return per === 1 ? { kind: 'percent' } : { kind: 'per', per };
  }
  // A reporting value is the share of its parts passed (on time, complete, accurate).
  if (kind === 'reporting') return { kind: 'percent' };
  return { kind: 'number' };
}

/** A number without float noise: 0.07 * 100 is 7, not 7.000000000000001. */
export function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

const grouped = (n: number) => tidy(n).toLocaleString('en-US', { maximumFractionDigits: 10 });

/** A measure value in its unit: 0.6 -> '60%', 12 (per 1000) -> '12 per 1,000', 3 -> '3'. */
export function formatMeasureValue(value: number, unit: MeasureUnit): string {
  if (unit.kind === 'percent') return `${grouped(value * 100)}%`;
  if (unit.kind === 'per') return `${grouped(value)} per ${grouped(unit.per)}`;
  return grouped(value);
}

/** The number a person types for a stored value: a rate's 0.6 is typed 60. */
export function toTyped(value: number, unit: MeasureUnit): number {
  return unit.kind === 'percent' ? tidy(value * 100) : value;
}

/** The stored value of a typed number: 60 typed for a rate is stored 0.6. */
export function fromTyped(typed: number, unit: MeasureUnit): number {
  return unit.kind === 'percent' ? tidy(typed / 100) : typed;
}

/**
 * A typed target that looks like a fraction/percent mix-up, in words, else null: for a rate typed
 * as a percent, 0.6 probably meant 60% (it means 0.6%), and above 100% no payee can meet it.
 */
export function typedTargetWarning(typed: number, unit: MeasureUnit): string | null {
  if (unit.kind !== 'percent' || !Number.isFinite(typed)) return null;
  if (typed > 0 && typed < 1)
    return `${grouped(typed)} means ${grouped(typed)}%; type the percent itself (${grouped(typed * 100)} for ${grouped(typed * 100)}%)`;
  if (typed > 100) return `${grouped(typed)}% is above 100%: no rate can reach it`;
  return null;
}

/** 1st, 2nd, 3rd, 11th, 22nd, 50th, 33.3th. */
export function ordinal(n: number): string {
  if (!Number.isInteger(n)) return `${tidy(n)}th`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const better = (t: Raw) => (t.direction === 'lower' ? 'at most' : 'at least');
const lowerNote = (t: Raw) => (t.direction === 'lower' ? ' (lower is better)' : '');

/**
 * A target spec in words, in the measure's unit: 'at least 60%', '75th percentile of peers',
 * 'close 10% of the gap to 80%'. The same words in the measure editor, the measures table and
 * the rulebook diff.
 */
export function describeTarget(target: unknown, unit: MeasureUnit): string {
  if (!isRecord(target)) return 'no target';
  switch (target.kind) {
    case 'absolute':
      return typeof target.value === 'number'
        ? `${better(target)} ${formatMeasureValue(target.value, unit)}`
        : 'a fixed value';
    case 'peer-percentile':
      return `${ordinal(Number(target.percentile))} percentile of peers${lowerNote(target)}`;
    case 'baseline-percentile':
      return `${ordinal(Number(target.percentile))} percentile of ${
        Array.isArray(target.distribution) ? 'the written baseline distribution' : "the peers' baselines"
      }${lowerNote(target)}`;
    case 'improvement': {
      const goal = target.goal;
      const goalText =
        typeof goal === 'number'
          ? formatMeasureValue(goal, unit)
          : isRecord(goal)
            ? `the ${ordinal(Number(goal.peerPercentile))} percentile of peers`
            : 'the goal';
      const share = Number(target.gapClosed ?? '0.1');
      return `close ${tidy(share * 100)}% of the gap between its baseline and ${goalText}${lowerNote(target)}`;
    }
    default:
      return String(target.kind ?? 'no target');
  }
}
