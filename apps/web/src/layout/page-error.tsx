import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { PageHeader } from '../ui/page-header.tsx';
import { ErrorMessage } from '../ui/query-feedback.tsx';

/**
 * A page that broke while it was shown (an answer it could not read, a bug): said where the page
 * would be, inside the app's frame and navigation, instead of "Quip is not available", which is
 * for a session that cannot start.
 */
export function PageError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <>
      <PageHeader title="This page could not be shown" />
      <ErrorMessage
        title="Something on this page went wrong."
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </>
  );
}
