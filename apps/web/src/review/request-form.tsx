import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '../api/describe-error.ts';
import type { Scorecard } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { formatIsoDate } from '../format/format-iso-date.ts';
import { Button } from '../ui/button.tsx';
import { LabelledField } from '../ui/labelled-field.tsx';
import { formFieldClass, LabelledTextArea } from '../ui/labelled-text-area.tsx';
import { parseCorrections, parseProposedValue } from './request-input.ts';
import { type NewRequest, reviewApi } from './review-api.ts';

/**
 * Files a review request on a published run for one payee: the measure or payment line disputed
 * (from the payee's scorecard), the reason, and optionally the proposed value and corrected
 * records (JSON, checked by the API exactly as an upload). Open until the run's review end date.
 */
export function RequestForm({
  runId,
  card,
  reviewUntil,
}: {
  runId: number;
  card: Scorecard;
  reviewUntil: string | null;
}) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const [disputed, setDisputed] = useState('');
  const [reason, setReason] = useState('');
  const [proposed, setProposed] = useState('');
  const [corrections, setCorrections] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const file = useMutation({
    mutationFn: (request: NewRequest) => reviewApi.file(api, runId, request),
    onSuccess: () => {
      setReason('');
      setProposed('');
      setCorrections('');
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setInputError(null);
    const [kind, key] = [disputed.slice(0, disputed.indexOf(':')), disputed.slice(disputed.indexOf(':') + 1)];
    const parsed = parseCorrections(corrections);
    if ('error' in parsed) return setInputError(parsed.error);
    const value = parseProposedValue(proposed);
    file.mutate({
      entityId: card.entityId,
      ...(kind === 'measure' ? { measure: key } : { lineKey: key }),
      reason: reason.trim(),
      ...(value === undefined ? {} : { proposedValue: value }),
      ...(parsed.rows.length > 0 ? { corrections: parsed.rows } : {}),
    });
  };
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
      aria-label={`Ask for a review of ${card.name}`}
    >
      <h3 className="font-semibold text-slate-900">Ask for a review of {card.name}</h3>
      {reviewUntil ? (
        <p className="text-sm text-slate-700">Requests are open until {formatIsoDate(reviewUntil)}.</p>
      ) : null}
      <LabelledField label="What you dispute">
        {(id) => (
          <select
            id={id}
            required
            value={disputed}
            onChange={(e) => setDisputed(e.target.value)}
            className={formFieldClass}
          >
            <option value="">Choose a measure or a payment line</option>
            <optgroup label="Measures">
              {card.measures
                .filter((m) => m.applies)
                .map((m) => (
                  <option key={m.measure} value={`measure:${m.measure}`}>
                    {m.name}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Payment lines">
              {card.payment.lines.map((l) => (
                <option key={l.lineKey} value={`line:${l.lineKey}`}>
                  {l.text}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </LabelledField>
      <LabelledTextArea label="Reason" required rows={3} value={reason} onValue={setReason} />
      <LabelledField label="The value you say is right (optional)">
        {(id) => (
          <input
            id={id}
            value={proposed}
            onChange={(e) => setProposed(e.target.value)}
            className={formFieldClass}
          />
        )}
      </LabelledField>
      <LabelledTextArea
        label="Corrected records (optional: JSON, one submission object or a list)"
        rows={3}
        value={corrections}
        onValue={setCorrections}
        className="font-mono"
        spellCheck={false}
      />
      {inputError || file.isError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {inputError ?? describeError(file.error)}
        </p>
      ) : null}
      {file.isSuccess ? (
        <p role="status" className="text-sm text-green-900">
          Request {file.data.id} filed: it is {file.data.status}.
        </p>
      ) : null}
      <Button type="submit" disabled={file.isPending || disputed === '' || reason.trim() === ''}>
        {file.isPending ? 'Filing…' : 'File the request'}
      </Button>
    </form>
  );
}
