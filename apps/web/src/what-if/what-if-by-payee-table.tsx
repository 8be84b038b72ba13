import { formatDollars } from '@quip/core';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import type { DataFilter } from '../ui/data-table/data-filter.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { payeeColumns } from '../ui/data-table/payee-columns.tsx';
import type { PayeeChangeRow, WhatIfByPayee } from './what-if-messages.ts';

const COLUMNS: DataColumn<PayeeChangeRow>[] = [
  ...payeeColumns<PayeeChangeRow>(
    (c) => c.entityId,
    (c) => c.name,
  ),
  { id: 'before', header: 'Published', kind: 'cents', value: (c) => c.beforeCents },
  { id: 'after', header: 'Draft', kind: 'cents', value: (c) => c.afterCents },
  { id: 'difference', header: 'Difference', kind: 'cents', value: (c) => c.differenceCents },
  { id: 'moved', header: 'Measures that moved', value: (c) => c.moved.join(', ') },
];

const FILTERS: DataFilter<PayeeChangeRow>[] = [
  {
    id: 'side',
    label: 'Show',
    options: { all: 'gainers and losers', gain: 'gainers', lose: 'losers' },
    keeps: (c, side) => (side === 'gain' ? c.differenceCents > 0 : c.differenceCents < 0),
  },
];
const signed = (cents: number) => `${cents > 0 ? '+' : ''}${formatDollars(cents)}`;

/**
 * Every payee whose payment the draft changes against the published rulebook (core's
 * payeeChanges): before, after, the difference and the measures whose outcome moved; gainers and
 * losers counted and summed; sortable, filterable, exportable like every table.
 */
export function WhatIfByPayeeTable({ byPayee, fileName }: { byPayee: WhatIfByPayee; fileName: string }) {
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
          filters={FILTERS}
        />
      )}
    </section>
  );
}
