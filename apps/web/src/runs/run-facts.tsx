import type { FiscalYearStatus, Run } from '../api/resources.ts';

const fact = 'rounded-md border border-slate-200 bg-white p-3';

/**
 * What a run pinned (its as-of date, rulebook version, data) and whether it is the final one. A
 * field the answer lacks shows as a dash rather than breaking the page.
 */
export function RunFacts({ run, yearStatus }: { run: Run; yearStatus: FiscalYearStatus | undefined }) {
  const version = run.rulebookVersion ?? run.rulebook?.version;
  const hash = run.rulebook?.contentHash;
  return (
    <dl aria-label="Run inputs" className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
      <div className={fact}>
        <dt className="text-xs text-slate-600">As of</dt>
        <dd className="text-lg font-semibold" data-testid="run-as-of">
          {run.asOf ?? '—'}
        </dd>
      </div>
      <div className={fact}>
        <dt className="text-xs text-slate-600">Rulebook</dt>
        <dd className="text-lg font-semibold" data-testid="run-rulebook-version">
          {version === undefined ? '—' : `version ${version}`}
        </dd>
        {hash ? (
          <dd className="truncate font-mono text-xs text-slate-600" title={hash}>
            {hash.slice(0, 12)}
          </dd>
        ) : null}
      </div>
      <div className={fact}>
        <dt className="text-xs text-slate-600">Data</dt>
        <dd className="text-lg font-semibold">
          {run.snapshot ? `submissions up to #${run.snapshot.submissionId}` : '—'}
        </dd>
      </div>
      <div className={fact}>
        <dt className="text-xs text-slate-600">Final run</dt>
        <dd className="text-lg font-semibold" data-testid="run-final">
          {run.official ? 'Yes, the official run' : 'No'}
        </dd>
        {run.official && yearStatus === 'closed' ? (
          <dd className="text-xs text-slate-600">Locked: the fiscal year is closed.</dd>
        ) : null}
      </div>
    </dl>
  );
}
