import type { FiscalYearStatus } from '../api/resources.ts';

// The word carries the meaning; colour only repeats it.
const styles: Record<FiscalYearStatus, { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'bg-amber-100 text-amber-900 ring-amber-300' },
  open: { label: 'Open', className: 'bg-emerald-100 text-emerald-900 ring-emerald-300' },
  closed: { label: 'Closed (read-only)', className: 'bg-slate-200 text-slate-800 ring-slate-300' },
};

export function FiscalYearStatusBadge({ status }: { status: FiscalYearStatus }) {
  const style = styles[status] ?? { label: status, className: 'bg-slate-100 text-slate-800 ring-slate-300' };
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.className}`}
    >
      <span className="sr-only">Status: </span>
      {style.label}
    </span>
  );
}
