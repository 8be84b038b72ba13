import { DEFAULT_TIME_ZONE, formatDollars } from '@quip/core';
import type { ReviewRequest } from '../api/resources.ts';
import { formatReceivedAt } from '../format/format-received-at.ts';
import { DecisionForm } from './decision-form.tsx';

const STATUS_WORDS: Record<ReviewRequest['status'], string> = {
  open: 'Open: waiting for a decision',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

/**
 * Review requests with their decisions: what was disputed and why, the status, the office's note,
 * and (once a newer run exists) the payment before and after. Administrators decide open ones here.
 */
export function RequestList({ requests, decide = false }: { requests: ReviewRequest[]; decide?: boolean }) {
  if (requests.length === 0) return <p className="text-sm text-slate-700">No review requests.</p>;
  return (
    <ul className="space-y-3" aria-label="Review requests">
      {requests.map((r) => (
        <li
          key={r.id}
          className="rounded-md border border-slate-200 bg-white p-4 text-sm"
          data-testid={`request-${r.id}`}
        >
          <p className="font-medium text-slate-900">
            Request {r.id}: {r.entityId}, {r.measure ?? `payment line ${r.lineKey}`}{' '}
            <span className="font-normal text-slate-600">
              (run {r.runId}, {r.program} {r.fiscalYear}, filed{' '}
              {formatReceivedAt(r.createdAt, DEFAULT_TIME_ZONE)})
            </span>
          </p>
          <p className="mt-1 text-slate-800">Reason: {r.reason}</p>
          {r.proposedValue === null || r.proposedValue === undefined ? null : (
            <p className="text-slate-800">Proposed value: {JSON.stringify(r.proposedValue)}</p>
          )}
          {r.corrections && r.corrections.length > 0 ? (
            <p className="text-slate-800">
              {r.corrections.length} corrected record{r.corrections.length === 1 ? '' : 's'} attached
            </p>
          ) : null}
          <p className="mt-1 font-medium" data-testid="request-status">
            {STATUS_WORDS[r.status]}
            {r.decisionNote ? `: ${r.decisionNote}` : ''}
          </p>
          {r.outcome ? (
            <p className="text-slate-800" data-testid="request-outcome">
              Payment in run {r.outcome.before.runId}:{' '}
              {r.outcome.before.totalCents === null ? '—' : formatDollars(r.outcome.before.totalCents)}; in
              run {r.outcome.after.runId}:{' '}
              {r.outcome.after.totalCents === null ? '—' : formatDollars(r.outcome.after.totalCents)}.
            </p>
          ) : null}
          {decide && r.status === 'open' ? <DecisionForm request={r} /> : null}
        </li>
      ))}
    </ul>
  );
}
