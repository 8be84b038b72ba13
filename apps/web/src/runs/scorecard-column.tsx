import { ScorecardLink } from '../scorecard/scorecard-links.tsx';
import type { DataColumn } from '../ui/data-table/data-column.ts';

/**
 * The run's tables' last column: a link to the row's payee's scorecard, in its own column so the
 * payee cell stays the payee; neither searched nor exported. None without a run.
 */
export function scorecardColumn<T extends { entityId: string }>(runId: string | undefined): DataColumn<T>[] {
  if (!runId) return [];
  return [
    {
      id: 'scorecard',
      header: 'Scorecard',
      value: () => '',
      searchable: false,
      exported: false,
      render: (row) => <ScorecardLink runId={runId} entityId={row.entityId} />,
    },
  ];
}
