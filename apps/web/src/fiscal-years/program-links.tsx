import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useQuip } from '../app/quip-context.tsx';
import { meQueryOptions } from '../auth/me-query.ts';
import { routeRoles } from '../layout/nav-items.ts';

const link =
  'rounded px-2 py-1 text-sm font-medium text-blue-800 underline underline-offset-2 hover:bg-blue-50';

/** The pages of one program in one year that the signed-in role may open. */
export function ProgramLinks({
  fiscalYear,
  program,
  name,
}: {
  fiscalYear: string;
  program: string;
  name: string;
}) {
  const { api } = useQuip();
  const role = useQuery(meQueryOptions(api)).data?.role;
  if (!role) return null;
  const params = { fy: fiscalYear, program };
  const can = (roles: readonly string[]) => roles.includes(role);
  return (
    <div className="flex flex-wrap gap-1">
      {can(routeRoles.rulebook) ? (
        <Link
          to="/fiscal-years/$fy/programs/$program/rulebook"
          params={params}
          className={link}
          aria-label={`Rulebook of ${name}`}
        >
          Rulebook
        </Link>
      ) : null}
      {can(routeRoles.data) ? (
        <Link
          to="/fiscal-years/$fy/programs/$program/data"
          params={params}
          className={link}
          aria-label={`Data of ${name}`}
        >
          Data
        </Link>
      ) : null}
      {can(routeRoles.runs) ? (
        <Link
          to="/fiscal-years/$fy/programs/$program/runs"
          params={params}
          className={link}
          aria-label={`Runs of ${name}`}
        >
          Runs
        </Link>
      ) : null}
    </div>
  );
}
