import type { RuleIssue } from '@quip/core';
import { ClassTableChart } from './class-table-chart.tsx';
import type { ClassRow, PracticeMark } from './class-table-curve.ts';
import { issuesUnder } from './editor-inputs.tsx';

const cell = 'w-full rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600';

/**
 * The EPT class table: one row per class (member range and PMPY), checked by core's rulebook
 * validation (rows ascend without overlap and without gaps) with the messages shown on the row,
 * and the chart beside it.
 */
export function ClassTableEditor({
  payment,
  issues,
  path,
  practices = [],
  onChange,
}: {
  payment: Record<string, unknown>;
  /** The program's practices of the latest stored payee data, marked on the chart. */
  practices?: PracticeMark[];
  issues: readonly RuleIssue[];
  path: (string | number)[];
  onChange: (next: Record<string, unknown>) => void;
}) {
  const rows = (payment.classes as ClassRow[] | undefined) ?? [];
  const update = (i: number, key: keyof ClassRow, raw: string) => {
    const next = rows.map((r, j) =>
      j === i
        ? { ...r, [key]: key === 'pmpy' || key === 'class' || raw.trim() === '' ? raw : Number(raw) }
        : r,
    );
    onChange({ ...payment, classes: next });
  };
  const tableIssues = issuesUnder(issues, [...path, 'classes']);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        {tableIssues.length > 0 ? (
          <ul className="mb-2 text-sm text-red-800" role="alert" data-testid="class-table-problems">
            {tableIssues.map((p) => (
              <li key={`${p.path.join('.')}-${p.message}`}>
                {typeof p.path[path.length + 1] === 'number'
                  ? `Class ${rows[p.path[path.length + 1] as number]?.class ?? '?'}: `
                  : ''}
                {p.message}
              </li>
            ))}
          </ul>
        ) : null}
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
                    const problems = issuesUnder(issues, [...path, 'classes', i, key]);
                    return (
                      <td key={key} className="px-2 py-1">
                        <input
                          aria-label={`Class ${row.class} ${key === 'pmpy' ? 'PMPY' : key === 'membersFrom' ? 'members from' : 'members to'}`}
                          className={cell}
                          inputMode="decimal"
                          value={String(row[key])}
                          aria-invalid={problems.length > 0 ? true : undefined}
                          title={problems[0]?.message}
                          onChange={(e) => update(i, key, e.target.value)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <ClassTableChart rows={rows} practices={practices} />
    </div>
  );
}
