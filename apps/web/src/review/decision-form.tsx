import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReviewRequest } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { LabelledField } from '../ui/labelled-field.tsx';
import { LabelledTextArea } from '../ui/labelled-text-area.tsx';
import { reviewApi } from './review-api.ts';

/**
 * An administrator decides an open request: accept (its corrected records are stored, counted as
 * received today or on the day the office finds they were received) or reject with the reason the
 * payee will read.
 */
export function DecisionForm({ request }: { request: ReviewRequest }) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
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
  return (
    <fieldset className="mt-3 space-y-2 border-t border-slate-200 pt-3">
      <legend className="sr-only">Decide request {request.id}</legend>
      <LabelledTextArea
        label="Note to the payee (required to reject)"
        rows={2}
        value={note}
        onValue={setNote}
      />
      {request.corrections && request.corrections.length > 0 ? (
        <LabelledField label="Corrected records received on (optional; default today)">
          {(id) => (
            <input
              id={id}
              type="date"
              value={submittedOn}
              onChange={(e) => setSubmittedOn(e.target.value)}
              className="mt-1 rounded-md border border-slate-400 px-3 py-2 text-sm"
            />
          )}
        </LabelledField>
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
      <ErrorAlert error={decide.error} />
    </fieldset>
  );
}
