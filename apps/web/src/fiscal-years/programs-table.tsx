import type { Program } from '../api/resources.ts';
import { ColumnHeaders } from '../ui/column-headers.tsx';
import { ProgramLinks } from './program-links.tsx';
import { PublishedRulebook } from './published-rulebook.tsx';

export function ProgramsTable({
  fiscalYear,
  programs,
  className = '',
}: {
  fiscalYear: string;
  programs: Program[];
  className?: string;
}) {
  return (
    <div className={`overflow-x-auto rounded-md border border-slate-200 ${className}`}>
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">Programs in fiscal year {fiscalYear}</caption>
        <ColumnHeaders
          columns={[
            'Program',
            'Agency',
            'Payees',
            { label: 'Published rulebook', className: 'whitespace-nowrap' },
            { label: 'Pages', srOnly: true },
          ]}
          className="bg-slate-100 text-slate-800"
          cellClassName="px-4 py-2 font-semibold"
        />
        <tbody className="divide-y divide-slate-200 bg-white">
          {programs.map((program) => (
            <tr key={program.id} className="align-top">
              <th scope="row" className="px-4 py-3 font-normal">
                <span className="block font-medium text-slate-900">{program.name}</span>
                <code className="text-xs text-slate-600">{program.id}</code>
                {program.description ? (
                  <span className="mt-1 block max-w-prose text-xs text-slate-600">{program.description}</span>
                ) : null}
              </th>
              <td className="px-4 py-3 text-slate-800">{program.agency}</td>
              <td className="px-4 py-3 text-slate-800">{program.payeeKind}</td>
              <td className="px-4 py-3 text-slate-800">
                <PublishedRulebook version={program.rulebookVersion} />
              </td>
              <td className="px-4 py-3">
                <ProgramLinks fiscalYear={fiscalYear} program={program.id} name={program.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
