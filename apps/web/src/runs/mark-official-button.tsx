import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Run } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { runApi } from './run-api.ts';

/**
 * For an admin: make this succeeded run the program's final (official) run of its year, while
 * the year is open. Another run that was final stops being so.
 */
export function MarkOfficialButton({ run, currentFinal }: { run: Run; currentFinal: string | null }) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const runId = String(run.id);
  const mark = useMutation({
    mutationFn: () => runApi.markOfficial(api, runId),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['run', runId], updated);
      await queryClient.invalidateQueries({ queryKey: ['runs', run.fiscalYear, run.program] });
    },
  });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ConfirmDialog
        trigger={<Button disabled={mark.isPending}>Mark as the final run…</Button>}
        title={`Mark run ${runId} as the final run?`}
        confirmLabel={`Mark run ${runId} final`}
        onConfirm={() => mark.mutate()}
        busy={mark.isPending}
      >
        <p>
          Run {runId} (as of {run.asOf}, rulebook version {run.rulebookVersion}) becomes the official run of{' '}
          {run.program} {run.fiscalYear}: the one its payments are settled on.
        </p>
        {currentFinal ? <p>It replaces run {currentFinal}, which stops being final.</p> : null}
        <p>Closing the fiscal year afterwards locks the final run for good.</p>
      </ConfirmDialog>
      <ErrorAlert error={mark.error} />
    </div>
  );
}
