import type { SubmissionBatch } from '../api/resources.ts';
import { formatReceivedAt } from '../format/format-received-at.ts';
import { RowProblemsTable } from './row-problems-table.tsx';

interface Props {
  batch: SubmissionBatch;
  /** A dry run (`?dryRun=1`): the same answer, but nothing was stored. */
  dryRun: boolean;
  timeZone: string;
  /** Where each row starts in the file (recordLines), to name warnings by file line. */
  lines?: readonly number[] | null;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What the API answered for a submissions file: what was (or, checked only, would be) stored,
 * when it was received, how many records it made a new version of, and its findings as warnings,
 * apart from errors: a warned row is stored, flagged, and scored incomplete or inaccurate.
 */
export function BatchSummary({ batch, dryRun, timeZone, lines = null }: Props) {
  const received = formatReceivedAt(batch.receivedAt, timeZone);
  return (
    <section
      aria-label={dryRun ? 'Check result' : 'Upload result'}
      data-testid="batch-summary"
      className={`space-y-3 rounded-md border p-3 text-sm ${dryRun ? 'border-slate-300 bg-slate-50 text-slate-900' : 'border-green-300 bg-green-50 text-green-950'}`}
    >
      <p role="status" className="flex flex-wrap items-center gap-2 font-medium">
        {dryRun ? (
          <>
            <span className="rounded-full bg-slate-700 px-2 py-0.5 text-xs font-semibold text-white">
              Nothing stored
            </span>
            File checked: {plural(batch.rows, 'row', 'rows')} would be accepted.
          </>
        ) : (
          `Stored ${plural(batch.rows, 'row', 'rows')}${batch.batchId !== null ? ` (batch ${batch.batchId})` : ''}.`
        )}
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-700">{dryRun ? 'Checked at' : 'Received at'}</dt>
        <dd>
          <time dateTime={batch.receivedAt}>{received}</time>
          {dryRun ? null : (
            <span className="text-slate-700"> (timeliness is judged on {batch.receivedOn})</span>
          )}
        </dd>
        <dt className="text-slate-700">{dryRun ? 'Would replace' : 'Replaced'}</dt>
        <dd>{plural(batch.replaced, 'earlier version', 'earlier versions')}</dd>
        <dt className="text-slate-700">Warnings</dt>
        <dd>{batch.warningCount.toLocaleString('en-US')}</dd>
      </dl>
      {batch.warningCount > 0 ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          <p className="font-medium">
            {plural(batch.warningCount, 'warning', 'warnings')}. A row with a warning{' '}
            {dryRun ? 'would be stored' : 'is stored'} but flagged incomplete or inaccurate: its reporting
            measure scores it so, and no rate reads it. Send it again, corrected, before the due date.
          </p>
          <RowProblemsTable
            problems={batch.warnings}
            total={batch.warningCount}
            caption="Warnings"
            testId="row-warnings"
            what="Finding"
            lines={lines}
          />
        </div>
      ) : null}
    </section>
  );
}
