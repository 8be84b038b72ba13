import { formatDollars } from '@quip/core';
import { useMemo, useState } from 'react';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { FilterSelect } from '../ui/data-table/filter-select.tsx';
import type { PayeeChangeRow, WhatIfByPayee } from './what-if-messages.ts';

const COLUMNS: DataColumn<PayeeChangeRow>[] = [
  {
    id: 'entityId',
    header: 'Payee',
    value: (c) => c.entityId,
    render: (c) => <span className="font-mono text-xs">{c.entityId}</span>,
  },
  { id: 'name', header: 'Name', value: (c) => c.name },
  { id: 'before', header: 'Published', kind: 'cents', value: (c) => c.beforeCents },
  { id: 'after', header: 'Draft', kind: 'cents', value: (c) => c.afterCents },
  { id: 'difference', header: 'Difference', kind: 'cents', value: (c) => c.differenceCents },
  { id: 'moved', header: 'Measures that moved', value: (c) => c.moved.join(', ') },
];

type Side = 'all' | 'gain' | 'lose';
const signed = (cents: number) => `${cents > 0 ? '+' : ''}${formatDollars(cents)}`;

/**
 * Every payee whose payment the draft changes against the published rulebook (core's
 * payeeChanges): before, after, the difference and the measures whose outcome moved; gainers and
 * losers counted and summed; sortable, filterable, exportable like every table.
 */
export function WhatIfByPayeeTable({ byPayee, fileName }: { byPayee: WhatIfByPayee; fileName: string }) {
  const [side, setSide] = useState<Side>('all');
  const keep = useMemo(
    () =>
      side === 'all'
        ? null
        : (c: PayeeChangeRow) => (side === 'gain' ? c.differenceCents > 0 : c.differenceCents < 0),
    [side],
  );
  const { gainers, losers, unchanged } = byPayee;
  return (
    <section aria-labelledby="what-if-by-payee-heading" className="mt-4 space-y-2">
      <h3 id="what-if-by-payee-heading" className="text-sm font-semibold text-slate-900">
        By payee
      </h3>
      <p className="text-sm text-slate-800" data-testid="what-if-gainers-losers">
        {gainers.payees.toLocaleString('en-US')} gain ({signed(gainers.cents)}),{' '}
        {losers.payees.toLocaleString('en-US')} lose ({signed(losers.cents)}),{' '}
        {unchanged.toLocaleString('en-US')} unchanged.
      </p>
      {byPayee.changes.length === 0 ? (
        <p className="text-sm text-slate-700">No payee's payment changes.</p>
      ) : (
        <DataTable
          rows={byPayee.changes}
          columns={COLUMNS}
          caption="What-if by payee"
          testId="what-if-payees"
          exportName={fileName}
          noun="payees"
          searchLabel="Search payees"
          keep={keep}
          filters={
            <FilterSelect
              label="Show"
              value={side}
              onChange={setSide}
              options={[
                ['all', 'gainers and losers'],
                ['gain', 'gainers'],
                ['lose', 'losers'],
              ]}
            />
          }
        />
      )}
    </section>
  );
}
