/** "Final": the program's official run of the fiscal year. The word carries the meaning. */
export function FinalRunBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-semibold text-emerald-900 ring-1 ring-emerald-300 ring-inset">
      Final (official)
    </span>
  );
}
