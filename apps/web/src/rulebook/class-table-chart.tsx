import { formatDollars } from '@quip/core';
import { useId, useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatWholeDollars } from '../format/format-money.ts';
import { amount } from '../payments/table-head.tsx';
import { ChartTable } from '../ui/chart-table.tsx';
import { FigureTable } from '../ui/data-table/figure-table.tsx';
import {
  type ClassRow,
  type CurvePoint,
  classTableCurve,
  logCurvePoints,
  type PracticeMark,
  potentialCents,
} from './class-table-curve.ts';

interface ChartPoint extends CurvePoint {
  /** The program's practices with exactly this member count. */
  practices: PracticeMark[];
}

const members = (n: number) => n.toLocaleString('en-US');
/** The two ends of the member-axis zoom: a member count each, empty for the table's own end. */
const ZOOM_ENDS = [
  ['from', 'Zoom from (members)'],
  ['to', 'to (members)'],
] as const;

/** Tick values for a log axis over [from, to]: powers of ten, or 1-2-5 steps when the range is narrow. */
export function logTicks(from: number, to: number): number[] {
  const steps: number[][] = [[1], [1, 2, 5], [1, 1.5, 2, 3, 5, 7]];
  for (const step of steps) {
    const ticks: number[] = [];
    for (let d = 10 ** Math.floor(Math.log10(from)); d <= to; d *= 10)
      for (const s of step) if (d * s >= from && d * s <= to) ticks.push(d * s);
    if (ticks.length >= 3) return ticks;
  }
  return [from, Math.round(Math.sqrt(from * to)), to];
}

/**
 * Potential payment (members x PMPY) against assigned members on a logarithmic member axis, with
 * each cliff and each of the program's practices marked, a zoom on the member range, and the
 * same numbers as a table.
 */
