import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Run } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatIsoDate } from '../format/format-iso-date.ts';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { LabelledField } from '../ui/labelled-field.tsx';
import { reviewApi } from './review-api.ts';

/**
 * A run's stage for its payees, and (administrators, a succeeded run not final) publishing it as
 * preliminary with the last day of its review window: its payees' submitters then see the run and
 * their scorecards and may file review requests until that day.
 */
export function PublishPreliminary({ run, canPublish }: { run: Run; canPublish: boolean }) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const [reviewUntil, setReviewUntil] = useState(run.reviewUntil ?? '');
  const publish = useMutation({
    mutationFn: () => reviewApi.publishPreliminary(api, String(run.id), reviewUntil),
    onSuccess: (published) => {
      queryClient.setQueryData(['run', String(run.id)], published);
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reviewUntil) publish.mutate();
  };
  return (
    <section aria-label="Review by payees" className="mt-4 rounded-md border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-900" data-testid="run-stage">
        {run.stage === 'preliminary'
          ? `Published as preliminary: payees may ask for a review until ${formatIsoDate(run.reviewUntil ?? '')}.`
          : run.stage === 'final'
            ? 'Final: published to its payees, no longer open for review.'
            : 'Not published to its payees.'}
      </p>
      {canPublish && run.status === 'succeeded' && run.stage !== 'final' ? (
        <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3">
          <LabelledField label="Review requests until">
            {(id) => (
              <input
                id={id}
                type="date"
                required
                value={reviewUntil}
                onChange={(e) => setReviewUntil(e.target.value)}
                className="mt-1 rounded-md border border-slate-400 px-3 py-2 text-sm"
              />
            )}
          </LabelledField>
          <Button type="submit" disabled={publish.isPending || reviewUntil === ''}>
            {run.stage === 'preliminary' ? 'Change the review end date' : 'Publish as preliminary'}
          </Button>
          <ErrorAlert error={publish.error} />
        </form>
      ) : null}
    </section>
  );
}
