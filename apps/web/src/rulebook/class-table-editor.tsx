import { ClassTableMilestonesParamsSchema } from '@quip/core';
import { useMemo } from 'react';
import { ClassTableChart } from './class-table-chart.tsx';
import type { ClassRow } from './class-table-curve.ts';

const cell = 'w-full rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600';

/**
 * The EPT class table: one row per class (member range and PMPY), validated by core's schema
 * (rows ascend without overlap) with the messages shown on the row, and the chart beside it.
 */
export function ClassTableEditor({
  payment,
  onChange,
}: {
  payment: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
}) {
  const rows = (payment.classes as ClassRow[] | undefined) ?? [];
  const problems = useMemo(() => {
    const parsed = ClassTableMilestonesParamsSchema.safeParse(payment);
    const byRow = new Map<string, string>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'classes' && typeof issue.path[1] === 'number') {
          byRow.set(`${issue.path[1]}.${String(issue.path[2] ?? '')}`, issue.message);
        }
      }
    }
    return byRow;
  }, [payment]);
  const update = (i: number, key: keyof ClassRow, raw: string) => {
    const next = rows.map((r, j) =>
      j === i ? { ...r, [key]: key === 'pmpy' || key === 'class' ? raw : Number(raw) } : r,
    );
    onChange({ ...payment, classes: next });
  };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Class table</caption>
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              {['Class', 'Members from', 'Members to', 'PMPY ($)'].map((h) => (
                <th key={h} scope="col" className="px-2 py-2 text-left font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.class} className="border-t border-slate-200">
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  {row.class}
                </th>
                {(['membersFrom', 'membersTo', 'pmpy'] as const).map((key) => {
                  const problem = problems.get(`${i}.${key}`);
                  return (
                    <td key={key} className="px-2 py-1">
                      <input
                        aria-label={`Class ${row.class} ${key === 'pmpy' ? 'PMPY' : key === 'membersFrom' ? 'members from' : 'members to'}`}
                        className={cell}
                        inputMode="decimal"
                        value={String(row[key])}
                        aria-invalid={problem ? true : undefined}
                        title={problem}
                        onChange={(e) => update(i, key, e.target.value)}
                      />
                      {problem ? <span className="block text-xs text-red-700">{problem}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ClassTableChart rows={rows} />
    </div>
  );
}
