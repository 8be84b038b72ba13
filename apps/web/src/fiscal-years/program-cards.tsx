import type { Program } from '../api/resources.ts';
import { ProgramLinks } from './program-links.tsx';
import { PublishedRulebook } from './published-rulebook.tsx';

/** The programs as a stack of cards, for screens too narrow for the table's four columns. */
export function ProgramCards({
  fiscalYear,
  programs,
  className = '',
}: {
  fiscalYear: string;
  programs: Program[];
  className?: string;
}) {
  return (
    <ul className={`space-y-3 ${className}`}>
      {programs.map((program) => (
        <li key={program.id} className="rounded-md border border-slate-200 bg-white p-4 text-sm">
          <p className="font-medium text-slate-900">{program.name}</p>
          <code className="text-xs text-slate-600">{program.id}</code>
          {program.description ? <p className="mt-1 text-xs text-slate-600">{program.description}</p> : null}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">Agency</dt>
            <dd className="text-slate-900">{program.agency}</dd>
            <dt className="text-slate-600">Payees</dt>
            <dd className="text-slate-900">{program.payeeKind}</dd>
            <dt className="text-slate-600">Published rulebook</dt>
            <dd className="text-slate-900">
              <PublishedRulebook version={program.rulebookVersion} />
            </dd>
          </dl>
          <div className="mt-2">
            <ProgramLinks fiscalYear={fiscalYear} program={program.id} name={program.name} />
          </div>
        </li>
      ))}
    </ul>
  );
}
