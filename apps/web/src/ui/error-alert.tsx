import { describeError } from '../api/describe-error.ts';

/**
 * What went wrong with an action, in one sentence beside the control that started it, read out at
 * once (`role="alert"`); nothing while there is no error (a mutation's `error` is null until it fails).
 */
export function ErrorAlert({
  error,
  describe = describeError,
  className = '',
}: {
  error: unknown;
  /** The sentence for the error; default the generic one for its status. */
  describe?: (error: unknown) => string;
  className?: string;
}) {
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className={`text-sm text-red-800 ${className}`}>
      {describe(error)}
    </p>
  );
}
