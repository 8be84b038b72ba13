import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { meQueryOptions } from '../auth/me-query.ts';
import { FilterSelect } from '../ui/data-table/filter-select.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { TextField } from '../ui/text-field.tsx';
import { RequestList } from './request-list.tsx';
import { type RequestFilters, requestsQueryOptions } from './review-api.ts';
import { useReviewEvents } from './use-review-events.ts';

/** The office's queue of review requests, filtered by status, program and measure; admins decide here. */
export function ReviewQueuePage() {
  const { api } = useQuip();
  const me = useQuery(meQueryOptions(api)).data;
  const [status, setStatus] = useState<NonNullable<RequestFilters['status']> | ''>('open');
  const [program, setProgram] = useState('');
  const [measure, setMeasure] = useState('');
  const filters: RequestFilters = {
    ...(status ? { status } : {}),
    ...(program.trim() ? { program: program.trim() } : {}),
    ...(measure.trim() ? { measure: measure.trim() } : {}),
  };
  const requests = useQuery(requestsQueryOptions(api, filters));
  const live = useReviewEvents();
  return (
    <>
      <PageHeader title="Review requests">
        <p>
          Payees' requests to review a preliminary run's measure or payment line.{' '}
          {live ? 'New requests appear as they are filed.' : ''}
        </p>
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <FilterSelect
          label="Status"
          value={status}
          onChange={setStatus}
          options={{ '': 'any', open: 'open', accepted: 'accepted', rejected: 'rejected' }}
        />
        <TextField label="Program" value={program} onValue={setProgram} />
        <TextField label="Measure" value={measure} onValue={setMeasure} />
      </div>
      {requests.isPending ? <LoadingMessage>Loading requests…</LoadingMessage> : null}
      {requests.isError ? (
        <ErrorMessage title="The requests could not be loaded." error={requests.error} />
      ) : null}
      {requests.data ? <RequestList requests={requests.data} decide={me?.role === 'admin'} /> : null}
    </>
  );
}
