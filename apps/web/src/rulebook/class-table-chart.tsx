import { formatDollars } from '@quip/core';
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
import { type ClassRow, classTableCurve } from './class-table-curve.ts';

/** Potential payment against assigned members, with each cliff marked and listed in words. */
export function ClassTableChart({ rows }: { rows: ClassRow[] }) {
  const { points, cliffs } = classTableCurve(rows);
  return (
    <figure className="rounded-md border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-semibold text-slate-900">
        Potential payment by assigned members
      </figcaption>
      <div className="h-64" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 10, right: 20, bottom: 10, left: 20 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="members" type="number" domain={['dataMin', 'dataMax']} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => formatWholeDollars(v)} tick={{ fontSize: 12 }} width={80} />
            <Tooltip
              formatter={(v) => formatDollars(Number(v))}
              labelFormatter={(m) => `${Number(m).toLocaleString('en-US')} members`}
            />
            <Line
              type="linear"
              dataKey="potentialCents"
              stroke="#1d4ed8"
              dot={false}
              isAnimationActive={false}
            />
            {cliffs.map((c) => (
              <ReferenceDot
                key={c.toMembers}
                x={c.toMembers}
                y={c.toCents}
                r={5}
                fill="#b91c1c"
                stroke="none"
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="mt-2 text-sm">
        <p className="font-medium text-slate-900">
          {cliffs.length === 0
            ? 'No cliffs: one more member never pays less.'
            : `${cliffs.length} cliff(s): one more member pays less`}
        </p>
        <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-slate-700" data-testid="cliffs">
          {cliffs.map((c) => (
            <li key={c.toMembers}>
              {c.fromMembers.toLocaleString('en-US')} → {c.toMembers.toLocaleString('en-US')} members:{' '}
              {formatDollars(c.fromCents)} → {formatDollars(c.toCents)}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
