import type { Role } from '../api/resources.ts';

const labels: Record<Role, string> = { admin: 'Admin', analyst: 'Analyst', submitter: 'Submitter' };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className="rounded-full bg-slate-700 px-2 py-0.5 text-xs font-semibold text-white">
      <span className="sr-only">role </span>
      {labels[role] ?? role}
    </span>
  );
}
