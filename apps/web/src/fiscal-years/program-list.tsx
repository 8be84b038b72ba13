import { useQuery } from '@tanstack/react-query';
import { useQuip } from '../app/quip-context.tsx';
import { EmptyMessage } from '../ui/query-feedback.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { programsQueryOptions } from './fiscal-year-queries.ts';
import { ProgramCards } from './program-cards.tsx';
import { ProgramsTable } from './programs-table.tsx';

/** The programs of one fiscal year: cards on narrow screens, a table from `sm` up. */
export function ProgramList({ fiscalYear }: { fiscalYear: string }) {
  const { api } = useQuip();
  const programs = useQuery(programsQueryOptions(api, fiscalYear));

  // Only one of the two is displayed at a time, so assistive tech meets the programs once.
  return (
    <QueryView
      query={programs}
      loading="Loading programs…"
      errorTitle={`The programs of ${fiscalYear} could not be loaded.`}
      retry
      empty={<EmptyMessage>No programs in {fiscalYear} yet.</EmptyMessage>}
    >
      {(data) => (
        <>
          <ProgramCards fiscalYear={fiscalYear} programs={data} className="sm:hidden" />
          <ProgramsTable fiscalYear={fiscalYear} programs={data} className="hidden sm:block" />
        </>
      )}
    </QueryView>
  );
}
