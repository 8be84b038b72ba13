import type { Run } from '../api/resources.ts';
import { runPercent } from './run-progress.ts';

/** A native progress element (announced by screen readers) with the counts beside it. */
export function RunProgressBar({ run }: { run: Run }) {
  const percent = runPercent(run);
  const { done, total } = run.progress ?? { done: 0, total: 0 };
  return (
    <div className="mt-2 flex items-center gap-3">
      <progress
        value={percent}
        max={100}
        aria-label={`Run ${String(run.id)} progress`}
        className="h-3 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-700"
      />
      <span className="w-40 text-right text-xs whitespace-nowrap text-slate-700">
        {percent}% · {done.toLocaleString('en-US')} / {total.toLocaleString('en-US')}
      </span>
    </div>
  );
}
