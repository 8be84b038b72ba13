import type { RowProblem } from '../api/resources.ts';
import { ColumnHeaders } from '../ui/column-headers.tsx';
import { rowPlace } from './record-lines.ts';

const LISTED = 200;

interface Props {
  problems: readonly RowProblem[];
  /** How many there are in all (the API lists the first 1,000): the rest are counted, not listed. */
  total: number;
  caption: string;
  testId: string;
  /** What one of them is called in the table header: a problem (error) or a finding (warning). */
  what: string;
  /** Where each row starts in the file sent (recordLines): rows are then shown as file lines. */
  lines?: readonly number[] | null;
}

/**
 * Rows of a bulk file the API named: as lines of the file when the file is at hand (`lines`: line 3
 * of a CSV is its second record), else with the row number as the API counts it.
 */
export function RowProblemsTable({ problems, total, caption, testId, what, lines = null }: Props) {
  const listed = problems.slice(0, LISTED);
  const more = total - listed.length;
  return (
    <>
      <table className="mt-2 min-w-full text-xs" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <ColumnHeaders
          columns={[
            { label: lines ? 'Where' : 'Row', className: 'w-20' },
            { label: 'Field', className: 'w-48' },
            what,
          ]}
        />
        <tbody>
          {listed.map((p) => (
            <tr key={`${p.row}-${p.path}-${p.message}`} className="align-top">
              <td className="pr-3 tabular-nums">{lines ? rowPlace(p.row, lines) : p.row}</td>
              {/* An empty path: about the whole record (e.g. what it replaces). */}
              <td className="pr-3 font-mono">{p.path === '' ? '—' : p.path}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs opacity-80">
        {more > 0 ? `${more.toLocaleString('en-US')} more not listed. ` : ''}
        {lines
          ? 'Lines are lines of the file sent: a CSV file’s header is line 1.'
          : 'Rows are counted from the first record: a CSV file’s header line is not a row.'}
      </p>
    </>
  );
}
