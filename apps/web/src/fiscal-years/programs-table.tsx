import { ColumnHeaders } from '../ui/column-headers.tsx';
import { PROGRAM_FACTS } from './program-facts.tsx';
import { ProgramIdentity } from './program-identity.tsx';
import { ProgramLinks } from './program-links.tsx';
import type { ProgramsViewProps } from './programs-view-props.ts';

export function ProgramsTable({ fiscalYear, programs, className = '' }: ProgramsViewProps) {
  return (
    <div className={`overflow-x-auto rounded-md border border-slate-200 ${className}`}>
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">Programs in fiscal year {fiscalYear}</caption>
        <ColumnHeaders
          columns={[
            'Program',
            ...PROGRAM_FACTS.map((fact) => ({ label: fact.heading, className: 'whitespace-nowrap' })),
            { label: 'Pages', srOnly: true },
          ]}
          className="bg-slate-100 text-slate-800"
          cellClassName="px-4 py-2 font-semibold"
        />
        <tbody className="divide-y divide-slate-200 bg-white">
          {programs.map((program) => (
            <tr key={program.id} className="align-top">
              <th scope="row" className="px-4 py-3 font-normal">
                <ProgramIdentity program={program} />
              </th>
              {PROGRAM_FACTS.map((fact) => (
                <td key={fact.heading} className="px-4 py-3 text-slate-800">
                  {fact.value(program)}
                </td>
              ))}
              <td className="px-4 py-3">
                <ProgramLinks fiscalYear={fiscalYear} program={program} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
