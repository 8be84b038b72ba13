import { Fragment, useState } from 'react';
import { formatReceivedAt } from '../format/format-received-at.ts';
import { type Receipt, receiptKey } from './current-receipts.ts';
import { SubmissionHistory } from './submission-history.tsx';
import type { InboxItem } from './submission-inbox.ts';

const SHOWN = 500;

interface Props {
  fiscalYear: string;
  program: string;
  measure: { key: string; dataKey: string };
  items: readonly InboxItem[];
  receipts: ReadonlyMap<string, Receipt>;
  timeZone: string;
}

/**
 * The payees of one measure in one inbox state: when their current record(s) came in (the
 * server's receipt in the program's zone, and a declared day beside it for a historic load),
 * core's reasons, and each payee's version history on demand.
 */
export function InboxItemList({ fiscalYear, program, measure, items, receipts, timeZone }: Props) {
  const [history, setHistory] = useState<string | null>(null);
  return (
    // relative: the sr-only labels (absolutely placed) stay inside the scroll box; without it the
    // hidden rows' labels would stretch the page below the table.
    <div className="relative max-h-96 overflow-y-auto">
      <table className="min-w-full text-xs">
        <caption className="sr-only">Payees of {measure.key}</caption>
        <thead className="sticky top-0 bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Payee
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              Received
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              Why
            </th>
            <th scope="col" className="py-1 font-medium">
              <span className="sr-only">History</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, SHOWN).map((i) => {
            const receipt = receipts.get(receiptKey(i.entityId, measure.key));
            const open = history === i.entityId;
            return (
              <Fragment key={i.entityId}>
                <tr className="border-t border-slate-200 align-top">
                  <th scope="row" className="py-1 pr-4 text-left font-mono font-normal">
                    {i.entityId}
                  </th>
                  <td className="py-1 pr-4" data-testid="received">
                    {receipt ? <ReceiptText receipt={receipt} timeZone={timeZone} /> : '—'}
                  </td>
                  <td className="py-1 pr-4">{i.reasons.length > 0 ? i.reasons.join('; ') : '—'}</td>
                  <td className="py-1 text-right">
                    {receipt ? (
                      <button
                        type="button"
                        aria-expanded={open}
                        onClick={() => setHistory(open ? null : i.entityId)}
                        className="whitespace-nowrap rounded px-1 text-blue-800 underline hover:text-blue-950"
                      >
                        {open ? 'Hide history' : 'History'}
                        <span className="sr-only"> of {i.entityId}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
                {open ? (
                  <tr>
                    <td colSpan={4} className="pb-3">
                      <SubmissionHistory
                        fiscalYear={fiscalYear}
                        program={program}
                        entityId={i.entityId}
                        dataKey={measure.dataKey}
                        timeZone={timeZone}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {items.length > SHOWN ? (
        <p className="mt-1 text-slate-700">
          {(items.length - SHOWN).toLocaleString('en-US')} more not listed.
        </p>
      ) : null}
    </div>
  );
}

function ReceiptText({ receipt, timeZone }: { receipt: Receipt; timeZone: string }) {
  return (
    <span className="whitespace-nowrap">
      <time dateTime={receipt.receivedAt}>{formatReceivedAt(receipt.receivedAt, timeZone)}</time>
      {receipt.declaredOn ? (
        <span className="ml-2 rounded bg-sky-100 px-1 text-sky-900">declared {receipt.declaredOn}</span>
      ) : null}
      {receipt.records > 1 ? (
        <span className="ml-2 text-slate-600">(latest of {receipt.records} records)</span>
      ) : null}
    </span>
  );
}
