import { useQuery } from '@tanstack/react-query';
import { useQuip } from '../app/quip-context.tsx';
import { useMe } from '../auth/use-me.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyMessage } from '../ui/query-feedback.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { CreateFiscalYearForm } from './create-fiscal-year-form.tsx';
import { fiscalYearsQueryOptions } from './fiscal-year-queries.ts';
import { FiscalYearSection } from './fiscal-year-section.tsx';

export function FiscalYearsPage() {
  const { api } = useQuip();
  const years = useQuery(fiscalYearsQueryOptions(api));
  const me = useMe();

  return (
    <>
      <PageHeader title="Fiscal years">
        <p>
          Each program is configured per fiscal year, which runs from July 1 to June 30. A closed year is
          read-only.
        </p>
      </PageHeader>
      {me?.role === 'admin' ? <CreateFiscalYearForm /> : null}
      <QueryView
        query={years}
        loading="Loading fiscal years…"
        errorTitle="The fiscal years could not be loaded."
        retry
        empty={<EmptyMessage>There are no fiscal years yet.</EmptyMessage>}
      >
        {(data) => (
          <div className="space-y-6">
            {newestFirst(data).map((year) => (
              <FiscalYearSection key={year.fiscalYear} year={year} years={data} />
            ))}
          </div>
        )}
      </QueryView>
    </>
  );
}

// ISO dates sort as strings; the newest year is the one administrators work on.
function newestFirst<T extends { startsOn: string }>(years: T[]): T[] {
  return [...years].sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
}
