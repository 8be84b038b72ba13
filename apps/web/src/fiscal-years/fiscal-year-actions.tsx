import { nextFiscalYear } from '@quip/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dataOf } from '../api/api-client.ts';
import type { FiscalYear } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { useMe } from '../auth/use-me.ts';
import { Button } from '../ui/button.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { cloneOutcomeText } from './clone-outcome-text.ts';
import { CloseRefusal, closeRefusalReasons } from './close-refusal.tsx';

/** Admin actions on one year: open it, clone it into the next year, close it (after a warning). */
export function FiscalYearActions({ year, years }: { year: FiscalYear; years: FiscalYear[] }) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const me = useMe();
  const next = nextFiscalYear(year.fiscalYear);
  const nextExists = years.some((y) => y.fiscalYear === next);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['fiscal-years'] });
  const setStatus = useMutation({
    mutationFn: (change: { status: 'open' | 'closed'; force?: boolean }) =>
      dataOf(
        api.PATCH('/api/v1/fiscal-years/{fy}', { params: { path: { fy: year.fiscalYear } }, body: change }),
      ),
    onSuccess: refresh,
  });
  const clone = useMutation({
    mutationFn: async () => {
      if (!nextExists)
        await dataOf(api.POST('/api/v1/fiscal-years', { body: { fiscalYear: next, status: 'draft' } }));
      return dataOf(
        api.POST('/api/v1/fiscal-years/{fy}/clone-from/{source}', {
          params: { path: { fy: next, source: year.fiscalYear } },
        }),
      );
    },
    onSuccess: refresh,
  });
  if (me?.role !== 'admin') return null;
  const refusal = closeRefusalReasons(setStatus.error);
  const error = (refusal ? null : setStatus.error) ?? clone.error;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {year.status === 'draft' ? (
        <Button variant="secondary" onClick={() => setStatus.mutate({ status: 'open' })}>
          Open for submissions
        </Button>
      ) : null}
      <Button variant="secondary" onClick={() => clone.mutate()} disabled={clone.isPending}>
        Clone into {next}
      </Button>
      {year.status !== 'closed' ? (
        <ConfirmDialog
          trigger={<Button variant="secondary">Close {year.fiscalYear}…</Button>}
          title={`Close fiscal year ${year.fiscalYear}?`}
          confirmLabel={`Close ${year.fiscalYear}`}
          onConfirm={() => setStatus.mutate({ status: 'closed' })}
        >
          <p>Closing makes the year read-only, for good:</p>
          <ul className="list-disc pl-5">
            <li>no more submissions or payee changes for any program in it;</li>
            <li>rulebooks can no longer be edited or published;</li>
            <li>no run can start, and each program's final run stays final;</li>
            <li>runs and payment files made so far stay as they are and can still be downloaded.</li>
          </ul>
          <p>
            A closed year cannot be reopened. First publish every draft, run the final recompute and mark it
            as the final run on its run page: closing is refused until each program is ready.
          </p>
        </ConfirmDialog>
      ) : null}
      {refusal ? (
        <CloseRefusal
          fiscalYear={year.fiscalYear}
          reasons={refusal}
          busy={setStatus.isPending}
          onForce={() => setStatus.mutate({ status: 'closed', force: true })}
        />
      ) : null}
      {clone.isSuccess ? (
        <p role="status" className="text-sm text-green-800">
          {cloneOutcomeText(clone.data)}
        </p>
      ) : null}
      <ErrorAlert error={error} />
    </div>
  );
}
