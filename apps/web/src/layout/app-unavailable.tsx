import { useRouter } from '@tanstack/react-router';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/query-feedback.tsx';

/** Shown when the signed-in frame cannot start, e.g. the API is down on reload. */
export function AppUnavailable({ error }: { error: unknown }) {
  const router = useRouter();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="mb-4 text-2xl font-semibold text-slate-900">Quip is not available</h1>
      <ErrorMessage title="Your session could not be checked." error={error} />
      <Button className="mt-4" onClick={() => void router.invalidate()}>
        Try again
      </Button>
    </main>
  );
}
