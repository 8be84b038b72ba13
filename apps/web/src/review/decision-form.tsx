import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { describeError } from '../api/describe-error.ts';
import type { ReviewRequest } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { reviewApi } from './review-api.ts';

/**
 * An administrator decides an open request: accept (its corrected records are stored, counted as
 * received today or on the day the office finds they were received) or reject with the reason the
 * payee will read.
 */
export function DecisionForm({ request }: { request: ReviewRequest }) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const ids = { note: useId(), submittedOn: useId() };
  const [note, setNote] = useState('');
  const [submittedOn, setSubmittedOn] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'accepted' | 'rejected') =>
      reviewApi.decide(api, request.id, {
        decision,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(decision === 'accepted' && submittedOn ? { submittedOn } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  });
  const field = 'mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm';
  return (
    <fieldset className="mt-3 space-y-2 border-t border-slate-200 pt-3">
      <legend className="sr-only">Decide request {request.id}</legend>
      <div>
        <label htmlFor={ids.note} className="block text-sm font-medium text-slate-900">
          Note to the payee (required to reject)
        </label>
        <textarea
          id={ids.note}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={field}
        />
      </div>
      {request.corrections && request.corrections.length > 0 ? (
        <div>
          <label htmlFor={ids.submittedOn} className="block text-sm font-medium text-slate-900">
            Corrected records received on (optional; default today)
          </label>
          <input
            id={ids.submittedOn}
            type="date"
            value={submittedOn}
            onChange={(e) => setSubmittedOn(e.target.value)}
            className="mt-1 rounded-md border border-slate-400 px-3 py-2 text-sm"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button disabled={decide.isPending} onClick={() => decide.mutate('accepted')}>
          Accept
        </Button>
        <Button
          variant="secondary"
          disabled={decide.isPending || note.trim() === ''}
          onClick={() => decide.mutate('rejected')}
        >
          Reject
        </Button>
      </div>
      {decide.isError ? (
        <p role="alert" className="text-sm text-red-800">
          {describeError(decide.error)}
        </p>
      ) : null}
    </fieldset>
  );
}