export function ClassTableChart({ rows, practices = [] }: { rows: ClassRow[]; practices?: PracticeMark[] }) {
  const captionId = useId();
  const { cliffs } = classTableCurve(rows);
  const first = Math.max(1, rows[0]?.membersFrom ?? 1);
  const last = Math.max(first + 1, ...rows.map((r) => r.membersTo).filter(Number.isFinite));
  const [zoom, setZoom] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const parsed = (raw: string, fallback: number) => {
    const n = Number(raw);
    return raw.trim() === '' || !Number.isFinite(n)
      ? fallback
      : Math.min(last, Math.max(first, Math.round(n)));
  };
  let from = parsed(zoom.from, first);
  let to = parsed(zoom.to, last);
  if (to <= from) [from, to] = [first, last];

  const byMembers = new Map<number, ChartPoint>();
  for (const p of logCurvePoints(rows)) byMembers.set(p.members, { ...p, practices: [] });
  for (const c of cliffs) {
    for (const [m, cents] of [
      [c.fromMembers, c.fromCents],
      [c.toMembers, c.toCents],
    ] as const) {
      const row = rows.find((r) => r.membersFrom <= m && m <= r.membersTo);
      if (row && !byMembers.has(m))
        byMembers.set(m, { members: m, potentialCents: cents, class: row.class, practices: [] });
    }
  }
  // A practice's point is what the tooltip should find under the mouse: the curve's in-between
  // points right beside it (a pixel or two away on a log axis) are dropped; class ends stay.
  const ends = new Set(rows.flatMap((r) => [r.membersFrom, r.membersTo]));
  for (const mark of practices)
    for (const m of byMembers.keys())
      if (m !== mark.members && !ends.has(m) && Math.abs(Math.log10(m / mark.members)) < 0.02)
        byMembers.delete(m);
  for (const mark of practices) {
    const point = byMembers.get(mark.members);
    if (point) point.practices.push(mark);
    else
      byMembers.set(mark.members, {
        members: mark.members,
        potentialCents: mark.potentialCents,
        class: mark.class,
        practices: [mark],
      });
  }
  const data = [...byMembers.values()].sort((a, b) => a.members - b.members);
  const shown = data.filter((p) => p.members >= from && p.members <= to);
  const top = Math.max(1, ...shown.map((p) => p.potentialCents));
  const zoomed = from !== first || to !== last;
  const label = `Line chart of potential payment (members times PMPY) by members assigned, on a logarithmic member axis from ${members(from)} to ${members(to)}: ${rows.length} classes, ${cliffs.length} cliff(s) where one more member pays less, ${practices.length} practice(s) of the program marked.`;

  return (
    <figure aria-labelledby={captionId} className="rounded-md border border-slate-200 bg-white p-3">
      <figcaption id={captionId} className="text-sm font-semibold text-slate-900">
        Potential payment by members assigned
      </figcaption>
      <fieldset className="mt-2 flex flex-wrap items-end gap-2 text-xs text-slate-700">
        <legend className="sr-only">Zoom on the member axis</legend>
        {ZOOM_ENDS.map(([end, text]) => (
          <label key={end} className="flex flex-col">
            {text}
            <input
              type="number"
              min={first}
              max={last}
              className="w-28 rounded border border-slate-300 px-2 py-1 text-sm"
              placeholder={members(end === 'from' ? first : last)}
              value={zoom[end]}
              onChange={(e) => {
                const value = e.target.value;
                setZoom((z) => ({ ...z, [end]: value }));
              }}
            />
          </label>
        ))}
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-50"
          disabled={!zoomed}
          onClick={() => setZoom({ from: '', to: '' })}
        >
          Show all
        </button>
      </fieldset>
      <div className="mt-2 h-80" role="img" aria-label={label} data-testid="class-table-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 10, right: 16, bottom: 24, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="members"
              type="number"
              scale="log"
              domain={[from, to]}
              allowDataOverflow
              ticks={logTicks(from, to)}
              tickFormatter={(v: number) => members(v)}
              tick={{ fontSize: 12 }}
              label={{ value: 'Members assigned', position: 'insideBottom', offset: -14, fontSize: 12 }}
            />
            <YAxis
              type="number"
              domain={[0, Math.ceil(top * 1.05)]}
              allowDataOverflow
              tickFormatter={(v: number) => formatWholeDollars(v)}
              tick={{ fontSize: 12 }}
              width={84}
              label={{
                value: 'Potential payment',
                angle: -90,
                position: 'insideLeft',
                offset: -14,
                style: { textAnchor: 'middle' },
                fontSize: 12,
              }}
            />
            <Tooltip content={(props) => <PointTooltip active={props.active} payload={props.payload} />} />
            <Line
              type="linear"
              dataKey="potentialCents"
              name="Potential payment"
              stroke="#1d4ed8"
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number; payload?: ChartPoint }) =>
                props.payload && props.payload.practices.length > 0 ? (
                  <circle
                    key={`p-${props.index}`}
                    cx={props.cx}
                    cy={props.cy}
                    r={6}
                    fill="#15803d"
                    stroke="#fff"
                    strokeWidth={2}
                    data-testid="practice-mark"
                    data-members={props.payload.members}
                  />
                ) : (
                  <g key={`n-${props.index}`} />
                )
              }
              activeDot={{ r: 4 }}
            />
            {cliffs
              .filter((c) => c.toMembers >= from && c.toMembers <= to)
              .map((c) => (
                <ReferenceDot
                  key={c.toMembers}
                  x={c.toMembers}
                  y={c.toCents}
                  r={3}
                  fill="#b91c1c"
                  stroke="none"
                />
              ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
        <span>
          <span className="mr-1 inline-block h-3 w-3 rounded-full bg-green-700 align-middle" />a practice of
          the program
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-2 rounded-full bg-red-700 align-middle" />a cliff: one more
          member pays less
        </span>
      </p>
      <div className="mt-2 text-sm">
        <p className="font-medium text-slate-900">
          {cliffs.length === 0
            ? 'No cliffs: one more member never pays less.'
            : `${cliffs.length} cliff(s): one more member pays less`}
        </p>
        <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-slate-700" data-testid="cliffs">
          {cliffs.map((c) => (
            <li key={c.toMembers}>
              {members(c.fromMembers)} → {members(c.toMembers)} members: {formatDollars(c.fromCents)} →{' '}
              {formatDollars(c.toCents)}
            </li>
          ))}
        </ul>
      </div>
      <ChartTable>
        <FigureTable
          caption="Potential payment of each class, at its fewest and most members"
          columns={[
            'Class',
            amount('Members assigned'),
            amount('Per member (PMPY)'),
            amount('Potential at fewest'),
            amount('Potential at most'),
          ]}
          rows={rows.map((r) => ({
            key: r.class,
            head: r.class,
            cells: [
              `${members(r.membersFrom)}–${members(r.membersTo)}`,
              formatDollars(potentialCents(1, r.pmpy)),
              formatDollars(potentialCents(r.membersFrom, r.pmpy)),
              formatDollars(potentialCents(r.membersTo, r.pmpy)),
            ],
          }))}
          testId="class-table-chart-classes"
        />
        {practices.length > 0 ? (
          <FigureTable
            caption="The program's practices"
            columns={['Practice', amount('Members assigned'), 'Class', amount('Potential payment')]}
            rows={practices.map((p) => ({
              key: p.id,
              head: `${p.name} (${p.id})`,
              cells: [members(p.members), p.class, formatDollars(p.potentialCents)],
            }))}
            testId="class-table-chart-practices"
          />
        ) : null}
      </ChartTable>
    </figure>
  );
}

/** The hovered point in words: members, class, potential in dollars, and the practices there. */
function PointTooltip({
  active,
  payload,
}: {
  active?: boolean | undefined;
  payload?: readonly { payload?: unknown }[] | undefined;
}) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div
      className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow"
      data-testid="chart-tooltip"
    >
      <p className="font-semibold text-slate-900">
        {members(point.members)} members assigned, class {point.class}
      </p>
      <p>Potential payment: {formatDollars(point.potentialCents)}</p>
      {point.practices.length > 0 ? (
        <ul className="mt-1 list-disc pl-4 text-green-900">
          {point.practices.slice(0, 5).map((p) => (
            <li key={p.id}>
              {p.name} ({p.id})
            </li>
          ))}
          {point.practices.length > 5 ? <li>and {point.practices.length - 5} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
