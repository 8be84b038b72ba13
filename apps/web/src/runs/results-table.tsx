import { useMemo } from 'react';
import type { RunResult } from '../api/resources.ts';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import type { DataFilter } from '../ui/data-table/data-filter.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { payeeColumns } from '../ui/data-table/payee-columns.tsx';
import { scorecardColumn } from './scorecard-column.tsx';

const num = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);
const metText = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'not met');

const FILTERS: DataFilter<RunResult>[] = [
  {
    id: 'met',
    label: 'Met',
    options: { all: 'all', met: 'met', 'not-met': 'not met' },
    keeps: (r, met) => r.met === (met === 'met'),
  },
];

/**
 * Every entity x measure result of a run in the SPA's data table: search by payee (id or name) or
 * measure (key or name), a met filter, sorting, export; 100k+ rows sort, filter and scroll without
 * freezing the tab.
 */
export function ResultsTable({
  rows,
  onPayee,
  measureNames,
  fileName = 'results',
  runId,
}: {
  rows: RunResult[];
  /** The run, for a link to each payee's scorecard. */
  runId?: string;
  onPayee: (entityId: string) => void;
  /** Measure key -> name from the run's rulebook, shown (and searchable) beside the key. */
  measureNames?: ReadonlyMap<string, string>;
  /** Base name of an export. */
  fileName?: string;
}) {
  const columns = useMemo<DataColumn<RunResult>[]>(
    () => [
      ...payeeColumns<RunResult>(
        (r) => r.entityId,
        (r) => r.name,
        onPayee,
      ),
      {
        id: 'measure',
        header: 'Measure',
        value: (r) => r.measure,
        text: (r) => {
          const name = measureNames?.get(r.measure);
          return name ? `${r.measure} ${name}` : r.measure;
        },
        render: (r) => {
          const name = measureNames?.get(r.measure);
          return (
            <>
              <span className="font-mono text-xs">{r.measure}</span>
              {name ? <span className="text-xs text-slate-600"> {name}</span> : null}
            </>
          );
        },
      },
      { id: 'status', header: 'Status', value: (r) => r.status },
      { id: 'value', header: 'Value', kind: 'number', value: (r) => r.value, text: (r) => num(r.value) },
      { id: 'target', header: 'Target', kind: 'number', value: (r) => r.target, text: (r) => num(r.target) },
      { id: 'met', header: 'Met', value: (r) => metText(r.met), searchable: false },
      { id: 'points', header: 'Points', kind: 'number', value: (r) => r.points, text: (r) => num(r.points) },
      ...scorecardColumn<RunResult>(runId),
    ],
    [onPayee, measureNames, runId],
  );
  return (
    <DataTable
      rows={rows}
      columns={columns}
      caption="Results"
      testId="results"
      exportName={fileName}
      noun="results"
      searchLabel="Filter by payee or measure"
      filters={FILTERS}
    />
  );
}
