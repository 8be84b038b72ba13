import { Link } from '@tanstack/react-router';
import type { Program } from '../api/resources.ts';
import { useMe } from '../auth/use-me.ts';
import { routeRoles } from '../layout/nav-items.ts';

const link =
  'rounded px-2 py-1 text-sm font-medium text-blue-800 underline underline-offset-2 hover:bg-blue-50';

/** The per-program pages, in order, each with the roles that may open it. */
const pages = [
  { label: 'Rulebook', to: '/fiscal-years/$fy/programs/$program/rulebook', role: 'rulebook' },
  { label: 'Data', to: '/fiscal-years/$fy/programs/$program/data', role: 'data' },
  { label: 'Runs', to: '/fiscal-years/$fy/programs/$program/runs', role: 'runs' },
  { label: 'Payments', to: '/fiscal-years/$fy/programs/$program/payments', role: 'payments' },
] as const;

/** The pages of one program in one year that the signed-in role may open. */
export function ProgramLinks({
  fiscalYear,
  program,
  className = '',
}: {
  fiscalYear: string;
  program: Program;
  className?: string;
}) {
  const role = useMe()?.role;
  if (!role) return null;
  const params = { fy: fiscalYear, program: program.id };
  const can = (roles: readonly string[]) => roles.includes(role);
  return (
    <div className={`flex flex-wrap gap-1 ${className}`}>
      {pages
        .filter((p) => can(routeRoles[p.role]))
        .map((p) => (
          <Link
            key={p.label}
            to={p.to}
            params={params}
            className={link}
            aria-label={`${p.label} of ${program.name}`}
          >
            {p.label}
          </Link>
        ))}
    </div>
  );
}
