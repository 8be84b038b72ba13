import { useState } from 'react';
import type { Run, RunDiff } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { runApi } from './run-api.ts';
import { type DiffPayee, RunDiffTable } from './run-diff-table.tsx';
import { describeRunInputs } from './run-inputs.ts';
import { useAllPages } from './use-all-pages.ts';

/**
 * This run against another of the same program: which inputs differ (as-of date, rulebook, data),
 * then every payee whose total or results changed (loaded page after page) in the SPA's data table.
 */
export function RunCompare({ run, others }: { run: Run; others: Run[] }) {
  const { api } = useQuip();
  const [against, setAgainst] = useState<string>('');
  const runId = String(run.id);
  // The first page also says which inputs differ; it is kept for the runs it compares.
  const [first, setFirst] = useState<(RunDiff & { key: string }) | null>(null);
  const key = `${runId}:${against}`;
  const diff = useAllPages<DiffPayee>(
    against !== '',
    async (cursor, signal) => {
      const page = await runApi.diff(api, runId, against, cursor, signal, 5000);
      if (cursor === null) setFirst({ ...page, key });
      return { items: page.payees, nextCursor: page.nextCursor };
    },
    key,
  );
  const inputs = first?.key === key ? first : null;
  return (
    <div className="space-y-4">
      <label className="block text-sm font-medium">
        Compare with
        <select
          value={against}
          onChange={(e) => setAgainst(e.target.value)}
          className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
        >
          <option value="">choose a run</option>
          {others
            .filter((o) => String(o.id) !== runId && o.status === 'succeeded')
            .map((o) => (
              <option key={String(o.id)} value={String(o.id)}>
                Run {String(o.id)}
                {typeof o.asOf === 'string' ? ` (as of ${o.asOf})` : ''}
              </option>
            ))}
        </select>
      </label>
      {against !== '' && !inputs && !diff.error ? <LoadingMessage>Comparing…</LoadingMessage> : null}
      {diff.error ? <ErrorMessage title="The runs could not be compared." error={diff.error} /> : null}
      {inputs ? (
        <>
          <ul aria-label="Inputs compared" className="space-y-1 text-sm">
            {describeRunInputs(inputs).map((line) => (
              <li key={line.input} className={line.changed ? 'font-medium text-amber-900' : 'text-slate-700'}>
                {line.changed ? '● ' : '○ '}
                {line.text}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-700">
            {diff.loaded.toLocaleString('en-US')} payee(s) differ
            {diff.done ? '' : ' so far'}.
          </p>
          <RunDiffTable
            payees={diff.rows}
            run={inputs.run}
            against={inputs.against}
            loaded={diff.loaded}
            done={diff.done}
          />
        </>
      ) : null}
    </div>
  );
}
