/**
 * A filter's choices, in order: [value, label] pairs, or value -> label (keys that are not
 * integers, as an object puts those first). The first choice shows every row.
 */
export type FilterOptions = readonly (readonly [string, string])[] | Readonly<Record<string, string>>;

/**
 * One select of a data table, said once: its label, its choices, and which rows a choice keeps.
 * The table holds what is chosen and applies every filter with its search (see useDataTable).
 */
export interface DataFilter<T> {
  id: string;
  label: string;
  options: FilterOptions;
  /** Whether `row` stays when `value` (any choice but the first) is chosen. */
  keeps: (row: T, value: string) => boolean;
}

/** The choices as [value, label] pairs, in order. */
export function optionPairs(options: FilterOptions): readonly (readonly [string, string])[] {
  return Array.isArray(options) ? options : Object.entries(options);
}

/** The value of a filter's first choice: nothing filtered. */
export function showsAll<T>(filter: DataFilter<T>): string {
  return optionPairs(filter.options)[0]?.[0] ?? '';
}

/** The choices of a filter by one of a few values: `all` (every row), then each value as itself. */
export function valueOptions(all: string, values: readonly string[]): FilterOptions {
  return [['', all], ...values.map((v) => [v, v] as const)];
}

/**
 * Whether a row passes every filter chosen away from its first choice; null when none is (every
 * row stays). `chosen`: each filter's value by filter id.
 */
export function filtersTest<T>(
  filters: readonly DataFilter<T>[],
  chosen: Readonly<Record<string, string>>,
): ((row: T) => boolean) | null {
  const tests = filters.flatMap((f) => {
    const value = chosen[f.id];
    return value === undefined || value === showsAll(f) ? [] : [(row: T) => f.keeps(row, value)];
  });
  return tests.length === 0 ? null : (row) => tests.every((test) => test(row));
}
