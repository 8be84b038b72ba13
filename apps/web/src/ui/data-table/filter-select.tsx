import { fieldBoxClass } from '../text-field.tsx';
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
      <select value={value} onChange={(e) => onChange(e.target.value as V)} className={fieldBoxClass}>
        {optionPairs(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
