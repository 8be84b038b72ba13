import { type FilterOptions, optionPairs } from './data-filter.ts';

/** A table's filter as a labelled select over its choices (see FilterOptions). */
export function FilterSelect<V extends string>({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: FilterOptions;
}) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
      >
        {optionPairs(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
