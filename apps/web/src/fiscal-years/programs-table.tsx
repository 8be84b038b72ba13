import { useQuery } from '@tanstack/react-query';
import { useQuip } from '../app/quip-context.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { programsQueryOptions } from './fiscal-year-queries.ts';

/** The programs of one fiscal year, with the rulebook version each one has published. */
export function ProgramsTable({ fiscalYear }: { fiscalYear: string }) {
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

  return (
    // Narrow screens scroll the table sideways rather than squeezing its columns.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <div className="overflow-x-auto rounded-md border border-slate-200" tabIndex={0}>
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">Programs in fiscal year {fiscalYear}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Program
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Agency
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Payees
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Published rulebook
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {programs.data.map((program) => (
            <tr key={program.id}>
              <th scope="row" className="px-4 py-3 font-normal">
                <span className="block font-medium text-slate-900">{program.name}</span>
                <code className="text-xs text-slate-600">{program.id}</code>
              </th>
              <td className="px-4 py-3 text-slate-800">{program.agency}</td>
              <td className="px-4 py-3 text-slate-800">{program.payeeKind}</td>
              <td className="px-4 py-3 text-slate-800">
                {program.rulebookVersion === null ? (
                  <span className="text-slate-600">None published</span>
                ) : (
                  `Version ${program.rulebookVersion}`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
