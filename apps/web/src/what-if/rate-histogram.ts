export interface HistogramBin {
  /** Lower edge (inclusive); the last bin also holds its upper edge. */
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins over the values (NaN skipped). Rates in 0..1 get ten 10% bins, so charts of
 * different versions line up; other values span their own min..max.
 */
export function rateHistogram(values: ArrayLike<number>, bins = 10): HistogramBin[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return [];
  if (min >= 0 && max <= 1) {
    min = 0;
    max = 1;
  }
  if (max === min) return [{ from: min, to: max, count: n }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    // The epsilon keeps 0.7 in the 70% bin: (0.7 - 0) / 0.1 is 6.999999999999999 in floating point.
    const b = Math.min(bins - 1, Math.floor((v - min) / width + 1e-9));
    counts[b] = (counts[b] as number) + 1;
  }
  return counts.map((count, b) => ({ from: min + b * width, to: min + (b + 1) * width, count }));
}
