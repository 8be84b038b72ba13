import type { ReactNode } from 'react';

/**
 * Problems with the draft, each with where it is (a path) and core's or the API's message: the
 * refusal of a save (role alert) or a summary of what each field already shows (role status, so a
 * problem is announced once). At most `limit` are listed.
 */
export function ProblemList({
  role,
  title,
  problems,
  limit,
  className = '',
  testId,
}: {
  role: 'alert' | 'status';
  title: ReactNode;
  problems: readonly { path: string | readonly (string | number)[]; message: string }[];
  limit: number;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      role={role}
      className={`rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 ${className}`}
      data-testid={testId}
    >
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.slice(0, limit).map((e) => {
          const path = typeof e.path === 'string' ? e.path : e.path.join('.');
          return (
            <li key={`${path}-${e.message}`}>
              {path ? <code>{path}</code> : null} {e.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
