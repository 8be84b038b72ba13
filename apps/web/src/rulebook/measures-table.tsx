import { describeTarget, measurePays, measureUnit } from '@quip/core';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { MeasureSummary } from '../what-if/recompute-what-if.ts';
import { describeAppliesTo } from './describe-target.ts';

type Row = { index: number; measure: Record<string, unknown>; summary: MeasureSummary | undefined };
const col = createColumnHelper<Row>();

/** The rulebook's measures; choosing one opens its form. Met counts come from the live what-if. */
export function MeasuresTable({
  measures,
  selected,
  onSelect,
  summaries,
  rulebook,
}: {
  rulebook: Record<string, unknown>;
  measures: Record<string, unknown>[];
  selected: number;
  onSelect: (index: number) => void;
  summaries: MeasureSummary[] | undefined;
}) {
  const data = useMemo(
    () =>
      measures.map((measure, index) => ({
        index,
        measure,
        summary: summaries?.find((s) => s.measure === measure.key),
      })),
    [measures, summaries],
  );
  const columns = useMemo(
    () => [
      col.display({
        id: 'name',
        header: 'Measure',
        cell: ({ row }) => (
          <button
            type="button"
            onClick={() => onSelect(row.original.index)}
            aria-pressed={row.original.index === selected}
            className="min-w-48 text-left font-medium text-blue-800 underline-offset-2 hover:underline"
          >
            {String(row.original.measure.name)}
            <code className="block text-xs font-normal text-slate-600">
              {String(row.original.measure.key)}
            </code>
          </button>
        ),
      }),
      col.accessor((r) => String(r.measure.domain), { id: 'domain', header: 'Domain' }),
      col.accessor((r) => String(r.measure.kind), { id: 'kind', header: 'Kind' }),
      col.accessor((r) => describeAppliesTo(r.measure.appliesTo), {
        id: 'appliesTo',
        header: 'Applies to',
        cell: (c) => (
          <span className="line-clamp-2 max-w-56 font-mono text-xs" title={c.getValue()}>
            {c.getValue()}
          </span>
        ),
      }),
      col.accessor((r) => (typeof r.measure.weight === 'number' ? r.measure.weight : 1), {
        id: 'weight',
        header: 'Weight',
      }),
      col.accessor((r) => describeTarget(r.measure.target, measureUnit(r.measure)), {
        id: 'target',
        header: 'Target',
      }),
      col.accessor((r) => measurePays(rulebook, String(r.measure.key)), {
        id: 'pays',
        header: 'Pays',
        cell: (c) => {
          const pays = c.getValue();
          if (pays.weightIgnored) return <span className="text-amber-800">⚠ weight ignored</span>;
          return pays.roles.length > 0 ? 'yes' : 'no';
        },
      }),
      col.accessor((r) => r.summary, {
        id: 'met',
        header: 'Meet (what-if)',
        cell: (c) => {
          const s = c.getValue();
          return s ? `${s.met.toLocaleString('en-US')} / ${s.applicable.toLocaleString('en-US')}` : '—';
        },
      }),
    ],
    [onSelect, selected, rulebook],
  );
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel() });
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">Measures</caption>
        <thead className="bg-slate-100 text-slate-800">
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th key={h.id} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={row.original.index === selected ? 'bg-blue-50' : undefined}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2 align-top text-slate-800">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
