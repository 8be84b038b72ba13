import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { useMe } from '../auth/use-me.ts';
import { BulkUpload } from '../data/bulk-upload.tsx';
import { SubmissionsInboxPanel } from '../data/submissions-inbox-panel.tsx';
import { fiscalYearsQueryOptions } from '../fiscal-years/fiscal-year-queries.ts';
import { RequestList } from '../review/request-list.tsx';
import { requestsQueryOptions } from '../review/review-api.ts';
import { useReviewEvents } from '../review/use-review-events.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { PageTabs } from '../ui/page-tabs.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { PayeeStanding } from './payee-standing.tsx';
import { type PortalProgram, portalPrograms } from './portal-payees.ts';
import { PublishedRuns } from './published-runs.tsx';

/**
 * Where a submitter lands: per program and open fiscal year, its payees' standing and calendar,
 * the results published to it with their scorecards (and the review form while a run is open
 * for review), its submissions and the upload with its dry run; then its review requests with
 * their decisions. Server-sent events refresh what they change.
 */
export function PortalPage() {
  const { api } = useQuip();
  const me = useMe();
  const years = useQuery(fiscalYearsQueryOptions(api));
  const requests = useQuery(requestsQueryOptions(api));
  useReviewEvents();
  const programs = useMemo(
    () =>
      portalPrograms(
        me?.entityIds ?? [],
        (years.data ?? [])
          .filter((y) => y.status === 'open')
          .map((y) => y.fiscalYear)
          .sort()
          .reverse(),
      ),
    [me, years.data],
  );
  return (
    <>
      <PageHeader title="Your payees">
        <p>
          Where each payee stands now, what is due, the results published to you, and your review requests.
        </p>
      </PageHeader>
      {years.isPending ? <LoadingMessage>Loading…</LoadingMessage> : null}
      {years.isError ? (
        <ErrorMessage title="The fiscal years could not be loaded." error={years.error} />
      ) : null}
      {years.data && programs.length === 0 ? (
        <p className="text-sm text-slate-700">Your key reaches no payee in an open fiscal year.</p>
      ) : null}
      <div className="space-y-10">
        {programs.map((p) => (
          <ProgramSection key={`${p.fiscalYear}/${p.program}`} program={p} />
        ))}
      </div>
      <section className="mt-10" aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="mb-3 text-xl font-semibold text-slate-900">
          Your review requests
        </h2>
        {requests.isPending ? <LoadingMessage>Loading requests…</LoadingMessage> : null}
        {requests.isError ? (
          <ErrorMessage title="The requests could not be loaded." error={requests.error} />
        ) : null}
        {requests.data ? <RequestList requests={requests.data} /> : null}
      </section>
    </>
  );
}

function ProgramSection({ program: p }: { program: PortalProgram }) {
  return (
    <section aria-label={`${p.program} ${p.fiscalYear}`}>
      <h2 className="mb-3 text-xl font-semibold text-slate-900">
        {p.program} <span className="font-normal text-slate-600">{p.fiscalYear}</span>
      </h2>
      <PageTabs
        label={`${p.program} ${p.fiscalYear}`}
        tabs={[
          {
            value: 'standing',
            label: 'Standing and due dates',
            contentClassName: 'space-y-4',
            content: p.entityIds.map((id) => (
              <PayeeStanding key={id} fiscalYear={p.fiscalYear} program={p.program} entityId={id} />
            )),
          },
          {
            value: 'results',
            label: 'Published results',
            content: <PublishedRuns fiscalYear={p.fiscalYear} program={p.program} entityIds={p.entityIds} />,
          },
          {
            value: 'submissions',
            label: 'Submissions',
            content: <SubmissionsInboxPanel fiscalYear={p.fiscalYear} program={p.program} />,
          },
          {
            value: 'upload',
            label: 'Upload',
            content: <BulkUpload fiscalYear={p.fiscalYear} program={p.program} />,
          },
        ]}
      />
    </section>
  );
}
