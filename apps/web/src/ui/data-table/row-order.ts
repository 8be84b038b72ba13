/** A value a column sorts by; null and undefined sort last in either direction. */
export type SortValue = string | number | boolean | null | undefined;

/**
 * The order in which a big table shows its rows: the indices of the rows that pass `keep`, sorted
 * by `sortBy` (stable: equal values keep their loaded order). A run's table holds 100k+ rows, so
 * this works on indices and on the sort values read once per row into an array, rather than on
 * per-row objects (a table library's row model allocates dozens of objects per row, and sorting
 * or filtering it at that size kept the tab busy for seconds).
 */
export function rowOrder<T>(
  rows: readonly T[],
  keep: ((row: T, index: number) => boolean) | null,
  sortBy: { value: (row: T) => SortValue; desc: boolean } | null,
): Uint32Array {
  let order = new Uint32Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (!keep || keep(rows[i] as T, i)) order[n++] = i;
  order = order.subarray(0, n);
  if (!sortBy) return order;
  const values: SortValue[] = new Array(rows.length);
  for (const i of order) values[i] = sortBy.value(rows[i] as T);
  const sign = sortBy.desc ? -1 : 1;
  return order.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    const xMissing = x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));
    const yMissing = y === null || y === undefined || (typeof y === 'number' && Number.isNaN(y));
    if (xMissing || yMissing) return xMissing === yMissing ? a - b : xMissing ? 1 : -1;
    if (x === y) return a - b;
    return (x < y ? -1 : 1) * sign;
  });
}
