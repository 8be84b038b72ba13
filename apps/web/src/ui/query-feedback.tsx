import type { ReactNode } from 'react';
import { describeError } from '../api/describe-error.ts';
import { Button } from './button.tsx';

/** A polite live region, so a screen reader hears that something is loading. */
export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="flex items-center gap-2 text-slate-700">
      <span
        aria-hidden="true"
        className="inline-block size-4 motion-safe:animate-spin rounded-full border-2 border-slate-300 border-t-slate-700"
      />
      {children}
    </p>
  );
}

export function ErrorMessage({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm">{describeError(error)}</p>
      {onRetry ? (
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

export function EmptyMessage({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 p-4 text-slate-700">{children}</p>;
}
