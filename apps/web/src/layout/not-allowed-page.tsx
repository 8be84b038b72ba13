import { Link } from '@tanstack/react-router';
import { PageHeader } from '../ui/page-header.tsx';

/** Where a route sends a role that may not open it; the API would answer 403 anyway. */
export function NotAllowedPage() {
  return (
    <>
      <PageHeader title="Not allowed">
        <p>Your API key's role cannot open that page. Ask an administrator if you need it.</p>
      </PageHeader>
      <Link to="/fiscal-years" className="text-blue-800 underline">
        Back to fiscal years
      </Link>
    </>
  );
}
