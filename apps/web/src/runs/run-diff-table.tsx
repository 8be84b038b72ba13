import { useMemo } from 'react';
import type { RunDiff } from '../api/resources.ts';
import { formatChange } from '../format/format-money.ts';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import { type DataFilter, valueOptions } from '../ui/data-table/data-filter.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { payeeColumns } from '../ui/data-table/payee-columns.tsx';

export type DiffPayee = RunDiff['payees'][number];

/** The change of a payee's total, in cents: a side without a payment counts as 0. */
const change = (p: DiffPayee) => (p.totalCents.to ?? 0) - (p.totalCents.from ?? 0);

const SIGN: Readonly<Record<string, number>> = { gain: 1, loss: -1, same: 0 };
const BY_CHANGE: DataFilter<DiffPayee> = {
  id: 'direction',
  label: 'Total',
  options: { '': 'any change', gain: 'gains', loss: 'losses', same: 'same total' },
  keeps: (p, direction) => Math.sign(change(p)) === SIGN[direction],
};

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
  const filters = useMemo<DataFilter<DiffPayee>[]>(() => {
    const measures = [...new Set(payees.flatMap((p) => p.measures.map((m) => m.measure)))].sort();
    if (measures.length === 0) return [BY_CHANGE];
    const byMeasure: DataFilter<DiffPayee> = {
      id: 'measure',
      label: 'Measure',
      options: valueOptions('all measures', measures),
      keeps: (p, measure) => p.measures.some((m) => m.measure === measure),
    };
    return [BY_CHANGE, byMeasure];
  }, [payees]);
  const columns = useMemo<DataColumn<DiffPayee>[]>(
    () => [
      ...payeeColumns<DiffPayee>(
        (p) => p.entityId,
        (p) => p.name,
      ),
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
  return (
    <DataTable
      rows={payees}
      columns={columns}
      caption="Differences by payee"
      testId="diff"
      exportName={`run-${run}-vs-${against}`}
      noun="payees"
      searchLabel="Filter by payee"
      filters={filters}
      loading={done ? undefined : loaded}
    />
  );
}
