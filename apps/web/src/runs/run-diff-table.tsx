import { useMemo, useState } from 'react';
import type { RunDiff } from '../api/resources.ts';
import { formatChange } from '../format/format-money.ts';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { FilterSelect } from '../ui/data-table/filter-select.tsx';

export type DiffPayee = RunDiff['payees'][number];

/** The change of a payee's total, in cents: a side without a payment counts as 0. */
const change = (p: DiffPayee) => (p.totalCents.to ?? 0) - (p.totalCents.from ?? 0);

type Direction = '' | 'gain' | 'loss' | 'same';

/**
 * The payees that differ between two runs in the SPA's data table: id and name, each run's total
 * and the change in dollars, the measures that changed; search, a filter by direction and by
 * measure, the subtotal of what is shown, export of what is shown.
 */
export function RunDiffTable({
  payees,
  run,
  against,
  loaded,
  done,
}: {
  payees: readonly DiffPayee[];
  run: number;
  against: number;
  loaded: number;
  done: boolean;
}) {
  const [direction, setDirection] = useState<Direction>('');
  const [measure, setMeasure] = useState('');
  const measures = useMemo(
    () => [...new Set(payees.flatMap((p) => p.measures.map((m) => m.measure)))].sort(),
    [payees],
  );
  const columns = useMemo<DataColumn<DiffPayee>[]>(
    () => [
      {
        id: 'entityId',
        header: 'Payee',
        value: (p) => p.entityId,
        render: (p) => <span className="font-mono text-xs">{p.entityId}</span>,
      },
      { id: 'name', header: 'Name', value: (p) => p.name ?? '' },
      { id: 'from', header: `Run ${against}`, kind: 'cents', value: (p) => p.totalCents.from },
      { id: 'to', header: `Run ${run}`, kind: 'cents', value: (p) => p.totalCents.to },
      {
        id: 'change',
        header: 'Change',
        kind: 'cents',
        value: change,
        render: (p) => <span className="font-mono">{formatChange(change(p), true)}</span>,
      },
      {
        id: 'measures',
        header: 'Measures changed',
        value: (p) => p.measures.map((m) => `${m.measure} (${m.changed.join(', ')})`).join('; '),
      },
    ],
    [run, against],
  );
  const keep = useMemo(() => {
    if (!direction && !measure) return null;
    return (p: DiffPayee) => {
      const c = change(p);
      if (direction === 'gain' && c <= 0) return false;
      if (direction === 'loss' && c >= 0) return false;
      if (direction === 'same' && c !== 0) return false;
      return !measure || p.measures.some((m) => m.measure === measure);
    };
  }, [direction, measure]);
  return (
    <DataTable
      rows={payees}
      columns={columns}
      caption="Differences by payee"
      testId="diff"
      exportName={`run-${run}-vs-${against}`}
      noun="payees"
      searchLabel="Filter by payee"
      keep={keep}
      note={done ? undefined : `loading: ${loaded.toLocaleString('en-US')} so far`}
      filters={
        <>
          <FilterSelect
            label="Total"
            value={direction}
            onChange={setDirection}
            options={[
              ['', 'any change'],
              ['gain', 'gains'],
              ['loss', 'losses'],
              ['same', 'same total'],
            ]}
          />
          {measures.length > 0 ? (
            <FilterSelect
              label="Measure"
              value={measure}
              onChange={setMeasure}
              options={[['', 'all measures'], ...measures.map((m) => [m, m] as const)]}
            />
          ) : null}
        </>
      }
    />
  );
}
