import { Link } from '@tanstack/react-router';
import { PageHeader } from '../ui/page-header.tsx';

/** Inside the signed-in frame, e.g. when a route's loader throws notFound(). */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found">
        <p>There is no page at this address.</p>
      </PageHeader>
      <Link to="/" className="font-medium text-blue-800 underline underline-offset-2">
        Go to the start page
      </Link>
    </>
  );
}

/** For an address no route matches: there is no frame around it, so it brings its own. */
export function StandaloneNotFoundPage() {
  return (
    <div className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-12 sm:items-center">
      <main
        id="main"
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
      >
        <NotFoundPage />
      </main>
    </div>
  );
}
