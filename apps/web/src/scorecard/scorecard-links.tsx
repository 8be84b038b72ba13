import { Link } from '@tanstack/react-router';
import { printSearch } from './print-scorecards-search.ts';

/** A link to one payee's scorecard of a run (a row of the run's results or payments). */
export function ScorecardLink({ runId, entityId }: { runId: string; entityId: string }) {
  return (
    <Link
      to="/runs/$runId/scorecards/$entityId"
      params={{ runId, entityId }}
      className="text-xs text-blue-800 underline"
      aria-label={`Scorecard of ${entityId}`}
    >
      scorecard
    </Link>
  );
}

/** Prints the scorecards of the payees shown (null: every payee of the run). */
export function PrintScorecardsLink({
  runId,
  entityIds,
}: {
  runId: string;
  entityIds: readonly string[] | null;
}) {
  return (
    <Link
      to="/runs/$runId/scorecards"
      params={{ runId }}
      search={printSearch(entityIds)}
      className="text-sm text-blue-800 underline"
    >
      {entityIds === null
        ? 'Print every scorecard'
        : `Print the ${entityIds.length.toLocaleString('en-US')} scorecards shown`}
    </Link>
  );
}
