import { compileRulebook, submissionCsvTemplate } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dataOf } from '../api/api-client.ts';
import { useQuip } from '../app/quip-context.tsx';
import { ColumnHeaders } from '../ui/column-headers.tsx';
import { saveBlob } from '../ui/save-blob.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A CSV template per measure that takes submissions: its columns and one example row, from the
 * published rulebook's field schema (core's submissionCsvTemplate), with a real payee of the program.
 */
export function UploadTemplates({
  fiscalYear,
  program,
  rulebook,
}: {
  fiscalYear: string;
  program: string;
  rulebook: unknown;
}) {
  const { api } = useQuip();
  const firstPayee = useQuery({
    queryKey: ['payees', fiscalYear, program, 'first'],
    queryFn: ({ signal }) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/entities', {
          params: { path: { fy: fiscalYear, program }, query: { limit: 1 } },
          signal,
        }),
      ),
  });
  const entityId = firstPayee.data?.items[0]?.id ?? 'PAYEE-ID';
  const templates = useMemo(() => {
    if (!rulebook) return [];
    try {
      const compiled = compileRulebook(rulebook);
      return compiled.measures
        .map((m) => ({
          measure: m,
          template: submissionCsvTemplate(compiled, m.key, { entityId, day: today() }),
        }))
        .filter((t) => t.template !== null);
    } catch {
      return [];
    }
  }, [rulebook, entityId]);
  if (templates.length === 0) return null;
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Templates: the columns each measure takes</summary>
      <table className="mt-2 min-w-full text-xs">
        <caption className="sr-only">Upload templates by measure</caption>
        <ColumnHeaders columns={['Measure', 'Columns', 'Template']} />
        <tbody>
          {templates.map(({ measure, template }) =>
            template ? (
              <tr key={measure.key} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  <span className="font-mono">{measure.key}</span> {measure.spec.name}
                </th>
                <td className="py-1 pr-3 font-mono">{template.columns.join(', ')}</td>
                <td className="py-1">
                  <button
                    type="button"
                    className="text-blue-800 underline"
                    aria-label={`Download the CSV template of ${measure.key}`}
                    onClick={() =>
                      saveBlob(new Blob([template.csv], { type: 'text/csv' }), template.fileName)
                    }
                  >
                    CSV
                  </button>
                </td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </details>
  );
}
