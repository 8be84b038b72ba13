import { useQuery } from '@tanstack/react-query';
import { useQuip } from '../app/quip-context.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { programsQueryOptions } from './fiscal-year-queries.ts';
import { ProgramCards } from './program-cards.tsx';
import { ProgramsTable } from './programs-table.tsx';

/** The programs of one fiscal year: cards on narrow screens, a table from `sm` up. */
export function ProgramList({ fiscalYear }: { fiscalYear: string }) {
  const { api } = useQuip();
  const programs = useQuery(programsQueryOptions(api, fiscalYear));

  if (programs.isPending) return <LoadingMessage>Loading programs…</LoadingMessage>;
  if (programs.isError) {
    return (
      <ErrorMessage
        title={`The programs of ${fiscalYear} could not be loaded.`}
        error={programs.error}
        onRetry={() => void programs.refetch()}
      />
    );
  }
  if (programs.data.length === 0) return <EmptyMessage>No programs in {fiscalYear} yet.</EmptyMessage>;

  // Only one of the two is displayed at a time, so assistive tech meets the programs once.
  return (
    <>
      <ProgramCards fiscalYear={fiscalYear} programs={programs.data} className="sm:hidden" />
      <ProgramsTable fiscalYear={fiscalYear} programs={programs.data} className="hidden sm:block" />
    </>
  );
}
