import { Link } from '@tanstack/react-router';
import { PageHeader } from '../ui/page-header.tsx';

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
