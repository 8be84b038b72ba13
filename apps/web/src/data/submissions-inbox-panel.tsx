import { compileRulebook, DEFAULT_TIME_ZONE, evaluateProgram } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { rulebookQueryOptions } from '../rulebook/rulebook-queries.ts';
import { ColumnHeaders } from '../ui/column-headers.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { programInputsQueryOptions } from '../what-if/program-inputs-query.ts';
import { whatIfAsOf } from '../what-if/what-if-as-of.ts';
import { currentReceipts } from './current-receipts.ts';
import { InboxItemList } from './inbox-item-list.tsx';
import { type InboxState, submissionInbox } from './submission-inbox.ts';

const LABEL: Record<InboxState, string> = {
  'on-time': 'On time',
  late: 'Late',
  missing: 'Missing',
  flagged: 'Incomplete or inaccurate',
  'not-scored': 'Not scored',
};
const TONE: Record<InboxState, string> = {
  'on-time': 'bg-green-100 text-green-900',
  late: 'bg-amber-100 text-amber-900',
  missing: 'bg-slate-200 text-slate-900',
  flagged: 'bg-red-100 text-red-900',
  'not-scored': 'bg-violet-100 text-violet-900',
};
const STATES = Object.keys(LABEL) as InboxState[];

/**
 * Per measure: who submitted on time, late, not at all, or a record flagged incomplete or
 * inaccurate (with core's reasons); each payee with when its record was received and its history.
 */
export function SubmissionsInboxPanel({ fiscalYear, program }: { fiscalYear: string; program: string }) {
  const { api } = useQuip();
  const rulebook = useQuery(rulebookQueryOptions(api, fiscalYear, program));
  const data = useQuery(programInputsQueryOptions(api, fiscalYear, program));
  const [open, setOpen] = useState<{ measure: string; state: InboxState } | null>(null);
  const inbox = useMemo(() => {
    const json = rulebook.data?.published?.rulebook;
    if (!json || !data.data) return null;
    const compiled = compileRulebook(json);
    const { results } = evaluateProgram(compiled, {
      entities: data.data.entities,
      submissions: data.data.submissions,
      asOf: whatIfAsOf(compiled),
      // Reasons need explanations; for very large programs the counts alone stay fast.
      explain: data.data.entities.length <= 5_000,
    });
    return {
      boxes: submissionInbox(
        compiled.measures.map((m) => m.key),
        results,
      ),
      measures: new Map(compiled.measures.map((m) => [m.key, m])),
      receipts: currentReceipts(compiled.measures, data.data.submissions),
      names: new Map(data.data.entities.map((e) => [e.id, e.name])),
      // Receipt times are shown on the program's clock, where timeliness is judged.
      timeZone: compiled.rulebook.timeZone ?? DEFAULT_TIME_ZONE,
    };
  }, [rulebook.data, data.data]);

  if (rulebook.isPending || data.isPending) return <LoadingMessage>Loading submissions…</LoadingMessage>;
  if (rulebook.isError || data.isError)
    return <ErrorMessage title="The submissions could not be loaded." error={rulebook.error ?? data.error} />;
  if (!inbox)
    return (
      <p className="text-sm text-slate-700">No published rulebook: nothing to check submissions against.</p>
    );
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Submissions by measure</caption>
        <ColumnHeaders
          columns={['Measure', ...STATES.map((s) => ({ label: LABEL[s], align: 'right' as const }))]}
          className="bg-slate-100"
          cellClassName="px-3 py-2"
        />
        <tbody>
          {inbox.boxes.map((box) => (
            <Fragment key={box.measure}>
              <tr className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-mono text-xs font-normal">
                  {box.measure}
                </th>
                {STATES.map((s) => (
                  <td key={s} className="px-3 py-2 text-right">
                    <button
                      type="button"
                      disabled={box.counts[s] === 0}
                      aria-expanded={open?.measure === box.measure && open.state === s}
                      onClick={() =>
                        setOpen(
                          open?.measure === box.measure && open.state === s
                            ? null
                            : { measure: box.measure, state: s },
                        )
                      }
                      className={`rounded-full px-2 py-0.5 text-xs font-medium disabled:opacity-60 ${TONE[s]}`}
                    >
                      {box.counts[s].toLocaleString('en-US')}
                      <span className="sr-only"> {LABEL[s]}</span>
                    </button>
                  </td>
                ))}
              </tr>
              {open?.measure === box.measure ? (
                <tr>
                  <td colSpan={STATES.length + 1} className="bg-slate-50 px-3 py-2">
                    <InboxItemList
                      fiscalYear={fiscalYear}
                      program={program}
                      measure={inbox.measures.get(box.measure) ?? { key: box.measure, dataKey: box.measure }}
                      items={box.items.filter((i) => i.state === open.state)}
                      receipts={inbox.receipts}
                      names={inbox.names}
                      timeZone={inbox.timeZone}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
