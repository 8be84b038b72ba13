import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useQuip } from '../app/quip-context.tsx';
import { useMe } from '../auth/use-me.ts';
import { Button } from '../ui/button.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { scorecardQueryOptions } from './scorecard-api.ts';
import { ScorecardView } from './scorecard-view.tsx';

/** One payee's scorecard of a run, ready to print (the navigation is left off paper). */
export function ScorecardPage() {
  const { runId = '', entityId = '' } = useParams({ strict: false }) as { runId?: string; entityId?: string };
  const { api } = useQuip();
  const card = useQuery(scorecardQueryOptions(api, runId, entityId));
  const me = useMe();
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={`Scorecard: ${entityId}`}>
          <p>
            Run {runId}.{' '}
            {me && me.role !== 'submitter' ? (
              <Link to="/runs/$runId/scorecards" params={{ runId }} className="text-blue-800 underline">
                Every payee of the run
              </Link>
            ) : null}
          </p>
        </PageHeader>
        <Button variant="secondary" className="mb-4" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      {card.isPending ? <LoadingMessage>Loading the scorecard…</LoadingMessage> : null}
      {card.isError ? (
        <ErrorMessage
          title="The scorecard could not be loaded."
          error={card.error}
          onRetry={() => void card.refetch()}
        />
      ) : null}
      {card.data ? <ScorecardView card={card.data} /> : null}
    </>
  );
}
