import type { ReactNode } from 'react';
import { ErrorMessage, LoadingMessage } from './query-feedback.tsx';

/** The part of a react-query result that QueryView reads. */
export interface ViewedQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * A query's place on a page: the loading message while it loads, the error (with Try again when
 * `retry`) when it failed, `empty` when it answered an empty list, else `children` with its data.
 */
export function QueryView<T>({
  query,
  loading,
  errorTitle,
  retry = false,
  empty,
  children,
}: {
  query: ViewedQuery<T>;
  loading: ReactNode;
  errorTitle: string;
  retry?: boolean;
  /** Shown instead of `children` for an empty list; without it, an empty list goes to `children`. */
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingMessage>{loading}</LoadingMessage>;
  if (query.isError)
    return (
      <ErrorMessage
        title={errorTitle}
        error={query.error}
        onRetry={retry ? () => void query.refetch() : undefined}
      />
    );
  const data = query.data as T;
  if (empty !== undefined && Array.isArray(data) && data.length === 0) return <>{empty}</>;
  return <>{children(data)}</>;
}
