import { createContext, useContext, useMemo, useState } from 'react';
import { formatReceivedAt } from '../format/format-received-at.ts';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import type { DataFilter } from '../ui/data-table/data-filter.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { payeeColumns } from '../ui/data-table/payee-columns.tsx';
import { type Receipt, receiptKey } from './current-receipts.ts';
import { SubmissionHistory } from './submission-history.tsx';
import type { InboxItem } from './submission-inbox.ts';

interface Props {
  fiscalYear: string;
  program: string;
  measure: { key: string; dataKey: string };
  items: readonly InboxItem[];
  receipts: ReadonlyMap<string, Receipt>;
  /** Each payee's name, by id. */
  names: ReadonlyMap<string, string>;
  timeZone: string;
}

/**
 * The payees of one measure in one inbox state, in the SPA's data table: id and name, when their
 * current record(s) came in (the server's receipt in the program's zone, and a declared day
 * beside it for a historic load), core's reasons; search, a filter by receipt, export of what is
 * shown; each payee's version history on demand, below the table.
 */
export function InboxItemList({ fiscalYear, program, measure, items, receipts, names, timeZone }: Props) {
  const [history, setHistory] = useState<string | null>(null);
  const choice = useMemo(() => ({ open: history, choose: setHistory }), [history]);
  const columns = useMemo<DataColumn<InboxItem>[]>(() => {
    const receipt = (i: InboxItem) => receipts.get(receiptKey(i.entityId, measure.key));
    return [
      ...payeeColumns<InboxItem>(
        (i) => i.entityId,
        (i) => names.get(i.entityId),
      ),
      {
        id: 'received',
        header: 'Received',
        // Sorted by the instant; shown and exported on the program's clock.
        value: (i) => receipt(i)?.receivedAt ?? null,
        text: (i) => {
          const r = receipt(i);
          if (!r) return '';
          return [
            formatReceivedAt(r.receivedAt, timeZone),
            r.declaredOn ? `declared ${r.declaredOn}` : '',
            r.records > 1 ? `(latest of ${r.records} records)` : '',
          ]
            .filter(Boolean)
            .join(' ');
        },
        searchable: false,
        render: (i) => {
          const r = receipt(i);
          return (
            <span data-testid="received">{r ? <ReceiptText receipt={r} timeZone={timeZone} /> : '—'}</span>
          );
        },
      },
      { id: 'why', header: 'Why', value: (i) => i.reasons.join('; ') },
      {
        id: 'history',
        header: 'History',
        value: () => '',
        searchable: false,
        exported: false,
        render: (i) => (receipt(i) ? <HistoryButton entityId={i.entityId} /> : null),
      },
    ];
  }, [receipts, measure.key, names, timeZone]);
  const filters = useMemo<DataFilter<InboxItem>[]>(
    () => [
      {
        id: 'received',
        label: 'Record',
        options: {
          '': 'any',
          received: 'received',
          declared: 'declared (historic load)',
          none: 'none received',
        },
        keeps: (i, received) => {
          const r = receipts.get(receiptKey(i.entityId, measure.key));
          if (received === 'none') return !r;
          if (received === 'declared') return Boolean(r?.declaredOn);
          return Boolean(r);
        },
      },
    ],
    [receipts, measure.key],
  );
  return (
    <div className="space-y-3">
      <HistoryChoice.Provider value={choice}>
        <DataTable
          rows={items}
          columns={columns}
          caption={`Payees of ${measure.key}`}
          testId="inbox-payees"
          exportName={`${program}-${fiscalYear}-${measure.key}-inbox`}
          noun="payees"
          searchLabel="Search payees"
          filters={filters}
        />
      </HistoryChoice.Provider>
      {history ? (
        <SubmissionHistory
          fiscalYear={fiscalYear}
          program={program}
          entityId={history}
          dataKey={measure.dataKey}
          timeZone={timeZone}
        />
      ) : null}
    </div>
  );
}

/**
 * The payee whose history is open, for the History buttons: a context rather than a dependency of
 * the columns, so opening a history does not rebuild the columns (and re-search 100k rows).
 */
const HistoryChoice = createContext<{ open: string | null; choose: (entityId: string | null) => void }>({
  open: null,
  choose: () => {},
});

function HistoryButton({ entityId }: { entityId: string }) {
  const { open, choose } = useContext(HistoryChoice);
  return (
    <button
      type="button"
      aria-expanded={open === entityId}
      onClick={() => choose(open === entityId ? null : entityId)}
      className="whitespace-nowrap rounded px-1 text-blue-800 underline hover:text-blue-950"
    >
      {open === entityId ? 'Hide history' : 'History'}
      <span className="sr-only"> of {entityId}</span>
    </button>
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
