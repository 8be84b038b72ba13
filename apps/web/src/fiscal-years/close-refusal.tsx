import { ApiError } from '../api/api-error.ts';
import { Button } from '../ui/button.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';

/** The reasons a close was refused (409), one per program problem, or null for any other error. */
export function closeRefusalReasons(error: unknown): { program: string; message: string }[] | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.problem.errors?.length) return null;
  return error.problem.errors.map((e) => ({ program: e.path, message: e.message }));
}

/**
 * Why the year could not be closed, program by program, and the way past it: fix each reason, or
 * close anyway (recorded in the audit log with what it overrode).
 */
export function CloseRefusal({
  fiscalYear,
  reasons,
  onForce,
  busy,
}: {
  fiscalYear: string;
  reasons: { program: string; message: string }[];
  onForce: () => void;
  busy: boolean;
}) {
  return (
    <div
      role="alert"
      className="w-full rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-medium">
        {fiscalYear} was not closed: {reasons.length === 1 ? 'one program is' : 'programs are'} not ready.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {reasons.map((r) => (
          <li key={r.message}>{r.message}.</li>
        ))}
      </ul>
      <div className="mt-2">
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={busy}>
              Close {fiscalYear} anyway…
            </Button>
          }
          title={`Close ${fiscalYear} although it is not ready?`}
          confirmLabel={`Close ${fiscalYear} anyway`}
          onConfirm={onForce}
          busy={busy}
        >
          <p>The year closes for good with these left as they are:</p>
          <ul className="list-disc pl-5">
            {reasons.map((r) => (
              <li key={r.message}>{r.message}</li>
            ))}
          </ul>
          <p>The audit log records that you closed it anyway, and why it was not ready.</p>
        </ConfirmDialog>
      </div>
    </div>
  );
}
