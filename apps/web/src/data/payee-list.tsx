import { useMemo } from 'react';
import { dataOf } from '../api/api-client.ts';
import { useQuip } from '../app/quip-context.tsx';
import { useAllPages } from '../runs/use-all-pages.ts';
import type { DataColumn } from '../ui/data-table/data-column.ts';
import { type DataFilter, valueOptions } from '../ui/data-table/data-filter.ts';
import { DataTable } from '../ui/data-table/data-table.tsx';
import { payeeColumns } from '../ui/data-table/payee-columns.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';

type Payee = { id: string; name: string } & Record<string, unknown>;

/** At most this many attributes get a filter: those with a few distinct text values. */
const FILTERS = 3;
const FILTER_VALUES = 30;

/** "rateCents" -> "Rate", "serviceCode" -> "Service code". */
export function attributeHeader(key: string): string {
  const words = key
    .replace(/Cents$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function attributeColumn(key: string, rows: readonly Payee[]): DataColumn<Payee> {
  const header = attributeHeader(key);
  const values = rows.map((r) => r[key]).filter((v) => v !== undefined && v !== null);
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  if (numeric && /Cents$/.test(key) && values.every((v) => Number.isInteger(v)))
    return { id: key, header, kind: 'cents', value: (r) => (r[key] as number | undefined) ?? null };
  if (numeric)
    return { id: key, header, kind: 'number', value: (r) => (r[key] as number | undefined) ?? null };
  return {
    id: key,
    header,
    value: (r) => {
      const v = r[key];
      if (v === undefined || v === null) return '';
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    },
  };
}

/**
 * The program's payees, every one (loaded page after page), in the SPA's data table: id and name,
 * their attributes (amounts in dollars), search, a filter per attribute of a few values, the
 * subtotal of the amounts shown, export of what is shown.
 */
export function PayeeList({ fiscalYear, program }: { fiscalYear: string; program: string }) {
  const { api } = useQuip();
  const payees = useAllPages<Payee>(
    true,
    (cursor, signal) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/entities', {
          params: {
            path: { fy: fiscalYear, program },
            query: { limit: 1000, ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      ),
    `${fiscalYear}/${program}`,
  );
  const rows = payees.rows;
  // The attribute columns of the first page (a program's payees share their attributes).
  const keys = useMemo(
    () =>
      [...new Set(rows.slice(0, 1000).flatMap((p) => Object.keys(p)))].filter(
        (k) => k !== 'id' && k !== 'name',
      ),
    [rows],
  );
  const columns = useMemo<DataColumn<Payee>[]>(
    () => [
      ...payeeColumns<Payee>(
        (p) => p.id,
        (p) => p.name,
      ),
      ...keys.map((k) => attributeColumn(k, rows.slice(0, 1000))),
    ],
    [keys, rows],
  );
  // A filter for each text attribute of 2..30 distinct values (over every payee loaded).
  const filters = useMemo(() => {
    const found: DataFilter<Payee>[] = [];
    for (const c of columns.slice(2)) {
      if (c.kind !== undefined || found.length === FILTERS) continue;
      const values = new Set<string>();
      for (const r of rows) {
        values.add(String(c.value(r)));
        if (values.size > FILTER_VALUES) break;
      }
      values.delete('');
      if (values.size >= 2 && values.size <= FILTER_VALUES)
        found.push({
          id: c.id,
          label: c.header,
          options: valueOptions('all', [...values].sort()),
          keeps: (p, v) => String(c.value(p)) === v,
        });
    }
    return found;
  }, [columns, rows]);
  if (payees.error) return <ErrorMessage title="The payees could not be loaded." error={payees.error} />;
  if (!payees.done && rows.length === 0) return <LoadingMessage>Loading payees…</LoadingMessage>;
  return (
    <DataTable
      rows={rows}
      columns={columns}
      caption="Payees"
      testId="payees"
      exportName={`${program}-${fiscalYear}-payees`}
      noun="payees"
      searchLabel="Search payees"
      filters={filters}
      loading={payees.done ? undefined : payees.loaded}
    />
  );
}
