import { Fragment } from 'react';
import { PROGRAM_FACTS } from './program-facts.tsx';
import { ProgramIdentity } from './program-identity.tsx';
import { ProgramLinks } from './program-links.tsx';
import type { ProgramsViewProps } from './programs-view-props.ts';

/** The programs as a stack of cards, for screens too narrow for the table's four columns. */
export function ProgramCards({ fiscalYear, programs, className = '' }: ProgramsViewProps) {
  return (
    <ul className={`space-y-3 ${className}`}>
      {programs.map((program) => (
        <li key={program.id} className="rounded-md border border-slate-200 bg-white p-4 text-sm">
          <ProgramIdentity program={program} />
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {PROGRAM_FACTS.map((fact) => (
              <Fragment key={fact.heading}>
                <dt className="text-slate-600">{fact.heading}</dt>
                <dd className="text-slate-900">{fact.value(program)}</dd>
              </Fragment>
            ))}
          </dl>
          <ProgramLinks fiscalYear={fiscalYear} program={program} className="mt-2" />
        </li>
      ))}
    </ul>
  );
}
