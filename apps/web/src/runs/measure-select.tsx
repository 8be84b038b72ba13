import { useId } from 'react';
import { ALL_MEASURES_ROW_LIMIT, allMeasuresRows, type RunMeasure } from './measure-choice.ts';

const count = (n: number) => n.toLocaleString('en-US');
/** The select's value for "All measures" (a measure key is never empty). */
const ALL = '';

/**
 * Which measure's results the results tab loads: a native select (keyboard and screen reader
 * behaviour for free), "All measures" first. Above ALL_MEASURES_ROW_LIMIT results, "All measures"
 * stays selectable and says how many rows it would load.
 */
export function MeasureSelect({
  measures,
  payees,
  value,
  onChange,
}: {
  measures: RunMeasure[];
  payees: number;
  value: string | null;
  onChange: (measure: string | null) => void;
}) {
  const selectId = useId();
  const noteId = useId();
  const allRows = allMeasuresRows(payees, measures.length);
  const tooMany = allRows > ALL_MEASURES_ROW_LIMIT;
  return (
    <div className="mb-3 flex flex-wrap items-end gap-4">
      {/* A label of its own (not wrapping the select), so the select's name is just "Measure". */}
      <div className="text-sm font-medium">
        <label htmlFor={selectId}>Measure</label>
        <select
          id={selectId}
          value={value ?? ALL}
          onChange={(e) => onChange(e.target.value === ALL ? null : e.target.value)}
          aria-describedby={tooMany ? noteId : undefined}
          className="mt-1 block max-w-md rounded-md border border-slate-300 px-3 py-2"
        >
          <option value={ALL}>All measures{tooMany ? ` (${count(allRows)} results)` : ''}</option>
          {measures.map((m) => (
            <option key={m.key} value={m.key}>
              {m.name ? `${m.key} — ${m.name}` : m.key}
            </option>
          ))}
        </select>
      </div>
      {tooMany ? (
        <p id={noteId} className="text-sm text-slate-700" data-testid="all-measures-note">
          All measures loads {count(allRows)} results ({count(payees)} payees × {measures.length} measures);
          one measure loads at most {count(payees)}.
        </p>
      ) : null}
    </div>
  );
}
