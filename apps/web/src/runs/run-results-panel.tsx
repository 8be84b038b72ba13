import { useMemo } from 'react';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { MeasureSelect } from './measure-select.tsx';
import { ResultsTable } from './results-table.tsx';
import type { RunResults } from './use-run-results.ts';

/** A run's Results tab: the measure chosen, the results as they load, and a payee to open. */
export function RunResultsPanel({
  results,
  runId,
  onPayee,
}: {
  results: RunResults;
  runId: string;
  onPayee: (entityId: string) => void;
}) {
  const measureNames = useMemo(
    () => new Map(results.measures.flatMap((m) => (m.name ? [[m.key, m.name] as const] : []))),
    [results.measures],
  );
  return (
    <>
      {results.measures.length > 0 ? (
        <MeasureSelect
          measures={results.measures}
          payees={results.payees}
          value={results.measure}
          onChange={results.choose}
        />
      ) : null}
      {results.results.error ? (
        <ErrorMessage title="The results could not be loaded." error={results.results.error} />
      ) : null}
      {!results.results.done ? (
        <LoadingMessage>
          {results.pending
            ? 'Loading the run’s measures…'
            : `Loading results… ${results.results.loaded.toLocaleString('en-US')} so far`}
        </LoadingMessage>
      ) : null}
      {results.results.done && !results.results.error && results.results.rows.length === 0 ? (
        <p className="text-sm text-slate-700">
          No results{results.measure === null ? '' : ` for ${results.measure}`}.
        </p>
      ) : null}
      {results.results.rows.length === 0 ? null : (
        <ResultsTable
          rows={results.results.rows}
          measureNames={measureNames}
          fileName={`run-${runId}-results`}
          runId={runId}
          onPayee={onPayee}
        />
      )}
    </>
  );
}
